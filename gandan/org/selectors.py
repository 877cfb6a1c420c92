"""Reads of units and members, always through the access scope."""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from gandan import access
from gandan.org.models import CellArea, Member, Unit
from gandan.places.models import Area


def unit_list_for(*, user) -> QuerySet[Unit]:
    return access.units_for(user).select_related("parent", "commune", "province")


def unit_get_for(*, user, pk) -> Unit:
    return access.get_or_404(unit_list_for(user=user), pk=pk)


def committee_list_for(*, user) -> QuerySet[Unit]:
    """Commune/ward committees the user may open, with how many cells each has."""
    return (
        unit_list_for(user=user)
        .filter(kind=Unit.Kind.COMMITTEE)
        .annotate(cell_count=Count("children", filter=Q(children__kind=Unit.Kind.CELL)))
        .order_by("province__name", "name")
    )


def cell_list_for_committee(*, user, committee: Unit) -> QuerySet[Unit]:
    """The cells of a committee with their member and household counts.

    Each count is its own correlated subquery: joining members and households in one query
    would multiply rows (members × households per cell) at province scale."""
    members = (
        Member.objects.filter(cell=OuterRef("pk"), left_on__isnull=True)
        .order_by()
        .values("cell")
        .annotate(n=Count("pk"))
        .values("n")
    )
    households = (
        Area.objects.filter(cell_area__cell=OuterRef("pk"))
        .order_by()
        .values("cell_area__cell")
        .annotate(n=Count("households", filter=Q(households__left_on__isnull=True)))
        .values("n")
    )
    return (
        unit_list_for(user=user)
        .filter(parent=committee, kind=Unit.Kind.CELL)
        .annotate(
            member_count=Coalesce(Subquery(members), 0),
            household_count=Coalesce(Subquery(households), 0),
        )
        .prefetch_related(Prefetch("cell_areas", queryset=CellArea.objects.select_related("area")))
        .order_by("name")
    )


def area_list_for_commune(*, commune_id: int) -> QuerySet[Area]:
    return (
        Area.objects.filter(commune_id=commune_id)
        .select_related("cell_area__cell")
        .annotate(household_count=Count("households", filter=Q(households__left_on__isnull=True)))
        .order_by("name")
    )


def member_list_for_cell(*, user, cell: Unit) -> QuerySet[Member]:
    """Active members of a cell with how many households each is in charge of now."""
    return (
        access.members_for(user)
        .filter(cell=cell, left_on__isnull=True)
        .annotate(
            household_count=Count(
                "assignments", filter=Q(assignments__ends_on__isnull=True), distinct=True
            )
        )
        .order_by("full_name")
    )


def member_get_for(*, user, pk) -> Member:
    return access.get_or_404(access.members_for(user).select_related("cell", "user"), pk=pk)
