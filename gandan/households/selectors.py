"""Reads of households and assignments, always through the access scope."""

import datetime

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery

from gandan import access
from gandan.households.models import Assignment, Household
from gandan.lib.text import fold
from gandan.org.models import Member, Unit


def _with_member_in_charge(households: QuerySet[Household]) -> QuerySet[Household]:
    """Annotate the member in charge today (name and id) in the same query."""
    open_assignment = Assignment.objects.filter(household=OuterRef("pk"), ends_on__isnull=True)
    return households.annotate(
        member_in_charge_id=Subquery(open_assignment.values("member_id")[:1]),
        member_in_charge_name=Subquery(open_assignment.values("member__full_name")[:1]),
    )


def household_list_for(*, user, q: str = "", include_left: bool = False) -> QuerySet[Household]:
    """Households the user may see; `q` matches names and addresses without diacritics."""
    households = access.households_for(user).select_related("area")
    if not include_left:
        households = households.filter(left_on__isnull=True)
    folded = fold(q)
    if folded:
        households = households.filter(search_name__contains=folded)
    return _with_member_in_charge(households).order_by("area__name", "head_name", "pk")


def household_get_for(*, user, pk) -> Household:
    households = _with_member_in_charge(
        access.households_for(user).select_related("area__commune", "area__cell_area__cell")
    )
    return access.get_or_404(households, pk=pk)


def household_list_for_cell(*, user, cell: Unit) -> QuerySet[Household]:
    """A cell's households, those with nobody in charge first (the first thing to fix)."""
    households = household_list_for(user=user).filter(area__cell_area__cell=cell)
    return households.order_by(
        F("member_in_charge_id").asc(nulls_first=True), "area__name", "head_name", "pk"
    )


def assignment_list_for_member(*, member: Member) -> QuerySet[Assignment]:
    """The households a member is in charge of today."""
    return (
        Assignment.objects.filter(member=member, ends_on__isnull=True)
        .select_related("household__area")
        .order_by("household__area__name", "household__head_name")
    )


def assignment_history_for_household(*, household: Household) -> QuerySet[Assignment]:
    return household.assignments.select_related("member").order_by("-starts_on", "-pk")


def member_in_charge_on(*, household: Household, day: datetime.date) -> Member | None:
    """Who was in charge of a household on a given day, from the effective-dated history."""
    assignment = (
        household.assignments.filter(starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=day))
        .select_related("member")
        .order_by("-starts_on")
        .first()
    )
    return assignment.member if assignment else None


def proposal_inputs_for_cell(*, user, cell: Unit) -> tuple[list[Household], list[Member]]:
    """What a proposal needs: the cell's unassigned households in neighbour order, and the
    members able to take households with their current load (unable members get none)."""
    households = list(
        access.managed_households_for(user)
        .filter(area__cell_area__cell=cell, left_on__isnull=True)
        .exclude(Exists(Assignment.objects.filter(household=OuterRef("pk"), ends_on__isnull=True)))
        .select_related("area")
        .order_by("area__name", "address", "head_name", "pk")
    )
    members = list(
        access.members_for(user)
        .filter(cell=cell, left_on__isnull=True, availability=Member.Availability.ABLE)
        .annotate(
            household_count=Count(
                "assignments", filter=Q(assignments__ends_on__isnull=True), distinct=True
            )
        )
        .order_by("full_name", "pk")
    )
    return households, members


def assignment_list_for(
    *, user, cell_id: int | None = None, member_id: int | None = None, current_only: bool = True
) -> QuerySet[Assignment]:
    """Assignments of the households the user may see (members: their own)."""
    assignments = Assignment.objects.filter(
        household__in=access.households_for(user).values("pk")
    ).select_related("household__area", "member")
    if current_only:
        assignments = assignments.filter(ends_on__isnull=True)
    if cell_id is not None:
        assignments = assignments.filter(household__area__cell_area__cell_id=cell_id)
    if member_id is not None:
        assignments = assignments.filter(member_id=member_id)
    return assignments.order_by("household__area__name", "household__head_name", "pk")


def cell_assignment_table(*, user, cell: Unit) -> QuerySet[Member]:
    """The cell's assignment table: each active member with the households in charge of."""
    open_assignments = (
        Assignment.objects.filter(ends_on__isnull=True)
        .select_related("household__area")
        .order_by("household__area__name", "household__address", "household__head_name")
    )
    return (
        access.members_for(user)
        .filter(cell=cell, left_on__isnull=True)
        .prefetch_related(Prefetch("assignments", queryset=open_assignments, to_attr="current"))
        .order_by("full_name")
    )


def managed_household_get_for(*, user, pk) -> Household:
    return access.get_or_404(
        _with_member_in_charge(
            access.managed_households_for(user).select_related("area__cell_area__cell")
        ),
        pk=pk,
    )
