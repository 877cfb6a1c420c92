"""Reads for dashboards and reports: counts of households, members, visits, concerns and
poverty statuses for a cell, a commune or a province, aggregated in the database.

Scope. Every report starts from `gandan.access.units_for(user)`: a unit outside it is a 404.
Names and rows (households, members) come only through `access.households_for` /
`access.members_for` (see the export selectors below).

The one place aggregates bypass row scope: a higher-level viewer (cấp trên) sees no household
rows (`households_for` is empty for him) but must see the counts of the units below him. So
the figures here count over a unit's households directly (`unit_households`) once
`aggregate_unit_get_for` has checked that the unit is in `access.units_for(user)`. These
functions return numbers keyed by unit ids, never a name or a row of personal data.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from gandan import access
from gandan.care import selectors as care_selectors
from gandan.care.models import Concern, Visit
from gandan.households.models import Assignment, Household
from gandan.lib.dates import today as local_today
from gandan.org.models import Member, Unit
from gandan.places.models import Commune
from gandan.poverty import selectors as poverty_selectors
from gandan.poverty.models import Assessment, Status, Target

FIRST_YEAR = 2000


def aggregate_units_for(*, user) -> QuerySet[Unit]:
    """Units whose aggregate figures the user may read: managers their cells and commune,
    viewers the units of their province. A plain member gets none (his own cell is a page he
    may open, not a report)."""
    scope = access.scope_for(user)
    units = access.units_for(user)
    if scope.is_admin:
        return units
    return units.filter(
        Q(pk__in=scope.cell_ids)
        | Q(commune_id__in=scope.commune_ids)
        | Q(province_id__in=scope.province_ids)
    )


def aggregate_unit_get_for(*, user, pk) -> Unit:
    """One of `aggregate_units_for`; forbidden is the same 404 as missing."""
    return access.get_or_404(
        aggregate_units_for(user=user).select_related("commune", "province"), pk=pk
    )


def unit_households(unit: Unit, *, include_left: bool = False) -> QuerySet[Household]:
    """The households of a unit, for COUNTING only (see the module docstring): current ones,
    or also those that moved away (their past poverty statuses and concerns still count)."""
    households = (
        Household.objects.all() if include_left else Household.objects.filter(left_on__isnull=True)
    )
    if unit.kind == Unit.Kind.CELL:
        return households.filter(area__cell_area__cell=unit)
    if unit.kind == Unit.Kind.COMMITTEE:
        return households.filter(area__commune_id=unit.commune_id)
    return households.filter(area__commune__province_id=unit.province_id)


def unit_members(unit: Unit) -> QuerySet[Member]:
    """The active members of a unit, for COUNTING only."""
    members = Member.objects.filter(left_on__isnull=True)
    if unit.kind == Unit.Kind.CELL:
        return members.filter(cell=unit)
    if unit.kind == Unit.Kind.COMMITTEE:
        return members.filter(cell__commune_id=unit.commune_id)
    return members.filter(cell__province_id=unit.province_id)


def unit_concerns(unit: Unit) -> QuerySet[Concern]:
    """Concerns of a unit's households (as `care.selectors.open_concern_count` counts them)."""
    return Concern.objects.filter(household__in=unit_households(unit, include_left=True))


def unit_assessments(unit: Unit, *, year: int) -> QuerySet[Assessment]:
    """Official statuses of `year` of a unit's households (as `poverty.selectors` counts)."""
    return Assessment.objects.filter(
        household__in=unit_households(unit, include_left=True), year=year
    )


def check_year(year: int | None) -> int:
    """The report year: this year when not given; refused when implausible."""
    this_year = local_today().year
    if year is None:
        return this_year
    if not FIRST_YEAR <= year <= this_year + 1:
        raise ValidationError(
            f"Năm {year} không hợp lệ: chọn một năm từ {FIRST_YEAR} đến {this_year + 1}."
        )
    return year


# --- figures grouped by unit ---------------------------------------------------------------


@dataclass
class Figures:
    """The overview's numbers for one row (a cell or a commune) or for the total."""

    key: int | None = None
    name: str = ""
    unit_id: int | None = None  # the unit whose own overview this row opens (a commune's)
    members: int = 0
    households: int = 0
    assigned: int = 0
    visited_30d: int = 0
    visited_90d: int = 0
    overdue: int = 0
    open_concerns: int = 0
    overdue_concerns: int = 0
    poor: int = 0
    near_poor: int = 0
    targets: list = field(default_factory=list)

    @property
    def assigned_percent(self) -> int | None:
        if not self.households:
            return None
        return round(100 * self.assigned / self.households)

    @property
    def unassigned(self) -> int:
        return self.households - self.assigned

    def add(self, other: "Figures") -> None:
        for name in (
            "members",
            "households",
            "assigned",
            "visited_30d",
            "visited_90d",
            "overdue",
            "open_concerns",
            "overdue_concerns",
            "poor",
            "near_poor",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _grouped(queryset: QuerySet, by: str | None, **aggregates) -> dict:
    """{group id: {name: count}} in one query; `by=None` gives one group keyed None."""
    if by is None:
        return {None: queryset.aggregate(**aggregates)}
    rows = queryset.order_by().values(by).annotate(**aggregates)
    return {row.pop(by): row for row in rows}


def _household_counts(households: QuerySet[Household], *, by: str | None, day) -> dict:
    """Per group (`by` is a lookup to the group's id): households, with someone in charge,
    visited in 30 and 90 days, overdue for a visit. One query; each household's latest visit
    is one backward step on the (household, visited_on) index."""
    overdue_days = settings.GANDAN["VISIT_OVERDUE_DAYS"]
    latest = Visit.objects.filter(household=OuterRef("pk")).order_by("-visited_on")

    def since(days):
        return day - datetime.timedelta(days=days)

    annotated = households.annotate(
        has_member=Exists(
            Assignment.objects.filter(household=OuterRef("pk"), ends_on__isnull=True)
        ),
        last_visit=Subquery(latest.values("visited_on")[:1]),
    )
    return _grouped(
        annotated,
        by,
        households=Count("pk"),
        assigned=Count("pk", filter=Q(has_member=True)),
        visited_30d=Count("pk", filter=Q(last_visit__gte=since(30))),
        visited_90d=Count("pk", filter=Q(last_visit__gte=since(90))),
        overdue=Count(
            "pk", filter=Q(last_visit__isnull=True) | Q(last_visit__lt=since(overdue_days))
        ),
    )


def _status_counts(assessments: QuerySet[Assessment], *, by: str | None) -> dict:
    return _grouped(
        assessments,
        by,
        poor=Count("pk", filter=Q(status=Status.POOR)),
        near_poor=Count("pk", filter=Q(status=Status.NEAR_POOR)),
    )


def _member_counts(members: QuerySet[Member], *, by: str | None) -> dict:
    return _grouped(members, by, members=Count("pk"))


def _concern_counts(concerns: QuerySet[Concern], *, by: str | None) -> dict:
    late = timezone.now() - datetime.timedelta(days=settings.GANDAN["CONCERN_OVERDUE_DAYS"])
    open_ = Q(status__in=Concern.OPEN_STATUSES)
    return _grouped(
        concerns,
        by,
        open_concerns=Count("pk", filter=open_),
        overdue_concerns=Count("pk", filter=open_ & Q(created_at__lt=late)),
    )


def _merge(groups: list[tuple[int, str]], *parts: dict) -> list[Figures]:
    out = []
    for key, name in groups:
        figures = Figures(key=key, name=name)
        for part in parts:
            for attr, value in part.get(key, {}).items():
                setattr(figures, attr, value)
        out.append(figures)
    return out


@dataclass
class Overview:
    unit: Unit
    year: int
    day: datetime.date
    rows: list[Figures]
    total: Figures
    targets: list = field(default_factory=list)


def commune_overview_for(*, user, committee: Unit, year: int, day=None) -> Overview:
    """Per cell of a commune committee: the figures of `Figures`, the total, and the targets
    of the commune and its cells with their progress.

    Five queries whatever the number of cells (cells, members, households, concerns,
    statuses), plus those of the targets: pinned by a test."""
    day = day or local_today()
    cells = list(
        access.units_for(user)
        .filter(parent=committee, kind=Unit.Kind.CELL)
        .order_by("name")
        .values_list("pk", "name")
    )
    cell_ids = [pk for pk, _name in cells]
    by_cell = "household__area__cell_area__cell_id"
    rows = _merge(
        cells,
        _member_counts(unit_members(committee).filter(cell_id__in=cell_ids), by="cell_id"),
        _household_counts(
            unit_households(committee).filter(area__cell_area__cell_id__in=cell_ids),
            by="area__cell_area__cell_id",
            day=day,
        ),
        _concern_counts(unit_concerns(committee), by=by_cell),
        _status_counts(unit_assessments(committee, year=year), by=by_cell),
    )
    total = Figures(name=committee.name)
    for row in rows:
        total.add(row)
    targets = [
        {**t, "unit_name": committee.name}
        for t in poverty_selectors.target_progress_list_for(user=user, unit=committee, year=year)
    ]
    cell_targets = Target.objects.filter(
        unit_id__in=cell_ids, start_year__lte=year, end_year__gte=year
    ).select_related("unit")
    targets += [
        {**poverty_selectors.target_progress(target=t), "unit_name": t.unit.name}
        for t in cell_targets.order_by("unit__name", "start_year", "kind", "pk")
    ]
    return Overview(unit=committee, year=year, day=day, rows=rows, total=total, targets=targets)


def province_overview_for(*, user, province_unit: Unit, year: int, day=None) -> Overview:
    """Per commune of a province: the same figures, by commune. No names but the communes'.
    Five queries whatever the number of communes."""
    day = day or local_today()
    committees = dict(
        access.units_for(user)
        .filter(kind=Unit.Kind.COMMITTEE, province_id=province_unit.province_id)
        .values_list("commune_id", "pk")
    )
    communes = list(
        Commune.objects.filter(pk__in=committees).order_by("name").values_list("pk", "name")
    )
    commune_ids = [pk for pk, _name in communes]
    by_commune = "household__area__commune_id"
    rows = _merge(
        communes,
        _member_counts(
            unit_members(province_unit).filter(cell__commune_id__in=commune_ids),
            by="cell__commune_id",
        ),
        _household_counts(
            unit_households(province_unit).filter(area__commune_id__in=commune_ids),
            by="area__commune_id",
            day=day,
        ),
        _concern_counts(unit_concerns(province_unit), by=by_commune),
        _status_counts(unit_assessments(province_unit, year=year), by=by_commune),
    )
    total = Figures(name=province_unit.name)
    for row in rows:
        row.unit_id = committees[row.key]
        total.add(row)
    return Overview(unit=province_unit, year=year, day=day, rows=rows, total=total)


def summary_for(*, user, unit_id: int, year: int | None = None, day=None) -> dict:
    """The figures of one unit for the API (`GET /api/v1/reports/summary`): numbers only.

    Counts come from the selectors of the apps that own the facts (care: visits, concerns;
    poverty: statuses, transitions, targets), over the unit's households, after
    `aggregate_unit_get_for` has checked that the unit is in the user's scope."""
    unit = aggregate_unit_get_for(user=user, pk=unit_id)
    year = check_year(year)
    day = day or local_today()
    current = unit_households(unit)
    everyone = unit_households(unit, include_left=True)
    statuses = poverty_selectors.status_counts(households=everyone, year=year)
    open_assignment = Assignment.objects.filter(household=OuterRef("pk"), ends_on__isnull=True)
    return {
        "unit": {"id": unit.pk, "name": unit.name, "kind": unit.kind},
        "year": year,
        "day": day,
        "households": current.count(),
        "members": unit_members(unit).count(),
        "assigned_households": current.filter(Exists(open_assignment)).count(),
        "visited_30d": care_selectors.visited_household_count(
            households=current, since=day - datetime.timedelta(days=30)
        ),
        "visited_90d": care_selectors.visited_household_count(
            households=current, since=day - datetime.timedelta(days=90)
        ),
        "poor": statuses["poor"],
        "near_poor": statuses["near_poor"],
        "transitions": poverty_selectors.transition_counts(households=everyone, year=year),
        "open_concerns": care_selectors.open_concern_count(households=everyone),
        "targets": poverty_selectors.target_progress_list_for(user=user, unit=unit, year=year),
    }


# --- rows for exports: personal data, strictly through the row scope --------------------------


def personal_unit_get_for(*, user, pk) -> Unit:
    """A cell or commune whose household rows the user may export: its secretary or the
    commune's committee. A viewer (aggregates only) and a plain member get 404."""
    unit = access.get_or_404(
        access.units_for(user)
        .filter(kind__in=[Unit.Kind.CELL, Unit.Kind.COMMITTEE])
        .select_related("commune"),
        pk=pk,
    )
    if not access.can_see_personal_data(user, unit):
        access.get_or_404(Unit.objects.none(), pk=pk)
    return unit


def _in_unit(unit: Unit) -> Q:
    if unit.kind == Unit.Kind.CELL:
        return Q(area__cell_area__cell=unit)
    return Q(area__commune_id=unit.commune_id)


def household_export_list_for(*, user, unit: Unit) -> QuerySet[Household]:
    """The current households of a unit the user may read, with the member in charge."""
    open_assignment = Assignment.objects.filter(household=OuterRef("pk"), ends_on__isnull=True)
    return (
        access.households_for(user)
        .filter(_in_unit(unit), left_on__isnull=True)
        .select_related("area")
        .annotate(
            member_in_charge_name=Subquery(open_assignment.values("member__full_name")[:1]),
            member_in_charge_phone=Subquery(open_assignment.values("member__phone")[:1]),
            in_charge_since=Subquery(open_assignment.values("starts_on")[:1]),
        )
        .order_by("area__name", "head_name", "pk")
    )


def assignment_export_list_for(*, user, unit: Unit) -> QuerySet[Member]:
    """The assignment table: active members of the unit, each with the households he is in
    charge of now (prefetched, read through the row scope)."""
    members = access.members_for(user).filter(left_on__isnull=True)
    if unit.kind == Unit.Kind.CELL:
        members = members.filter(cell=unit)
    else:
        members = members.filter(cell__commune_id=unit.commune_id)
    households = access.households_for(user).select_related("area").order_by("head_name")
    return (
        members.select_related("cell")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(ends_on__isnull=True, household__in=households)
                .select_related("household__area")
                .order_by("household__area__name", "household__head_name"),
                to_attr="open_assignments",
            )
        )
        .order_by("cell__name", "full_name")
    )


def visit_export_list_for(
    *, user, unit: Unit, start: datetime.date, end: datetime.date
) -> QuerySet[Visit]:
    """Visits to the unit's households between two dates (both included), newest first, with
    the value of the support given on each visit."""
    return (
        Visit.objects.filter(
            household__in=access.households_for(user).filter(_in_unit(unit)),
            visited_on__gte=start,
            visited_on__lte=end,
        )
        .select_related("household__area", "member")
        .annotate(support_total=Sum("supports__amount"))
        .order_by("-visited_on", "household__head_name", "pk")
    )
