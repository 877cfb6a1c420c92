"""Reads for the members-in-charge workspace: my households, visits, concerns, support,
reminders. Every function starts from `gandan.access`; aggregates are computed in SQL."""

import datetime

from django.conf import settings
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from gandan import access
from gandan.care.models import Concern, Support, Visit
from gandan.households.models import Assignment, Household
from gandan.lib.dates import today
from gandan.org.models import Member, Unit


def overdue_days() -> int:
    return settings.GANDAN["VISIT_OVERDUE_DAYS"]


def concern_overdue_days() -> int:
    return settings.GANDAN["CONCERN_OVERDUE_DAYS"]


# --- for other apps (reports, poverty) ---------------------------------------------------


def visited_household_count(*, households: QuerySet[Household], since: datetime.date) -> int:
    """How many of these (already scoped) households had a visit on or after `since`."""
    recent = Visit.objects.filter(household=OuterRef("pk"), visited_on__gte=since)
    return households.filter(Exists(recent)).count()


def open_concern_count(*, households: QuerySet[Household]) -> int:
    """Concerns still open (new, in progress, forwarded) of these (already scoped) households."""
    return Concern.objects.filter(
        household__in=households.values("pk"), status__in=Concern.OPEN_STATUSES
    ).count()


# --- my households ----------------------------------------------------------------------


def my_household_list_for(*, user) -> list[Household]:
    """The households the user is in charge of today, the longest unvisited first, each with
    `last_visit`, `days_since` and `is_overdue`."""
    member_id = access.scope_for(user).member_id
    if not member_id:
        return []
    households = (
        access.households_for(user)
        .filter(
            assignments__member_id=member_id,
            assignments__ends_on__isnull=True,
            left_on__isnull=True,
        )
        .select_related("area")
        .annotate(
            last_visit=Max("visits__visited_on"),
            open_concerns=Count(
                "concerns",
                filter=Q(concerns__status__in=Concern.OPEN_STATUSES),
                distinct=True,
            ),
        )
        .order_by(F("last_visit").asc(nulls_first=True), "area__name", "head_name", "pk")
    )
    rows = list(households)
    day, limit = today(), overdue_days()
    for h in rows:
        h.days_since = (day - h.last_visit).days if h.last_visit else None
        h.is_overdue = h.days_since is None or h.days_since >= limit
    return rows


def in_charge_household_get_for(*, user, pk) -> Household:
    """A household the user is in charge of today (to record a visit); else 404."""
    member_id = access.scope_for(user).member_id
    households = access.households_for(user).filter(
        assignments__member_id=member_id, assignments__ends_on__isnull=True
    )
    return access.get_or_404(households.select_related("area__cell_area__cell"), pk=pk)


def recently_released_for(*, user, days: int = 30) -> QuerySet[Assignment]:
    """Households the user was in charge of until recently: the reminder that they moved."""
    member_id = access.scope_for(user).member_id
    if not member_id:
        return Assignment.objects.none()
    since = today() - datetime.timedelta(days=days)
    still = Assignment.objects.filter(
        household=OuterRef("household"), member_id=member_id, ends_on__isnull=True
    )
    return (
        Assignment.objects.filter(member_id=member_id, ends_on__gte=since)
        .exclude(Exists(still))
        .select_related("household")
        .order_by("-ends_on")
    )


# --- visits -----------------------------------------------------------------------------


def visit_list_for(*, user, household_id: int | None = None) -> QuerySet[Visit]:
    visits = Visit.objects.filter(
        household__in=access.households_for(user).values("pk")
    ).select_related("member", "household")
    if household_id is not None:
        visits = visits.filter(household_id=household_id)
    return visits.order_by("-visited_on", "-created_at")


def visit_get_for(*, user, uuid) -> Visit:
    return access.get_or_404(
        visit_list_for(user=user).prefetch_related("revisions", "concerns", "supports"), uuid=uuid
    )


# --- concerns ---------------------------------------------------------------------------


def concern_list_for(
    *,
    user,
    cell: Unit | None = None,
    commune_id: int | None = None,
    status: str = "",
    open_only: bool = False,
) -> QuerySet[Concern]:
    """Concerns of households the user may see, and those the user raised."""
    scope = access.scope_for(user)
    condition = Q(household__in=access.households_for(user).values("pk"))
    if scope.member_id:
        condition |= Q(raised_by_id=scope.member_id)
    concerns = Concern.objects.filter(condition).select_related("household", "raised_by", "cell")
    if cell is not None:
        concerns = concerns.filter(cell=cell)
    if commune_id is not None:
        concerns = concerns.filter(cell__commune_id=commune_id)
    if status:
        concerns = concerns.filter(status=status)
    if open_only:
        concerns = concerns.filter(status__in=Concern.OPEN_STATUSES)
    return concerns.order_by("created_at", "pk")


def concern_get_for(*, user, pk) -> Concern:
    return access.get_or_404(
        concern_list_for(user=user)
        .select_related("cell__commune", "visit")
        .prefetch_related("steps"),
        pk=pk,
    )


def with_age(concerns) -> list[Concern]:
    """Each concern with `age_days` and `is_overdue` (open and older than the limit)."""
    now_day, limit = today(), concern_overdue_days()
    rows = list(concerns)
    for c in rows:
        c.age_days = (now_day - timezone.localdate(c.created_at)).days
        c.is_overdue = c.is_open and c.age_days > limit
    return rows


def concern_counts(concerns: QuerySet[Concern]) -> dict:
    limit = today() - datetime.timedelta(days=concern_overdue_days())
    return concerns.aggregate(
        open=Count("pk", filter=Q(status__in=Concern.OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=Concern.OPEN_STATUSES, created_at__date__lt=limit)),
        total=Count("pk"),
    )


# --- support ----------------------------------------------------------------------------


def support_list_for(*, user, household_id=None, member_id=None) -> QuerySet[Support]:
    supports = Support.objects.filter(
        household__in=access.households_for(user).values("pk")
    ).select_related("household", "member")
    if household_id is not None:
        supports = supports.filter(household_id=household_id)
    if member_id is not None:
        supports = supports.filter(member_id=member_id)
    return supports


def support_totals(supports: QuerySet[Support]) -> dict:
    """Sum of values and count per kind, in one query."""
    rows = supports.order_by().values("kind").annotate(total=Sum("amount"), n=Count("pk"))
    labels = dict(Support.Kind.choices)
    by_kind = [
        {"kind": r["kind"], "label": labels.get(r["kind"], r["kind"]), **r}
        for r in sorted(rows, key=lambda r: r["kind"])
    ]
    return {
        "by_kind": by_kind,
        "total": sum(r["total"] or 0 for r in by_kind),
        "count": sum(r["n"] for r in by_kind),
    }


def support_by_member_for_cell(*, user, cell: Unit) -> QuerySet[Member]:
    """Per member of a cell: support value recorded and visits this year, in SQL."""
    start = today().replace(month=1, day=1)
    return (
        access.members_for(user)
        .filter(cell=cell, left_on__isnull=True)
        .annotate(
            support_total=Coalesce(
                Sum("supports__amount", filter=Q(supports__given_on__gte=start)), 0
            )
        )
        .order_by("full_name")
    )


# --- reminders --------------------------------------------------------------------------


def unvisited_by_member(*, cells: QuerySet[Unit], days: int | None = None) -> list[dict]:
    """Members of these cells with how many of their households had no visit for `days`,
    in one grouped query."""
    since = today() - datetime.timedelta(days=days or overdue_days())
    recent = Visit.objects.filter(household=OuterRef("household"), visited_on__gte=since)
    rows = (
        Assignment.objects.filter(
            ends_on__isnull=True,
            household__area__cell_area__cell__in=cells.values("pk"),
            household__left_on__isnull=True,
        )
        .exclude(Exists(recent))
        .values("member_id", "member__full_name", "member__cell__name")
        .annotate(n=Count("pk"))
        .order_by("member__cell__name", "-n", "member__full_name")
    )
    return list(rows[:500])


def reminders_for(*, user) -> dict:
    """One list per person, computed here so that every device shows the same."""
    scope = access.scope_for(user)
    result = {"households": [], "released": [], "concerns": [], "members": [], "answered": []}
    if scope.member_id:
        rows = my_household_list_for(user=user)
        result["households"] = [h for h in rows if h.is_overdue]
        result["released"] = list(recently_released_for(user=user))
        result["answered"] = list(
            Concern.objects.filter(raised_by_id=scope.member_id, status=Concern.Status.ANSWERED)
            .select_related("household")
            .order_by("-answered_at")[:20]
        )
    if scope.manages_anything:
        limit = today() - datetime.timedelta(days=concern_overdue_days())
        concerns = (
            concern_list_for(user=user, open_only=True)
            .filter(created_at__date__lt=limit)
            .filter(
                Q(level=Concern.Level.CELL, cell__in=access.managed_cells_for(user))
                | Q(~Q(level=Concern.Level.CELL), cell__commune_id__in=scope.commune_ids)
            )
        )
        result["concerns"] = with_age(concerns[:200])
        result["members"] = unvisited_by_member(cells=access.managed_cells_for(user))
    return result
