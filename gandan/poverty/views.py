"""Poverty pages: a unit's counts, transitions and targets (printable); a household's history
and its survey form; targets of a commune and its cells; the commune's periodic review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gandan import access
from gandan.audit.services import record_access
from gandan.households import selectors as household_selectors
from gandan.lib.forms import add_rule_errors
from gandan.org.models import Unit
from gandan.poverty import selectors, services, standards
from gandan.poverty.forms import AssessmentForm, ReviewAdvanceForm, ReviewOpenForm, TargetForm
from gandan.poverty.models import Review


def _year_param(request, default: int | None) -> int | None:
    try:
        return int(request.GET["year"])
    except (KeyError, ValueError):
        return default


def _with_transition_list(rows: list[dict]) -> list[dict]:
    """The transition counts of each row as a list in the order of the column headers."""
    years = {row["year"] for row in rows if "year" in row}
    for row in rows:
        # The first reviewed year has nothing to compare with: no transitions, not zeros.
        first = "year" in row and row["year"] - 1 not in years
        row["transitions"] = None if first else [row[k] for k in selectors.Transition.KEYS]
    return rows


@login_required
@require_GET
def unit_detail(request, pk: int):
    """Counts per year, the transitions, the areas of the chosen year and the targets."""
    unit = selectors.poverty_unit_get_for(user=request.user, pk=pk)
    households = selectors.unit_households(unit)
    by_year = _with_transition_list(selectors.status_counts_by_year(households=households))
    years = [r["year"] for r in by_year]
    year = _year_param(request, years[-1] if years else timezone.localdate().year)
    by_area = _with_transition_list(
        selectors.status_counts_by_area(households=households, year=year)
    )
    if year - 1 not in years:
        for row in by_area:
            row["transitions"] = None
    targets = selectors.target_progress_list_for(user=request.user, unit=unit)
    cell_targets = (
        selectors.target_progress_list_for_cells(user=request.user, committee=unit)
        if unit.kind == Unit.Kind.COMMITTEE
        else []
    )
    reviews = selectors.review_list_for_commune(commune_id=unit.commune_id)
    names = (
        selectors.poor_household_list_for(user=request.user, unit=unit, year=year)
        if unit.kind == Unit.Kind.CELL and access.can_see_personal_data(request.user, unit)
        else []
    )
    return render(
        request,
        "poverty/unit_detail.html",
        {
            "unit": unit,
            "by_year": by_year,
            "year": year,
            "by_area": by_area,
            "transition_labels": selectors.Transition.LABELS.items(),
            "targets": targets,
            "cell_targets": cell_targets,
            "reviews": reviews,
            "poor_households": names,
            "can_manage": selectors.can_manage_unit(request.user, unit),
            "can_review": unit.kind == Unit.Kind.COMMITTEE
            and access.can_manage_commune(request.user, unit.commune_id),
            "open_form": ReviewOpenForm(initial={"year": timezone.localdate().year}),
            "advance_form": ReviewAdvanceForm(initial={"on": timezone.localdate()}),
        },
    )


@login_required
@require_GET
def household_detail(request, pk: int):
    household = household_selectors.household_get_for(user=request.user, pk=pk)
    record_access(request=request, obj=household)  # reads by others than the member in charge
    return render(
        request,
        "poverty/household_detail.html",
        {
            "household": household,
            "assessments": selectors.assessment_list_for_household(household=household),
            "can_assess": access.managed_households_for(request.user)
            .filter(pk=household.pk)
            .exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_new(request, pk: int):
    """The survey and the official status of a year (secretary or commune committee)."""
    household = household_selectors.household_get_for(user=request.user, pk=pk)
    if not access.managed_households_for(request.user).filter(pk=household.pk).exists():
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    try:
        year = int(source.get("year") or timezone.localdate().year)
        standard = standards.standard_for_year(year)
    except (ValueError, ValidationError):
        year, standard = timezone.localdate().year, None
    form = AssessmentForm(
        request.POST or None,
        standard=standard,
        initial={"year": year, "decided_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_record(actor=request.user, household=household, **form.cleaned_data)
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi kết quả rà soát của hộ %(h)s.") % {"h": household})
            return redirect("poverty:household", pk=household.pk)
    return render(
        request,
        "poverty/assessment_form.html",
        {"household": household, "form": form, "standard": standard},
    )


@login_required
@require_GET
def target_list(request, pk: int):
    unit = selectors.poverty_unit_get_for(user=request.user, pk=pk)
    return render(
        request,
        "poverty/target_list.html",
        {
            "unit": unit,
            "targets": selectors.target_progress_list_for(user=request.user, unit=unit),
            "can_manage": selectors.can_manage_unit(request.user, unit),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def target_new(request, pk: int):
    unit = selectors.poverty_unit_get_for(user=request.user, pk=pk)
    if not selectors.can_manage_unit(request.user, unit):
        raise PermissionDenied
    year = timezone.localdate().year
    form = TargetForm(request.POST or None, initial={"start_year": year, "end_year": year})
    if request.method == "POST" and form.is_valid():
        try:
            services.target_create(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            messages.success(request, _("Đã đặt chỉ tiêu."))
            return redirect("poverty:targets", pk=unit.pk)
    return render(request, "poverty/target_form.html", {"unit": unit, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request, pk: int):
    target = selectors.target_get_for(user=request.user, pk=pk)
    if not selectors.can_manage_unit(request.user, target.unit):
        raise PermissionDenied
    initial = {
        f: getattr(target, f)
        for f in ["kind", "amount", "start_year", "end_year", "baseline", "description"]
    }
    form = TargetForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_update(actor=request.user, target=target, **form.cleaned_data)
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            messages.success(request, _("Đã sửa chỉ tiêu."))
            return redirect("poverty:targets", pk=target.unit_id)
    return render(
        request, "poverty/target_form.html", {"unit": target.unit, "form": form, "target": target}
    )


@login_required
@require_POST
def target_delete(request, pk: int):
    target = selectors.target_get_for(user=request.user, pk=pk)
    if not selectors.can_manage_unit(request.user, target.unit):
        raise PermissionDenied
    unit_id = target.unit_id
    services.target_delete(actor=request.user, target=target)
    messages.success(request, _("Đã xóa chỉ tiêu."))
    return redirect("poverty:targets", pk=unit_id)


@login_required
@require_POST
def review_open(request, pk: int):
    unit = selectors.poverty_unit_get_for(user=request.user, pk=pk)
    if unit.kind != Unit.Kind.COMMITTEE:
        raise Http404
    if not access.can_manage_commune(request.user, unit.commune_id):
        raise PermissionDenied
    form = ReviewOpenForm(request.POST)
    if form.is_valid():
        try:
            services.review_open(
                actor=request.user, commune_id=unit.commune_id, **form.cleaned_data
            )
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(request, _("Đã mở đợt rà soát."))
    else:
        messages.error(request, _("Hãy nhập năm và ngày bắt đầu."))
    return redirect("poverty:unit", pk=unit.pk)


@login_required
@require_POST
def review_advance(request, pk: int):
    unit = selectors.poverty_unit_get_for(user=request.user, pk=pk)
    if unit.kind != Unit.Kind.COMMITTEE:
        raise Http404
    review = access.get_or_404(
        Review.objects.filter(commune_id=unit.commune_id), pk=request.POST.get("review")
    )
    if not access.can_manage_commune(request.user, unit.commune_id):
        raise PermissionDenied
    form = ReviewAdvanceForm(request.POST)
    if form.is_valid():
        try:
            review = services.review_advance(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(
                request, _("Đợt rà soát chuyển sang: %(s)s.") % {"s": review.get_stage_display()}
            )
    else:
        messages.error(request, _("Hãy nhập ngày."))
    return redirect("poverty:unit", pk=unit.pk)
