"""Reads of the twinning, always through `gandan.access`.

- The shared space of a partnership (agreement, contents and tasks, shared targets,
  contributions, reviews) is open to the committee, and to the secretaries and members of the
  cells on both sides. A higher-level viewer gets the list with aggregates only.
- Household names appear only where `access.households_for` allows them: a partner cell sees
  how many households received a gift, never which, unless a household is shared with it.
- Candidates for admission are personal data: the candidate's cell, the committee and the
  member who helps the candidate.
"""

import datetime

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from gandan import access
from gandan.households.models import Household, HouseholdShare
from gandan.lib.dates import today
from gandan.org.models import Member, Unit
from gandan.poverty.selectors import target_progress
from gandan.twinning.models import (
    Agreement,
    AgreementCell,
    AgreementTarget,
    Candidate,
    Content,
    Contribution,
    Review,
    Side,
    Task,
)


def _subquery_total(queryset, field: str):
    """A per-agreement total as a subquery, so several totals never multiply rows."""
    return Coalesce(
        Subquery(
            queryset.filter(agreement=OuterRef("pk"))
            .order_by()
            .values("agreement")
            .annotate(total=Sum(field))
            .values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _subquery_count(queryset):
    return Coalesce(
        Subquery(
            queryset.order_by()
            .values("content__agreement")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def agreement_list_for(*, user) -> QuerySet[Agreement]:
    """Agreements with a cell the user may open (viewers: of their province), with totals."""
    visible = AgreementCell.objects.filter(cell__in=access.units_for(user)).values("agreement_id")
    tasks = Task.objects.filter(content__agreement=OuterRef("pk"))
    return (
        Agreement.objects.filter(pk__in=visible)
        .select_related("committee__commune")
        .prefetch_related(Prefetch("sides", queryset=AgreementCell.objects.select_related("cell")))
        .annotate(
            task_count=_subquery_count(tasks),
            tasks_done=_subquery_count(tasks.filter(status=Task.Status.DONE)),
            contribution_value=_subquery_total(Contribution.objects.all(), "value"),
            gift_count=_subquery_total(
                Contribution.objects.filter(kind=Contribution.Kind.GIFT), "quantity"
            ),
        )
        .order_by("-starts_on", "title", "pk")
    )


def _shared_space_cells(user) -> QuerySet[Unit]:
    """Cells whose partnerships' shared space the user may open: those he manages (committee,
    secretaries) and his own cell as a member. Viewers are not in it: aggregates only."""
    scope = access.scope_for(user)
    cells = access.managed_cells_for(user)
    if scope.member_cell_id:
        cells = cells | Unit.objects.filter(pk=scope.member_cell_id)
    return cells


def agreement_get_for(*, user, pk) -> Agreement:
    visible = AgreementCell.objects.filter(cell__in=_shared_space_cells(user)).values(
        "agreement_id"
    )
    return access.get_or_404(
        Agreement.objects.filter(pk__in=visible).select_related("committee__commune"), pk=pk
    )


def side_list(*, agreement: Agreement) -> list[AgreementCell]:
    """The cells of both sides, each with its active member count (aggregate, not names)."""
    return list(
        agreement.sides.select_related("cell").annotate(
            member_count=Count("cell__members", filter=Q(cell__members__left_on__isnull=True))
        )
    )


def content_list(*, agreement: Agreement) -> QuerySet[Content]:
    """The five contents with their tasks (and each task's cell) in two queries."""
    return agreement.contents.prefetch_related(
        Prefetch("tasks", queryset=Task.objects.select_related("cell").order_by("due_on", "pk"))
    ).order_by("kind")


def contribution_list(*, agreement: Agreement) -> QuerySet[Contribution]:
    """Contributions with the number of households reached: a count, never their names, so
    the list is the same for both sides of the partnership."""
    return (
        agreement.contributions.select_related(
            "giver_cell", "giver_member", "receiver_cell", "content"
        )
        .annotate(recipient_count=Count("recipients", distinct=True))
        .order_by("-given_on", "-pk")
    )


def contribution_totals(
    *,
    agreement: Agreement,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> dict:
    """Totals in the database: per kind (rows, quantity, value) and overall (value in đồng,
    gift packages, labour days, households reached)."""
    rows = agreement.contributions.all()
    if start:
        rows = rows.filter(given_on__gte=start)
    if end:
        rows = rows.filter(given_on__lte=end)
    per_kind = {
        r["kind"]: r
        for r in rows.order_by()
        .values("kind")
        .annotate(count=Count("pk"), quantity=Sum("quantity"), value=Sum("value"))
    }
    by_kind = [
        {
            "kind": kind,
            "label": str(label),
            "count": per_kind.get(kind, {}).get("count", 0),
            "quantity": per_kind.get(kind, {}).get("quantity") or 0,
            "value": per_kind.get(kind, {}).get("value") or 0,
        }
        for kind, label in Contribution.Kind.choices
    ]
    households = (
        Household.objects.filter(twinning_contributions__in=rows.values("pk"))
        .values("pk")
        .distinct()
        .count()
    )
    return {
        "count": sum(k["count"] for k in by_kind),
        "value": sum(k["value"] for k in by_kind),
        "gift_count": per_kind.get(Contribution.Kind.GIFT, {}).get("quantity") or 0,
        "gift_value": per_kind.get(Contribution.Kind.GIFT, {}).get("value") or 0,
        "labour_days": per_kind.get(Contribution.Kind.LABOUR, {}).get("quantity") or 0,
        "households": households,
        "by_kind": by_kind,
    }


def target_list(*, agreement: Agreement) -> list[dict]:
    """Shared targets with their progress computed from the village's records."""
    links = AgreementTarget.objects.filter(agreement=agreement).select_related("target__unit")
    return [
        {**target_progress(target=link.target), "unit": link.target.unit.name} for link in links
    ]


def task_counts(
    *,
    agreement: Agreement,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> dict:
    tasks = Task.objects.filter(content__agreement=agreement)
    done_in = Q(status=Task.Status.DONE)
    if start:
        done_in &= Q(done_on__gte=start)
    if end:
        done_in &= Q(done_on__lte=end)
    return tasks.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=done_in),
        open=Count("pk", filter=Q(status__in=[Task.Status.PLANNED, Task.Status.IN_PROGRESS])),
        not_done=Count("pk", filter=Q(status=Task.Status.NOT_DONE)),
    )


def _village_cell_ids(agreement: Agreement) -> list[int]:
    return list(agreement.sides.filter(side=Side.VILLAGE).values_list("cell_id", flat=True))


def new_member_counts(
    *,
    agreement: Agreement,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> dict:
    """Development of new members in the village cells: candidates per stage now, and
    admissions (Member.admitted_on, as the 'new members' targets count them) in the period."""
    cells = _village_cell_ids(agreement)
    stages = Candidate.objects.filter(cell_id__in=cells).aggregate(
        **{stage: Count("pk", filter=Q(stage=stage)) for stage in Candidate.Stage.values}
    )
    admitted = Member.objects.filter(cell_id__in=cells, admitted_on__isnull=False)
    if start:
        admitted = admitted.filter(admitted_on__gte=start)
    if end:
        admitted = admitted.filter(admitted_on__lte=end)
    return {
        "stages": [
            {"stage": s, "label": str(label), "count": stages[s]}
            for s, label in Candidate.Stage.choices
        ],
        "admitted": admitted.count(),
    }


def review_figures(*, agreement: Agreement, start: datetime.date, end: datetime.date) -> dict:
    """The figures of a review period, from the records (stored with the review as JSON)."""
    return {
        "period": [start.isoformat(), end.isoformat()],
        "taken_on": today().isoformat(),
        "contributions": contribution_totals(agreement=agreement, start=start, end=end),
        "tasks": task_counts(agreement=agreement, start=start, end=end),
        "targets": target_list(agreement=agreement),
        "new_members": new_member_counts(agreement=agreement, start=start, end=end),
    }


def review_list(*, agreement: Agreement) -> QuerySet[Review]:
    return agreement.reviews.order_by("period_end", "pk")


def review_get_for(*, user, pk) -> Review:
    visible = AgreementCell.objects.filter(cell__in=_shared_space_cells(user)).values(
        "agreement_id"
    )
    return access.get_or_404(
        Review.objects.filter(agreement__in=visible).select_related(
            "agreement__committee__commune"
        ),
        pk=pk,
    )


def task_get_for(*, user, pk) -> Task:
    visible = AgreementCell.objects.filter(cell__in=_shared_space_cells(user)).values(
        "agreement_id"
    )
    return access.get_or_404(
        Task.objects.filter(content__agreement__in=visible).select_related(
            "content__agreement__committee", "cell"
        ),
        pk=pk,
    )


# --- household shares ---------------------------------------------------------------------


def share_list(*, user, agreement: Agreement) -> QuerySet[HouseholdShare]:
    """Open shares of the village's households with partner members, for those who may see
    the households (the village cell's managers, the committee)."""
    villages = _village_cell_ids(agreement)
    helping = agreement.sides.filter(side=Side.HELPING).values("cell_id")
    return (
        HouseholdShare.objects.filter(
            household__in=access.managed_households_for(user).filter(
                area__cell_area__cell_id__in=villages
            ),
            member__cell_id__in=helping,
            ends_on__isnull=True,
        )
        .select_related("household", "member__cell")
        .order_by("household__head_name", "pk")
    )


def share_count(*, agreement: Agreement) -> int:
    villages = _village_cell_ids(agreement)
    helping = agreement.sides.filter(side=Side.HELPING).values("cell_id")
    return HouseholdShare.objects.filter(
        household__area__cell_area__cell_id__in=villages,
        member__cell_id__in=helping,
        ends_on__isnull=True,
    ).count()


def share_get_for(*, user, pk) -> HouseholdShare:
    return access.get_or_404(
        HouseholdShare.objects.filter(
            household__in=access.managed_households_for(user)
        ).select_related("household", "member"),
        pk=pk,
    )


def shareable_households(*, user, agreement: Agreement) -> QuerySet[Household]:
    """Village households the user manages and may share with a partner member."""
    return (
        access.managed_households_for(user)
        .filter(area__cell_area__cell_id__in=_village_cell_ids(agreement), left_on__isnull=True)
        .select_related("area")
        .order_by("area__name", "head_name", "pk")
    )


def partner_members(*, agreement: Agreement, side: str | None = None) -> QuerySet[Member]:
    """Active members of the agreement's cells (one side when given): the partners work
    together, so their names are part of the shared space."""
    sides = agreement.sides.all()
    if side:
        sides = sides.filter(side=side)
    return (
        Member.objects.filter(cell_id__in=sides.values("cell_id"), left_on__isnull=True)
        .select_related("cell")
        .order_by("cell__name", "full_name")
    )


# --- candidates ---------------------------------------------------------------------------


def candidate_list_for(*, user, cell: Unit | None = None) -> QuerySet[Candidate]:
    """Candidates of the cells the user manages, and those he helps as a member."""
    scope = access.scope_for(user)
    condition = Q(cell__in=access.managed_cells_for(user))
    if scope.member_id:
        condition |= Q(helper_id=scope.member_id)
    candidates = Candidate.objects.filter(condition)
    if cell is not None:
        candidates = candidates.filter(cell=cell)
    return candidates.select_related("cell", "helper", "agreement").order_by(
        "cell__name", "full_name", "pk"
    )


def candidate_get_for(*, user, pk) -> Candidate:
    return access.get_or_404(
        candidate_list_for(user=user).select_related(
            "introducer_1", "introducer_2", "member", "cell__commune"
        ),
        pk=pk,
    )


def candidate_counts_by_cell(*, user) -> list[dict]:
    """Per cell the user may open: candidates per stage and admissions (aggregates only, so a
    viewer may read them)."""
    rows = (
        Candidate.objects.filter(cell__in=access.units_for(user))
        .order_by()
        .values("cell_id", "cell__name")
        .annotate(
            total=Count("pk"),
            **{stage: Count("pk", filter=Q(stage=stage)) for stage in Candidate.Stage.values},
        )
        .order_by("cell__name")
    )
    return list(rows)
