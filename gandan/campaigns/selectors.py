"""Reads of campaigns, their progress and the accountability reviews, through the access scope.

Who sees what:
- a cell's secretary: the cell's campaigns and the commune's (for the cell's households);
  manages (changes, reviews) the cell's campaigns only;
- the commune committee: every campaign of the commune and of its cells; manages them all;
- a member: the campaigns of his or her cell and of the commune, the totals, and his or her own
  group and households; records participation for the households in his or her charge;
- a higher-level viewer: the campaigns of the province, aggregates per area only (no names).
Everything else answers 404.
"""

from dataclasses import dataclass, field
from fractions import Fraction

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from gandan import access
from gandan.campaigns.models import AccountabilityReview, Campaign, Participation
from gandan.households.models import Assignment, Household
from gandan.org.models import Member, Unit
from gandan.places.models import Area

MIN_GROUP_FOR_FLAG = 3  # a group of 1 or 2 households says little about its member


# --- scope -------------------------------------------------------------------------------


def _member_or_cell_communes(scope: access.Scope) -> QuerySet:
    cell_ids = set(scope.cell_ids)
    if scope.member_cell_id:
        cell_ids.add(scope.member_cell_id)
    return Unit.objects.filter(pk__in=cell_ids).values("commune_id")


def campaign_list_for(*, user, unit: Unit | None = None) -> QuerySet[Campaign]:
    """Campaigns the user may see, newest first, each with its progress counted in SQL."""
    scope = access.scope_for(user)
    campaigns = Campaign.objects.all()
    if not scope.is_admin:
        condition = Q(unit__in=access.units_for(user))
        if scope.cell_ids or scope.member_cell_id:
            # The commune's own campaigns reach the households of every cell.
            condition |= Q(
                unit__kind=Unit.Kind.COMMITTEE,
                unit__commune_id__in=_member_or_cell_communes(scope),
            )
        if scope.is_anonymous:
            return campaigns.none()
        campaigns = campaigns.filter(condition)
    if unit is not None:
        campaigns = campaigns.filter(unit=unit)
    return _with_progress(campaigns.select_related("unit", "unit__commune"))


def _with_progress(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    # The households a campaign reaches: the commune's areas, or the cell's areas.
    campaigns = campaigns.annotate(
        _commune_scope=Case(
            When(unit__kind=Unit.Kind.COMMITTEE, then=F("unit__commune_id")), default=None
        )
    )
    reached = (
        Household.objects.filter(left_on__isnull=True)
        .filter(
            Q(area__commune_id=OuterRef("_commune_scope"))
            | Q(area__cell_area__cell_id=OuterRef("unit_id"))
        )
        .order_by()
        .values(_one=Value(1))
        .annotate(n=Count("pk"))
        .values("n")
    )
    totals = (
        Participation.objects.filter(campaign=OuterRef("pk"))
        .order_by()
        .values("campaign")
        .annotate(total=Sum("quantity"), households=Count("household", distinct=True))
    )
    return campaigns.annotate(
        household_count=Coalesce(Subquery(reached, output_field=IntegerField()), 0),
        total_quantity=Coalesce(Subquery(totals.values("total")), 0),
        participating_count=Coalesce(Subquery(totals.values("households")), 0),
    )


def campaign_get_for(*, user, pk) -> Campaign:
    return access.get_or_404(campaign_list_for(user=user), pk=pk)


def can_manage_campaign(user, campaign: Campaign) -> bool:
    """Secretaries manage their cell's campaigns, the committee its commune's (and cells')."""
    scope = access.scope_for(user)
    if scope.is_viewer_only:
        return False
    if campaign.unit.kind == Unit.Kind.CELL:
        return access.can_manage_cell(user, campaign.unit)
    return access.can_manage_commune(user, campaign.unit.commune_id)


def launchable_units_for(*, user) -> QuerySet[Unit]:
    """Units in whose name the user may launch a campaign."""
    scope = access.scope_for(user)
    if scope.is_viewer_only:
        return Unit.objects.none()
    units = Unit.objects.filter(kind__in=[Unit.Kind.CELL, Unit.Kind.COMMITTEE])
    if scope.is_admin:
        return units.order_by("kind", "name")
    return units.filter(Q(pk__in=scope.cell_ids) | Q(commune_id__in=scope.commune_ids)).order_by(
        "kind", "name"
    )


def campaign_areas(campaign: Campaign) -> QuerySet[Area]:
    if campaign.unit.kind == Unit.Kind.COMMITTEE:
        return Area.objects.filter(commune_id=campaign.unit.commune_id)
    return Area.objects.filter(cell_area__cell_id=campaign.unit_id)


def campaign_households(campaign: Campaign) -> QuerySet[Household]:
    """The active households a campaign reaches."""
    return Household.objects.filter(area__in=campaign_areas(campaign), left_on__isnull=True)


def recordable_households_for(*, user, campaign: Campaign) -> QuerySet[Household]:
    """Households whose participation the user may record: the member in charge his or her
    own, the secretary and the committee those they manage."""
    scope = access.scope_for(user)
    households = campaign_households(campaign)
    if scope.is_viewer_only:
        return households.none()
    condition = Q(pk__in=access.managed_households_for(user).values("pk"))
    if scope.member_id:
        condition |= Q(assignments__member_id=scope.member_id, assignments__ends_on__isnull=True)
    return households.filter(condition).distinct().order_by("head_name", "pk")


def recordable_household_get_for(*, user, campaign: Campaign, pk) -> Household:
    """One household for a participation: outside the user's sight 404, seen but not his or
    hers to record 403."""
    household = access.get_or_404(access.households_for(user), pk=pk)
    if not recordable_households_for(user=user, campaign=campaign).filter(pk=household.pk).exists():
        if not campaign_households(campaign).filter(pk=household.pk).exists():
            return household  # the service explains that the household is outside the campaign
        raise PermissionDenied
    return household


# --- progress and the lag rule -------------------------------------------------------------


def _credited_member(household_ref: str, day_ref: str, value: str = "member_id") -> Subquery:
    """The member in charge of a household on a day, from the effective-dated history
    (an assignment covers starts_on up to the day before ends_on)."""
    return Subquery(
        Assignment.objects.filter(household_id=OuterRef(household_ref))
        .filter(starts_on__lte=OuterRef(day_ref))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=OuterRef(day_ref)))
        .order_by("-starts_on", "-pk")
        .values(value)[:1]
    )


@dataclass
class Row:
    """One line of progress: an area or a member's group of households."""

    key: int | None
    name: str
    households: int
    participating: int
    quantity: int = 0
    flagged: bool = False
    review: AccountabilityReview | None = None

    @property
    def rate(self) -> Fraction:
        return Fraction(self.participating, self.households) if self.households else Fraction(0)

    @property
    def percent(self) -> int:
        return round(self.rate * 100)


@dataclass
class Progress:
    campaign: Campaign
    households: int
    participating: int
    quantity: int
    records: int
    sites: int
    areas: list[Row] = field(default_factory=list)
    groups: list[Row] = field(default_factory=list)
    flagged_count: int = 0
    show_groups: bool = False

    @property
    def rate(self) -> Fraction:
        return Fraction(self.participating, self.households) if self.households else Fraction(0)

    @property
    def percent(self) -> int:
        return round(self.rate * 100)

    @property
    def target_percent(self) -> int | None:
        target = self.campaign.target_quantity
        return round(100 * self.quantity / target) if target else None


def lags(*, group: Row, average: Fraction, margin_points: int) -> bool:
    """The lag rule (see `campaign_progress`)."""
    if group.key is None or group.households < MIN_GROUP_FOR_FLAG:
        return False
    return (average - group.rate) * 100 >= margin_points


def group_rows(campaign: Campaign) -> list[Row]:
    """Households per member's group, with how many took part and what was credited.

    Two queries, both aggregated in SQL: the households grouped by their member, and the
    contributions grouped by the member credited with each (in charge on its date)."""
    took_part = Participation.objects.filter(campaign=campaign, household_id=OuterRef("pk"))
    first_on = Subquery(took_part.order_by("contributed_on", "pk").values("contributed_on")[:1])
    open_member = Subquery(
        Assignment.objects.filter(household_id=OuterRef("pk"), ends_on__isnull=True).values(
            "member_id"
        )[:1]
    )
    households = (
        campaign_households(campaign)
        .annotate(first_on=first_on)
        .annotate(group_member=Coalesce(_credited_member("pk", "first_on"), open_member))
        .order_by()
        .values("group_member")
        .annotate(
            n=Count("pk", distinct=True),
            took_part=Count("pk", filter=Q(first_on__isnull=False), distinct=True),
        )
    )
    credited = dict(
        Participation.objects.filter(campaign=campaign)
        .annotate(credited=_credited_member("household_id", "contributed_on"))
        .order_by()
        .values("credited")
        .annotate(total=Sum("quantity"))
        .values_list("credited", "total")
    )
    rows = {
        r["group_member"]: Row(
            key=r["group_member"],
            name="",
            households=r["n"],
            participating=r["took_part"],
            quantity=credited.get(r["group_member"], 0) or 0,
        )
        for r in households
    }
    for member_id, total in credited.items():
        if member_id not in rows:  # credited for households that have since left
            rows[member_id] = Row(member_id, "", 0, 0, total or 0)
    return list(rows.values())


def campaign_progress(*, user, campaign: Campaign) -> Progress:
    """Progress of a campaign: totals, per area, per member's group with the lag flags.

    The lag rule (the cell "reminds the member in charge and reviews his or her
    responsibility" when a group of households stalls, seed 003, thôn Kế Tân):
    - a household belongs to the group of the member credited with its first contribution to
      the campaign, i.e. the member in charge on that date according to the effective-dated
      assignment history; a household that has not taken part belongs to the member whose
      assignment is open today (nobody: the "no member in charge" row, never flagged). So a
      household moved mid-campaign counts, and is credited, where it took part;
    - a group's participation rate = its households that took part ÷ its households;
      the campaign's average = households that took part ÷ all active households it reaches;
    - a group is flagged when average − rate ≥ `campaign.lag_margin_points` percentage points
      (default 20), unless it has fewer than 3 households.
    Quantities (money, metres, houses) are credited contribution by contribution to the member
    in charge on each contribution's date.

    Viewers get totals and areas only; a member his or her own group; managers every group of
    the members they may see.
    """
    c = campaign
    totals = Participation.objects.filter(campaign=c).aggregate(
        quantity=Coalesce(Sum("quantity"), 0),
        records=Count("pk"),
        sites=Count("site", distinct=True, filter=~Q(site="")),
    )
    reached = (
        campaign_households(c)
        .annotate(
            has_part=Exists(Participation.objects.filter(campaign=c, household=OuterRef("pk")))
        )
        .aggregate(n=Count("pk"), took_part=Count("pk", filter=Q(has_part=True)))
    )
    progress = Progress(
        campaign=c,
        households=reached["n"],
        participating=reached["took_part"],
        quantity=totals["quantity"],
        records=totals["records"],
        sites=totals["sites"],
    )
    on_campaign = Q(households__campaign_participations__campaign=c)
    active = Q(households__left_on__isnull=True)
    areas = (
        campaign_areas(c)
        .annotate(
            n=Count("households", filter=active, distinct=True),
            took_part=Count("households", filter=active & on_campaign, distinct=True),
            total=Sum("households__campaign_participations__quantity", filter=on_campaign),
        )
        .order_by("name")
    )
    progress.areas = [
        Row(a.pk, a.name, a.n, a.took_part, a.total or 0) for a in areas if a.n or a.total
    ]

    groups = group_rows(c)
    for row in groups:
        row.flagged = lags(group=row, average=progress.rate, margin_points=c.lag_margin_points)
    progress.flagged_count = sum(1 for row in groups if row.flagged)

    scope = access.scope_for(user)
    manages = can_manage_campaign(user, c)
    visible = dict(
        access.members_for(user)
        .filter(pk__in=[r.key for r in groups if r.key])
        .values_list("pk", "full_name")
    )
    if scope.is_viewer_only:
        visible = {}
    reviews = {
        r.member_id: r
        for r in AccountabilityReview.objects.filter(campaign=c, member_id__in=list(visible))
    }
    shown = []
    for row in groups:
        if row.key in visible:
            row.name = visible[row.key]
            row.review = reviews.get(row.key)
            shown.append(row)
        elif row.key is None and manages:
            shown.append(row)
    progress.groups = sorted(shown, key=lambda r: (not r.flagged, r.key is None, r.name))
    progress.show_groups = bool(shown)
    return progress


def group_get_for_review(*, user, campaign: Campaign, member: Member) -> Row | None:
    """The member's group in the campaign with its flag, for opening a review."""
    progress = campaign_progress(user=user, campaign=campaign)
    return next((row for row in progress.groups if row.key == member.pk), None)


# --- participation and reviews -------------------------------------------------------------


def participation_list_for(*, user, campaign: Campaign) -> QuerySet[Participation]:
    """The records whose household the user may see, with the member credited with each."""
    credited_name = _credited_member("household_id", "contributed_on", "member__full_name")
    return (
        Participation.objects.filter(
            campaign=campaign, household__in=access.households_for(user).values("pk")
        )
        .select_related("household__area")
        .annotate(credited_name=credited_name)
        .order_by("-contributed_on", "-pk")
    )


def review_list_for_member(*, user) -> QuerySet[AccountabilityReview]:
    """Kiểm điểm của tôi: the reviews of the member the user is."""
    scope = access.scope_for(user)
    if not scope.member_id:
        return AccountabilityReview.objects.none()
    return (
        AccountabilityReview.objects.filter(member_id=scope.member_id)
        .select_related("campaign__unit")
        .order_by("-meeting_on", "-pk")
    )


def review_list_for_campaign(*, user, campaign: Campaign) -> QuerySet[AccountabilityReview]:
    return (
        AccountabilityReview.objects.filter(
            campaign=campaign, member__in=access.members_for(user).values("pk")
        )
        .select_related("member")
        .order_by("-meeting_on", "-pk")
    )


def review_get_for(*, user, pk) -> AccountabilityReview:
    """A review: for those who manage its campaign, and for the member reviewed."""
    scope = access.scope_for(user)
    review = access.get_or_404(
        AccountabilityReview.objects.select_related("campaign__unit", "member"), pk=pk
    )
    if review.member_id == scope.member_id:
        return review
    if scope.is_viewer_only or not access.members_for(user).filter(pk=review.member_id).exists():
        raise Http404
    campaign_get_for(user=user, pk=review.campaign_id)
    return review


def has_reviews(user) -> bool:
    scope = access.scope_for(user)
    return (
        bool(scope.member_id)
        and AccountabilityReview.objects.filter(member_id=scope.member_id).exists()
    )
