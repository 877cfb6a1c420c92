"""Campaigns in the JSON API: the list with progress, one campaign with its progress per area
and per member's group (with the lag flags), and recording a household's participation."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied
from ninja import Path, Router, Schema, Status
from pydantic import Field

from gandan.campaigns import selectors, services

router = Router(tags=["campaigns"])


class ProgressOut(Schema):
    households: int = Field(description="Số hộ trong địa bàn phong trào")
    participating: int = Field(description="Số hộ đã tham gia")
    rate_percent: int
    quantity: int = Field(description="Tổng kết quả theo đơn vị đo (đồng, mét, căn, hộ)")
    target_percent: int | None = None


class CampaignOut(Schema):
    id: int
    title: str
    unit_id: int
    unit: str
    measure: str
    target_quantity: int | None
    starts_on: datetime.date
    ends_on: datetime.date | None
    status: str
    lag_margin_points: int
    progress: ProgressOut


class RowOut(Schema):
    id: int | None
    name: str
    households: int
    participating: int
    rate_percent: int
    quantity: int


class GroupOut(RowOut):
    flagged: bool = Field(description="Nhóm hộ chậm so với mức chung (quy tắc trong tài liệu)")
    review_id: int | None


class CampaignDetailOut(CampaignOut):
    goal: str
    sites: int
    flagged_groups: int
    areas: list[RowOut]
    groups: list[GroupOut]


MAX_ID = 2**63 - 1  # larger numbers are no row of ours (and overflow the database's integers)


class ParticipationIn(Schema):
    household_id: int = Field(ge=1, le=MAX_ID)
    date: datetime.date
    quantity: int
    note: str = Field("", max_length=500)
    site: str = Field("", max_length=100)
    token: uuid.UUID | None = Field(
        None, description="Mã do máy tạo cho lần gửi này: gửi lại cùng mã không tính hai lần"
    )


class ParticipationOut(Schema):
    id: int
    campaign_id: int
    household_id: int
    date: datetime.date
    quantity: int
    note: str
    site: str
    created: bool


class Detail(Schema):
    detail: str


def _campaign(c, progress: dict) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "unit_id": c.unit_id,
        "unit": c.unit.name,
        "measure": c.measure,
        "target_quantity": c.target_quantity,
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "status": c.status,
        "lag_margin_points": c.lag_margin_points,
        "progress": progress,
    }


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@router.get("/campaigns", response=list[CampaignOut], summary="Các phong trào trong phạm vi")
def campaign_list(request):
    rows = []
    for c in selectors.campaign_list_for(user=request.user):
        target = c.target_quantity
        progress = {
            "households": c.household_count,
            "participating": c.participating_count,
            "rate_percent": _percent(c.participating_count, c.household_count),
            "quantity": c.total_quantity,
            "target_percent": _percent(c.total_quantity, target) if target else None,
        }
        rows.append(_campaign(c, progress))
    return rows


def _row(row) -> dict:
    return {
        "id": row.key,
        "name": row.name,
        "households": row.households,
        "participating": row.participating,
        "rate_percent": row.percent,
        "quantity": row.quantity,
    }


@router.get(
    "/campaigns/{campaign_id}",
    response=CampaignDetailOut,
    summary="Một phong trào: tiến độ theo khu dân cư và theo nhóm hộ, nhóm chậm",
)
def campaign_detail(request, campaign_id: int = Path(..., ge=1, le=MAX_ID)):
    c = selectors.campaign_get_for(user=request.user, pk=campaign_id)
    p = selectors.campaign_progress(user=request.user, campaign=c)
    progress = {
        "households": p.households,
        "participating": p.participating,
        "rate_percent": p.percent,
        "quantity": p.quantity,
        "target_percent": p.target_percent,
    }
    return {
        **_campaign(c, progress),
        "goal": c.goal,
        "sites": p.sites,
        "flagged_groups": p.flagged_count,
        "areas": [_row(r) for r in p.areas],
        "groups": [
            {**_row(r), "flagged": r.flagged, "review_id": r.review.pk if r.review else None}
            for r in p.groups
        ],
    }


@router.post(
    "/campaigns/{campaign_id}/participations",
    response={200: ParticipationOut, 201: ParticipationOut, 403: Detail},
    summary="Ghi nhận một hộ tham gia, đóng góp",
)
def participation_create(
    request, data: ParticipationIn, campaign_id: int = Path(..., ge=1, le=MAX_ID)
):
    campaign = selectors.campaign_get_for(user=request.user, pk=campaign_id)
    try:
        household = selectors.recordable_household_get_for(
            user=request.user, campaign=campaign, pk=data.household_id
        )
        record, created = services.participation_record(
            actor=request.user,
            campaign=campaign,
            household=household,
            contributed_on=data.date,
            quantity=data.quantity,
            site=data.site,
            note=data.note,
            token=data.token,
        )
    except PermissionDenied:
        return Status(403, {"detail": "Bạn không được ghi nhận cho hộ này."})
    return Status(
        201 if created else 200,
        {
            "id": record.pk,
            "campaign_id": campaign.pk,
            "household_id": household.pk,
            "date": record.contributed_on,
            "quantity": record.quantity,
            "note": record.note,
            "site": record.site,
            "created": created,
        },
    )
