from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gandan import access
from gandan.audit.services import record_access
from gandan.households import selectors as household_selectors
from gandan.org import selectors as org_selectors


@login_required
@require_GET
def cell_detail(request, pk: int):
    """The secretary's page: members, and households with nobody in charge first."""
    cell = org_selectors.unit_get_for(user=request.user, pk=pk)
    if not cell.is_cell:
        raise Http404
    show_names = access.can_see_personal_data(request.user, cell)
    members = org_selectors.member_list_for_cell(user=request.user, cell=cell) if show_names else []
    households = (
        household_selectors.household_list_for_cell(user=request.user, cell=cell)
        if show_names
        else []
    )
    return render(
        request,
        "care/cell_detail.html",
        {"cell": cell, "members": members, "households": households, "show_names": show_names},
    )


@login_required
@require_GET
def member_detail(request, pk: int):
    member = org_selectors.member_get_for(user=request.user, pk=pk)
    assignments = household_selectors.assignment_list_for_member(member=member)
    return render(
        request, "care/member_detail.html", {"member": member, "assignments": assignments}
    )


@login_required
@require_GET
def household_detail(request, pk: int):
    household = household_selectors.household_get_for(user=request.user, pk=pk)
    record_access(request=request, obj=household)  # reads by others than the member in charge
    history = household_selectors.assignment_history_for_household(household=household)
    return render(
        request,
        "care/household_detail.html",
        {
            "household": household,
            "residents": household.residents.all(),
            "history": history,
        },
    )
