from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gandan import access
from gandan.audit.services import record_access
from gandan.care import selectors, services
from gandan.care.forms import ConcernActionForm, ConcernFilterForm, VisitEditForm, VisitForm
from gandan.care.models import Concern
from gandan.households import selectors as household_selectors
from gandan.lib.forms import add_rule_errors
from gandan.org import selectors as org_selectors
from gandan.org.models import Unit


@login_required
@require_GET
def cell_detail(request, pk: int):
    """The secretary's page: households with nobody in charge first, members, concerns."""
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
    context = {"cell": cell, "members": members, "households": households, "show_names": show_names}
    if show_names:
        households = list(households)
        context["households"] = households
        context["unassigned_count"] = sum(1 for h in households if not h.member_in_charge_id)
        concerns = selectors.concern_list_for(user=request.user, cell=cell)
        context["concern_counts"] = selectors.concern_counts(concerns)
        context["support"] = selectors.support_totals(
            selectors.support_list_for(user=request.user).filter(
                household__area__cell_area__cell=cell
            )
        )
        context["unvisited"] = selectors.unvisited_by_member(cells=Unit.objects.filter(pk=cell.pk))
        context["can_manage"] = access.can_manage_cell(request.user, cell)
    return render(request, "care/cell_detail.html", context)


@login_required
@require_GET
def member_detail(request, pk: int):
    member = org_selectors.member_get_for(user=request.user, pk=pk)
    assignments = household_selectors.assignment_list_for_member(member=member)
    support = selectors.support_totals(
        selectors.support_list_for(user=request.user, member_id=member.pk)
    )
    return render(
        request,
        "care/member_detail.html",
        {
            "member": member,
            "assignments": assignments,
            "support": support,
            "can_manage": access.can_manage_cell(request.user, member.cell),
        },
    )


@login_required
@require_GET
def household_detail(request, pk: int):
    household = household_selectors.household_get_for(user=request.user, pk=pk)
    record_access(request=request, obj=household)  # reads by others than the member in charge
    history = household_selectors.assignment_history_for_household(household=household)
    supports = selectors.support_list_for(user=request.user, household_id=household.pk)
    return render(
        request,
        "care/household_detail.html",
        {
            "household": household,
            "residents": household.residents.all(),
            "history": history,
            "visits": selectors.visit_list_for(user=request.user, household_id=household.pk)[:24],
            "concerns": selectors.with_age(
                selectors.concern_list_for(user=request.user).filter(household=household)
            ),
            "supports": supports.order_by("-given_on", "-pk")[:50],
            "support": selectors.support_totals(supports),
            "in_charge": access.is_in_charge(request.user, household),
            "can_manage": access.managed_households_for(request.user)
            .filter(pk=household.pk)
            .exists(),
        },
    )


@login_required
@require_GET
def my_households(request):
    """A member's home: each household with the days since the last visit, overdue first."""
    scope = access.scope_for(request.user)
    if not scope.member_id:
        raise Http404
    households = selectors.my_household_list_for(user=request.user)
    return render(
        request,
        "care/my_households.html",
        {
            "households": households,
            "overdue_days": selectors.overdue_days(),
            "overdue_count": sum(1 for h in households if h.is_overdue),
            "released": selectors.recently_released_for(user=request.user),
            "member_id": scope.member_id,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_new(request, pk: int):
    household = selectors.in_charge_household_get_for(user=request.user, pk=pk)
    form = VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            visit, created = services.visit_record(
                actor=request.user,
                uuid=form.cleaned_data["uuid"],
                data=form.to_input(household.pk),
            )
        except ValidationError as exc:
            add_rule_errors(form, exc)
        except services.VisitConflict as exc:
            form.add_error(None, exc.message)
        except LookupError:
            raise Http404 from None
        else:
            if created:
                messages.success(request, _("Đã ghi lần thăm hộ %(h)s.") % {"h": household})
            else:
                messages.info(request, _("Lần thăm này đã được ghi rồi, không ghi lại lần nữa."))
            return redirect("care:mine")
    return render(
        request,
        "care/visit_form.html",
        {"household": household, "form": form, "api_url": "/api/v1/visits/"},
    )


@login_required
@require_GET
def visit_detail(request, uuid):
    visit = selectors.visit_get_for(user=request.user, uuid=uuid)
    return render(
        request,
        "care/visit_detail.html",
        {
            "visit": visit,
            "can_edit": services.can_edit(request.user, visit),
            "deadline": services.edit_deadline(visit),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_edit(request, uuid):
    visit = selectors.visit_get_for(user=request.user, uuid=uuid)
    if access.scope_for(request.user).member_id != visit.member_id:
        raise PermissionDenied
    initial = {"visited_on": visit.visited_on, "activities": visit.activities, "notes": visit.notes}
    form = VisitEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_update(actor=request.user, visit=visit, **form.cleaned_data)
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            messages.success(request, _("Đã sửa lần thăm; bản cũ vẫn được lưu."))
            return redirect("care:visit", uuid=visit.uuid)
    return render(request, "care/visit_edit.html", {"visit": visit, "form": form})


@login_required
@require_GET
def reminders(request):
    return render(
        request,
        "care/reminders.html",
        {
            "r": selectors.reminders_for(user=request.user),
            "overdue_days": selectors.overdue_days(),
            "concern_days": selectors.concern_overdue_days(),
        },
    )


def _inbox(request, *, unit, concerns, template_tab):
    filter_form = ConcernFilterForm(request.GET or None)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    counts = selectors.concern_counts(concerns)
    if status:
        concerns = concerns.filter(status=status)
    else:
        concerns = concerns.filter(status__in=Concern.OPEN_STATUSES)
    return render(
        request,
        "care/concern_inbox.html",
        {
            "unit": unit,
            "concerns": selectors.with_age(concerns[:300]),
            "counts": counts,
            "filter_form": filter_form,
            "status": status,
            "tab": template_tab,
            "limit_days": selectors.concern_overdue_days(),
        },
    )


@login_required
@require_GET
def cell_concerns(request, pk: int):
    cell = org_selectors.unit_get_for(user=request.user, pk=pk)
    if not cell.is_cell or not access.can_see_personal_data(request.user, cell):
        raise Http404
    concerns = selectors.concern_list_for(user=request.user, cell=cell)
    return _inbox(request, unit=cell, concerns=concerns, template_tab="concerns")


@login_required
@require_GET
def commune_concerns(request, pk: int):
    """The commune committee's inbox: concerns forwarded to it or above, and overdue ones."""
    committee = org_selectors.unit_get_for(user=request.user, pk=pk)
    if committee.kind != Unit.Kind.COMMITTEE or not access.can_see_personal_data(
        request.user, committee
    ):
        raise Http404
    concerns = selectors.concern_list_for(user=request.user, commune_id=committee.commune_id)
    return _inbox(request, unit=committee, concerns=concerns, template_tab="commune")


@login_required
@require_GET
def concerns_home(request):
    """The concerns a user works from: the commune inbox (committee), the cell inbox
    (secretary), or the concerns the member raised, with their answers."""
    scope = access.scope_for(request.user)
    if scope.commune_ids:
        committee = (
            org_selectors.unit_list_for(user=request.user)
            .filter(kind=Unit.Kind.COMMITTEE, commune_id__in=scope.commune_ids)
            .order_by("pk")
            .first()
        )
        if committee is not None:
            return redirect("care:commune_concerns", pk=committee.pk)
    if scope.cell_ids:
        return redirect("care:cell_concerns", pk=min(scope.cell_ids))
    if not scope.member_id:
        raise Http404
    concerns = selectors.concern_list_for(user=request.user).filter(raised_by_id=scope.member_id)
    return render(
        request,
        "care/my_concerns.html",
        {"concerns": selectors.with_age(concerns.order_by("-created_at")[:100])},
    )


@login_required
@require_GET
def concern_detail(request, pk: int):
    concern = selectors.concern_get_for(user=request.user, pk=pk)
    actions = services.allowed_actions(request.user, concern)
    form = ConcernActionForm()
    form.fields["action"].choices = [c for c in form.fields["action"].choices if c[0] in actions]
    concern.age_days = selectors.with_age([concern])[0].age_days
    return render(
        request,
        "care/concern_detail.html",
        {"concern": concern, "form": form, "actions": actions},
    )


@login_required
@require_POST
def concern_act(request, pk: int):
    concern = selectors.concern_get_for(user=request.user, pk=pk)
    if not services.can_handle(request.user, concern):
        raise PermissionDenied
    form = ConcernActionForm(request.POST)
    if form.is_valid():
        try:
            services.concern_act(actor=request.user, concern=concern, **form.cleaned_data)
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(request, _("Đã ghi bước xử lý kiến nghị."))
    else:
        for errors in form.errors.values():
            for m in errors:
                messages.error(request, m)
    return redirect("care:concern", pk=concern.pk)


@login_required
@require_GET
def member_sheet(request, pk: int):
    """Printable: a member's households with blank lines for hand-written visit notes."""
    member = org_selectors.member_get_for(user=request.user, pk=pk)
    assignments = household_selectors.assignment_list_for_member(member=member)
    return render(
        request,
        "care/member_sheet.html",
        {"member": member, "assignments": assignments, "lines": range(4)},
    )


@login_required
@require_GET
def household_card(request, pk: int):
    """Printable card of one household (A5)."""
    household = household_selectors.household_get_for(user=request.user, pk=pk)
    record_access(request=request, obj=household)  # reads by others than the member in charge
    return render(
        request,
        "care/household_card.html",
        {
            "household": household,
            "residents": household.residents.all(),
            "visits": selectors.visit_list_for(user=request.user, household_id=household.pk)[:6],
            "lines": range(8),
        },
    )
