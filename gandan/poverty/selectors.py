"""Reads of poverty statuses, transitions and targets.

Counts are aggregated in the database. `status_counts` and `transition_counts` take any
household queryset (an area, a cell, a commune, a twinning partnership's villages), so other
parts of the application count the same way; the caller is responsible for having scoped that
queryset through `gandan.access`.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from gandan import access
from gandan.care.models import Support, Visit
from gandan.households.models import Household
from gandan.org.models import Member, Unit
from gandan.poverty.models import Assessment, Review, Standard, Status, Target
from gandan.poverty.standards import classify

STATUS_KEYS = [s.value for s in Status]


class Transition:
    """Chuyển đổi giữa hai năm liền nhau (Decision 24/2021/QĐ-TTg vocabulary). A household
    counts only when it has an official status in both the year and the year before."""

    LEFT_POVERTY = "left_poverty"  # thoát nghèo: poor -> middle-income or none
    LEFT_NEAR_POVERTY = "left_near_poverty"  # thoát cận nghèo: near-poor -> middle or none
    FELL_BACK = "fell_back"  # tái nghèo: poor again after having left poverty
    NEWLY_POOR = "newly_poor"  # phát sinh mới: poor, never poor before
    NEAR_POOR_TO_POOR = "near_poor_to_poor"  # cận nghèo thành nghèo
    POOR_TO_NEAR_POOR = "poor_to_near_poor"  # nghèo thành cận nghèo

    LABELS = {
        LEFT_POVERTY: _("thoát nghèo"),
        LEFT_NEAR_POVERTY: _("thoát cận nghèo"),
        FELL_BACK: _("tái nghèo"),
        NEWLY_POOR: _("hộ nghèo phát sinh mới"),
        NEAR_POOR_TO_POOR: _("từ cận nghèo thành nghèo"),
        POOR_TO_NEAR_POOR: _("từ nghèo thành cận nghèo"),
    }
    KEYS = list(LABELS)


_ABOVE = [Status.MIDDLE, Status.NONE]


def _transition_filters() -> dict:
    return {
        Transition.LEFT_POVERTY: Q(status__in=_ABOVE, before=Status.POOR),
        Transition.LEFT_NEAR_POVERTY: Q(status__in=_ABOVE, before=Status.NEAR_POOR),
        Transition.FELL_BACK: Q(status=Status.POOR, before__in=_ABOVE, poor_earlier=True),
        Transition.NEWLY_POOR: Q(status=Status.POOR, before__in=_ABOVE, poor_earlier=False),
        Transition.NEAR_POOR_TO_POOR: Q(status=Status.POOR, before=Status.NEAR_POOR),
        Transition.POOR_TO_NEAR_POOR: Q(status=Status.NEAR_POOR, before=Status.POOR),
    }


def _with_previous(assessments: QuerySet[Assessment]) -> QuerySet[Assessment]:
    """Each assessment with the household's status of the year before and whether the
    household was ever poor before that."""
    same_household = Assessment.objects.filter(household=OuterRef("household"))
    return assessments.annotate(
        before=Subquery(same_household.filter(year=OuterRef("year") - 1).values("status")[:1]),
        poor_earlier=Exists(
            same_household.filter(year__lt=OuterRef("year") - 1, status=Status.POOR)
        ),
    )


def _of(households: QuerySet[Household]) -> QuerySet[Assessment]:
    return Assessment.objects.filter(household__in=households.values("pk"))


def _status_aggregates() -> dict:
    return {key: Count("pk", filter=Q(status=key)) for key in STATUS_KEYS}


def _transition_aggregates() -> dict:
    return {key: Count("pk", filter=f) for key, f in _transition_filters().items()}


def status_counts(*, households: QuerySet[Household], year: int) -> dict:
    """Official statuses of `year` among `households`: {poor, near_poor, middle, none}.
    `none` counts households officially recognised as none, not households never reviewed."""
    return _of(households).filter(year=year).aggregate(**_status_aggregates())


def transition_counts(*, households: QuerySet[Household], year: int) -> dict:
    """How many of `households` made each transition from `year - 1` to `year`."""
    return _with_previous(_of(households).filter(year=year)).aggregate(**_transition_aggregates())


def status_counts_by_year(*, households: QuerySet[Household]) -> list[dict]:
    """One row per year with official statuses: year, the four counts and the transitions."""
    rows = (
        _with_previous(_of(households))
        .order_by()
        .values("year")
        .annotate(**_status_aggregates(), **_transition_aggregates())
        .order_by("year")
    )
    return list(rows)


def status_counts_by_area(*, households: QuerySet[Household], year: int) -> list[dict]:
    """Per residential area (with its cell) for `year`: the four counts and the transitions."""
    rows = (
        _with_previous(_of(households).filter(year=year))
        .order_by()
        .values(
            "household__area_id",
            "household__area__name",
            "household__area__cell_area__cell__name",
        )
        .annotate(**_status_aggregates(), **_transition_aggregates())
        .order_by("household__area__name")
    )
    return [
        {
            "area_id": r.pop("household__area_id"),
            "area": r.pop("household__area__name"),
            "cell": r.pop("household__area__cell_area__cell__name"),
            **r,
        }
        for r in rows
    ]


# --- units -------------------------------------------------------------------------------


def unit_households(unit: Unit) -> QuerySet[Household]:
    """Households of a unit: a cell's areas, a committee's commune, a province's communes.
    Households that moved away are kept: their statuses of past years still count."""
    if unit.kind == Unit.Kind.CELL:
        return Household.objects.filter(area__cell_area__cell=unit)
    if unit.kind == Unit.Kind.COMMITTEE:
        return Household.objects.filter(area__commune_id=unit.commune_id)
    return Household.objects.filter(area__commune__province_id=unit.province_id)


def unit_members(unit: Unit) -> QuerySet[Member]:
    if unit.kind == Unit.Kind.CELL:
        return Member.objects.filter(cell=unit)
    if unit.kind == Unit.Kind.COMMITTEE:
        return Member.objects.filter(cell__commune_id=unit.commune_id)
    return Member.objects.filter(cell__province_id=unit.province_id)


def can_manage_unit(user, unit: Unit) -> bool:
    """Targets of a cell: its secretary or the commune committee; of a commune: its
    committee."""
    if unit.kind == Unit.Kind.CELL:
        return access.can_manage_cell(user, unit)
    if unit.kind == Unit.Kind.COMMITTEE:
        return access.can_manage_commune(user, unit.commune_id)
    return access.scope_for(user).is_admin


def poverty_unit_get_for(*, user, pk) -> Unit:
    return access.get_or_404(
        access.units_for(user).exclude(kind=Unit.Kind.PROVINCE).select_related("commune", "parent"),
        pk=pk,
    )


# --- targets -----------------------------------------------------------------------------

_STATUS_TARGETS = {
    Target.Kind.FEWER_POOR: Status.POOR,
    Target.Kind.FEWER_NEAR_POOR: Status.NEAR_POOR,
}


def _status_progress(target: Target, status: str) -> dict:
    """Baseline: the official count of the year before the start year when that year was
    reviewed, else of the start year (a typed `baseline` wins). Now: the latest reviewed year
    of the period. Achieved: how many fewer."""
    per_year = dict(
        _of(unit_households(target.unit))
        .filter(year__gte=target.start_year - 1, year__lte=target.end_year)
        .order_by()
        .values("year")
        .annotate(n=Count("pk", filter=Q(status=status)))
        .values_list("year", "n")
    )
    if target.baseline is not None:
        baseline, baseline_year = target.baseline, None
    elif per_year:
        baseline_year = (
            target.start_year - 1 if target.start_year - 1 in per_year else min(per_year)
        )
        baseline = per_year[baseline_year]
    else:
        return {
            "baseline": None,
            "achieved": 0,
            "baseline_year": None,
            "current_year": None,
            "current": None,
        }
    in_period = [y for y in per_year if y >= target.start_year and y != baseline_year]
    if not in_period:
        return {
            "baseline": baseline,
            "achieved": 0,
            "baseline_year": baseline_year,
            "current_year": None,
            "current": None,
        }
    current_year = max(in_period)
    return {
        "baseline": baseline,
        "achieved": baseline - per_year[current_year],
        "baseline_year": baseline_year,
        "current_year": current_year,
        "current": per_year[current_year],
    }


def _counted_progress(target: Target) -> int:
    years = (target.start_year, target.end_year)
    households = unit_households(target.unit).values("pk")
    if target.kind == Target.Kind.HOUSES:
        return Support.objects.filter(
            household__in=households, kind=Support.Kind.HOUSE, given_on__year__range=years
        ).count()
    if target.kind == Target.Kind.NEW_MEMBERS:
        return unit_members(target.unit).filter(admitted_on__year__range=years).count()
    if target.kind == Target.Kind.HOUSEHOLDS_VISITED:
        return (
            Visit.objects.filter(household__in=households, visited_on__year__range=years)
            .values("household_id")
            .distinct()
            .count()
        )
    raise ValueError(target.kind)


def target_progress(*, target: Target) -> dict:
    """A target with its progress computed from the records: id, kind, label, amount,
    start_year, end_year, baseline, achieved, percent, met (and, for the status targets,
    baseline_year, current_year and current)."""
    if target.kind in _STATUS_TARGETS:
        computed = _status_progress(target, _STATUS_TARGETS[target.kind])
    else:
        computed = {"baseline": target.baseline, "achieved": _counted_progress(target)}
    achieved = computed["achieved"]
    return {
        "id": target.pk,
        "unit_id": target.unit_id,
        "kind": target.kind,
        "label": str(target.get_kind_display()),
        "description": target.description,
        "amount": target.amount,
        "start_year": target.start_year,
        "end_year": target.end_year,
        **computed,
        "percent": max(0, round(100 * achieved / target.amount)),
        "met": achieved >= target.amount,
    }


def target_list_for(*, user, unit: Unit, year: int | None = None) -> QuerySet[Target]:
    if not access.units_for(user).filter(pk=unit.pk).exists():
        raise Http404
    targets = Target.objects.filter(unit=unit).select_related("unit")
    if year is not None:
        targets = targets.filter(start_year__lte=year, end_year__gte=year)
    return targets.order_by("start_year", "kind", "pk")


def target_progress_list_for(*, user, unit: Unit, year: int | None = None) -> list[dict]:
    """The unit's targets (those running in `year` when given) with their progress; 404 when
    the unit is outside the user's scope."""
    return [target_progress(target=t) for t in target_list_for(user=user, unit=unit, year=year)]


def target_get_for(*, user, pk) -> Target:
    return access.get_or_404(
        Target.objects.filter(unit__in=access.units_for(user)).select_related("unit__commune"),
        pk=pk,
    )


# --- households --------------------------------------------------------------------------


def assessment_list_for_household(*, household: Household) -> list[Assessment]:
    """A household's official statuses, newest first (the household is already scoped), each
    with `computed` (the status its survey gives by the standard, or None without a survey)
    and `deprived` (the names of its deprived indicators)."""
    assessments = list(
        Assessment.objects.filter(household=household)
        .select_related("standard", "review")
        .prefetch_related("standard__indicators")
        .order_by("-year")
    )
    for a in assessments:
        names = {i.code: i.name for i in a.standard.indicators.all()}
        a.deprived = [names.get(code, code) for code in a.deprived_codes]
        a.computed = None
        if a.income_per_person is not None:
            a.computed = Status(
                classify(
                    standard=a.standard,
                    urban=household.area.is_urban,
                    income=a.income_per_person,
                    deprivations=len(a.deprived_codes),
                )
            )
    return assessments


def target_progress_list_for_cells(*, user, committee: Unit, year: int | None = None) -> list:
    """The targets of a committee's cells with their progress, for the commune page."""
    if not access.units_for(user).filter(pk=committee.pk).exists():
        raise Http404
    targets = Target.objects.filter(unit__parent=committee, unit__kind=Unit.Kind.CELL)
    if year is not None:
        targets = targets.filter(start_year__lte=year, end_year__gte=year)
    rows = []
    for t in targets.select_related("unit").order_by("unit__name", "start_year", "kind"):
        rows.append({**target_progress(target=t), "unit_name": t.unit.name})
    return rows


def poor_household_list_for(*, user, unit: Unit, year: int) -> QuerySet[Assessment]:
    """Poor and near-poor households of a unit in `year` that the user may see by name."""
    visible = access.households_for(user).filter(pk__in=unit_households(unit).values("pk"))
    return (
        Assessment.objects.filter(
            household__in=visible.values("pk"),
            year=year,
            status__in=[Status.POOR, Status.NEAR_POOR],
        )
        .select_related("household__area")
        .order_by("status", "household__head_name", "pk")
    )


def standard_list() -> QuerySet[Standard]:
    return Standard.objects.prefetch_related("indicators").order_by("first_year")


def review_list_for_commune(*, commune_id: int) -> QuerySet[Review]:
    return Review.objects.filter(commune_id=commune_id).order_by("-year")
