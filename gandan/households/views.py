from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gandan import access
from gandan.households import selectors, services
from gandan.households.forms import MemberChoiceForm, ProposalForm
from gandan.org import selectors as org_selectors
from gandan.org.models import Member


@login_required
@require_GET
def household_search(request):
    q = request.GET.get("q", "")[:100]
    households = selectors.household_list_for(user=request.user, q=q)
    page = Paginator(households, 50).get_page(request.GET.get("page"))
    return render(request, "households/search.html", {"q": q, "page": page})


def _managed_cell(request, pk):
    cell = org_selectors.unit_get_for(user=request.user, pk=pk)
    if not cell.is_cell:
        raise Http404
    # A member or a viewer sees the cell but may not change it.
    if (
        not access.can_manage_cell(request.user, cell)
        or access.scope_for(request.user).is_viewer_only
    ):
        raise PermissionDenied
    return cell


def _errors_to_messages(request, exc: ValidationError) -> None:
    for m in exc.messages:
        messages.error(request, m)


@login_required
@require_http_methods(["GET", "POST"])
def propose(request, pk: int):
    """Propose a balanced split of the unassigned households; review and confirm at once."""
    cell = _managed_cell(request, pk)
    households, members = selectors.proposal_inputs_for_cell(user=request.user, cell=cell)
    proposal = services.propose_split(
        households=[(h.pk, (h.area.name, h.address, h.head_name)) for h in households],
        members=[(m.pk, m.household_count) for m in members],
    )
    by_household = {p.household_id: p.member_id for p in proposal}
    form = ProposalForm(
        request.POST or None, households=households, members=members, proposal=by_household
    )
    if request.method == "POST" and form.is_valid():
        try:
            n = services.assignment_confirm_proposal(
                actor=request.user,
                cell=cell,
                pairs=form.pairs(),
                starts_on=form.cleaned_data["starts_on"],
            )
        except ValidationError as exc:
            _errors_to_messages(request, exc)
            return redirect("households:propose", pk=cell.pk)
        messages.success(request, _("Đã phân công %(n)s hộ.") % {"n": n})
        return redirect("care:cell", pk=cell.pk)
    low, high = services.assignment_range()
    counts = Counter(by_household.values())
    loads = [(m, m.household_count + counts.get(m.pk, 0)) for m in members]
    return render(
        request,
        "households/propose.html",
        {"cell": cell, "form": form, "loads": loads, "low": low, "high": high},
    )


@login_required
@require_http_methods(["GET", "POST"])
def assign(request, pk: int):
    """Assign a household, or hand it to another member keeping the history."""
    household = selectors.household_get_for(user=request.user, pk=pk)
    cell = household.area.cell_area.cell if hasattr(household.area, "cell_area") else None
    if cell is None:
        raise Http404
    if (
        not access.can_manage_cell(request.user, cell)
        or access.scope_for(request.user).is_viewer_only
    ):
        raise PermissionDenied
    members = Member.objects.filter(
        cell=cell, left_on__isnull=True, availability=Member.Availability.ABLE
    ).exclude(Q(pk=household.member_in_charge_id) if household.member_in_charge_id else Q())
    form = MemberChoiceForm(request.POST or None, members=members.order_by("full_name"))
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_reassign(
                actor=request.user,
                household=household,
                member=form.cleaned_data["member"],
                on=form.cleaned_data["on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            for m in exc.messages:
                form.add_error(None, m)
        else:
            messages.success(request, _("Đã phân công phụ trách hộ %(h)s.") % {"h": household})
            return redirect("care:household", pk=household.pk)
    return render(request, "households/assign.html", {"household": household, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def move_all(request, pk: int):
    """Bulk reassignment: all of one member's households to another member."""
    member = org_selectors.member_get_for(user=request.user, pk=pk)
    if not access.can_manage_cell(request.user, member.cell):
        raise PermissionDenied
    members = Member.objects.filter(
        cell=member.cell, left_on__isnull=True, availability=Member.Availability.ABLE
    ).exclude(pk=member.pk)
    form = MemberChoiceForm(request.POST or None, members=members.order_by("full_name"))
    if request.method == "POST" and form.is_valid():
        try:
            n = services.assignment_move_all(
                actor=request.user,
                from_member=member,
                to_member=form.cleaned_data["member"],
                on=form.cleaned_data["on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            for m in exc.messages:
                form.add_error(None, m)
        else:
            messages.success(request, _("Đã chuyển %(n)s hộ.") % {"n": n})
            return redirect("care:member", pk=member.pk)
    count = selectors.assignment_list_for_member(member=member).count()
    return render(
        request, "households/move_all.html", {"member": member, "form": form, "count": count}
    )


@login_required
@require_GET
def cell_table(request, pk: int):
    """Printable assignment table of a cell: each member and the households in charge of."""
    cell = org_selectors.unit_get_for(user=request.user, pk=pk)
    if not cell.is_cell or not access.can_see_personal_data(request.user, cell):
        raise Http404
    members = selectors.cell_assignment_table(user=request.user, cell=cell)
    return render(request, "households/cell_table.html", {"cell": cell, "members": members})
