"""The one scoping rule: which units, members and households a user may see and change.

Every selector, view, export and API endpoint starts from these functions, so nothing can leave
the user's scope by forgetting a check. Forbidden and missing answer the same 404, so the
existence of a household outside one's scope does not leak.

| role                      | sees                                                          |
|---------------------------|---------------------------------------------------------------|
| superuser                 | everything (administration)                                   |
| committee (đảng ủy)       | its commune: every cell, member and household                 |
| secretary / deputy        | its cell: members, households of the cell's areas              |
| member                    | the households he or she is in charge of, or shared with him   |
| viewer (cấp trên)         | aggregates of the units below it; no personal data            |
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404

from gandan.households.models import Household
from gandan.org.models import Member, Role, Unit


@dataclass(frozen=True)
class Scope:
    """What one user's roles add up to; computed once per request."""

    user_id: int | None = None
    is_admin: bool = False
    member_id: int | None = None
    member_cell_id: int | None = None
    cell_ids: frozenset[int] = field(default_factory=frozenset)
    commune_ids: frozenset[int] = field(default_factory=frozenset)
    province_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None

    @property
    def manages_anything(self) -> bool:
        return self.is_admin or bool(self.cell_ids or self.commune_ids)

    @property
    def is_viewer_only(self) -> bool:
        """A higher-level viewer with no other role: aggregates only, never writes."""
        return bool(self.province_ids) and not (
            self.is_admin or self.cell_ids or self.commune_ids or self.member_id
        )


def scope_for(user) -> Scope:
    if user is None or not user.is_authenticated:
        return Scope()
    cached = getattr(user, "_gandan_scope", None)
    if cached is not None:
        return cached
    cells, communes, provinces = set(), set(), set()
    for kind, unit_id, commune_id, province_id in Role.objects.filter(user=user).values_list(
        "kind", "unit_id", "unit__commune_id", "unit__province_id"
    ):
        if kind in (Role.Kind.SECRETARY, Role.Kind.DEPUTY):
            cells.add(unit_id)
        elif kind == Role.Kind.COMMITTEE and commune_id:
            communes.add(commune_id)
        elif kind == Role.Kind.VIEWER:
            provinces.add(province_id)
    member = Member.objects.filter(user=user, left_on__isnull=True).values("pk", "cell_id").first()
    scope = Scope(
        user_id=user.pk,
        is_admin=user.is_superuser,
        member_id=member["pk"] if member else None,
        member_cell_id=member["cell_id"] if member else None,
        cell_ids=frozenset(cells),
        commune_ids=frozenset(communes),
        province_ids=frozenset(provinces),
    )
    user._gandan_scope = scope
    return scope


# --- units -------------------------------------------------------------------------------


def units_for(user) -> QuerySet[Unit]:
    """Units whose pages the user may open (viewers: to read their aggregates)."""
    scope = scope_for(user)
    units = Unit.objects.all()
    if scope.is_admin:
        return units
    condition = Q(pk__in=scope.cell_ids) | Q(commune_id__in=scope.commune_ids)
    condition |= Q(province_id__in=scope.province_ids)
    if scope.member_cell_id:
        condition |= Q(pk=scope.member_cell_id)
    if scope.is_anonymous or not (scope.manages_anything or scope.province_ids or scope.member_id):
        return units.none()
    return units.filter(condition)


def managed_cells_for(user) -> QuerySet[Unit]:
    """Cells whose members, households and assignments the user may change."""
    scope = scope_for(user)
    cells = Unit.objects.filter(kind=Unit.Kind.CELL)
    if scope.is_admin:
        return cells
    return cells.filter(Q(pk__in=scope.cell_ids) | Q(commune_id__in=scope.commune_ids))


def can_manage_cell(user, cell: Unit) -> bool:
    scope = scope_for(user)
    return scope.is_admin or cell.pk in scope.cell_ids or cell.commune_id in scope.commune_ids


def can_manage_commune(user, commune_id: int | None) -> bool:
    scope = scope_for(user)
    return scope.is_admin or commune_id in scope.commune_ids


def can_see_personal_data(user, unit: Unit) -> bool:
    """Names of members and households of a unit: managers yes, viewers no."""
    scope = scope_for(user)
    if scope.is_admin or unit.commune_id in scope.commune_ids:
        return True
    return unit.kind == Unit.Kind.CELL and unit.pk in scope.cell_ids


# --- members -----------------------------------------------------------------------------


def members_for(user) -> QuerySet[Member]:
    """Party members whose records the user may read: managers their cells, a member himself."""
    scope = scope_for(user)
    members = Member.objects.all()
    if scope.is_admin:
        return members
    condition = Q(cell_id__in=scope.cell_ids) | Q(cell__commune_id__in=scope.commune_ids)
    if scope.member_id:
        condition |= Q(pk=scope.member_id)
    if not (scope.manages_anything or scope.member_id):
        return members.none()
    return members.filter(condition)


# --- households --------------------------------------------------------------------------


def households_for(user) -> QuerySet[Household]:
    """Households whose personal data the user may read (need-to-know)."""
    scope = scope_for(user)
    households = Household.objects.all()
    if scope.is_admin:
        return households
    condition = Q(area__cell_area__cell_id__in=scope.cell_ids)
    condition |= Q(area__commune_id__in=scope.commune_ids)
    if scope.member_id:
        condition |= Q(
            pk__in=Household.objects.filter(
                Q(assignments__member_id=scope.member_id, assignments__ends_on__isnull=True)
                | Q(shares__member_id=scope.member_id, shares__ends_on__isnull=True)
            ).values("pk")
        )
    if not (scope.manages_anything or scope.member_id):
        return households.none()
    return households.filter(condition)


def managed_households_for(user) -> QuerySet[Household]:
    """Households whose records (assignment, status, data corrections) the user may change."""
    scope = scope_for(user)
    households = Household.objects.all()
    if scope.is_admin:
        return households
    if not scope.manages_anything:
        return households.none()
    return households.filter(
        Q(area__cell_area__cell_id__in=scope.cell_ids) | Q(area__commune_id__in=scope.commune_ids)
    )


def is_in_charge(user, household: Household) -> bool:
    scope = scope_for(user)
    if not scope.member_id:
        return False
    return household.assignments.filter(member_id=scope.member_id, ends_on__isnull=True).exists()


# --- helpers for views -------------------------------------------------------------------


def get_or_404(queryset: QuerySet, **lookup):
    """One object from a scoped queryset; forbidden and missing are the same 404.

    An id past the database's 64-bit range is missing too, not a database error."""
    if any(isinstance(v, int) and not -(2**63) <= v < 2**63 for v in lookup.values()):
        raise Http404
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def context_processor(request):
    """The scope, for menus: which links a user sees."""
    return {"scope": scope_for(getattr(request, "user", None))}
