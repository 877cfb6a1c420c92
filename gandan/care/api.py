"""Visits (idempotent PUT for the phone's outbox), concerns."""

import datetime
import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field

from gandan.care import selectors, services
from gandan.care.models import Concern, Visit

router = Router(tags=["care"])

MAX_BODY_BYTES = 64 * 1024


class SupportIn(Schema):
    kind: str = Field(..., max_length=10)
    amount: int = Field(0, ge=0, le=10_000_000_000)
    lender: str = Field("", max_length=150)
    purpose: str = Field("", max_length=200)
    quantity: int | None = Field(None, ge=0, le=100_000)
    repayment_state: str = Field("", max_length=10)


class VisitIn(Schema):
    household_id: int
    visited_on: datetime.date
    activities: list[str] = Field(default_factory=list, max_length=10)
    notes: str = Field("", max_length=services.MAX_NOTES)
    concerns: list[str] = Field(default_factory=list, max_length=5)
    support: list[SupportIn] = Field(default_factory=list, max_length=5)


class ConcernBrief(Schema):
    id: int
    text: str
    status: str


class SupportOut(Schema):
    id: int
    kind: str
    amount: int
    lender: str
    purpose: str
    quantity: int | None
    repayment_state: str


class VisitOut(Schema):
    uuid: uuid_lib.UUID
    household_id: int
    member_id: int
    member: str
    visited_on: datetime.date
    activities: list[str]
    notes: str
    created_at: datetime.datetime
    editable_until: datetime.datetime
    revision_count: int
    concerns: list[ConcernBrief]
    support: list[SupportOut]


class Detail(Schema):
    detail: str


class Conflict(Schema):
    detail: str
    visit: VisitOut


class VisitPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[VisitOut]


class VisitParams(Schema):
    household: int | None = Field(None, description="Mã hộ")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10_000_000)


class ConcernOut(Schema):
    id: int
    household_id: int
    household: str
    cell_id: int
    text: str
    status: str
    level: str
    forwarded_to: str
    answer: str
    raised_by: str
    created_at: datetime.datetime
    answered_at: datetime.datetime | None
    age_days: int
    overdue: bool


class ConcernParams(Schema):
    status: Concern.Status | None = None
    cell: int | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10_000_000)


class ConcernPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[ConcernOut]


def _visit_out(v: Visit) -> dict:
    return {
        "uuid": v.uuid,
        "household_id": v.household_id,
        "member_id": v.member_id,
        "member": v.member.full_name,
        "visited_on": v.visited_on,
        "activities": v.activities,
        "notes": v.notes,
        "created_at": v.created_at,
        "editable_until": services.edit_deadline(v),
        "revision_count": v.revision_count,
        "concerns": [{"id": c.pk, "text": c.text, "status": c.status} for c in v.concerns.all()],
        "support": [
            {
                "id": s.pk,
                "kind": s.kind,
                "amount": s.amount,
                "lender": s.lender,
                "purpose": s.purpose,
                "quantity": s.quantity,
                "repayment_state": s.repayment_state,
            }
            for s in v.supports.all()
        ],
    }


@router.put(
    "/visits/{uuid}",
    response={200: VisitOut, 201: VisitOut, 403: Detail, 409: Conflict, 413: Detail},
    summary="Ghi một lần thăm (gửi lại bao nhiêu lần cũng chỉ lưu một lần)",
)
def visit_put(request, uuid: uuid_lib.UUID, payload: VisitIn):
    if len(request.body) > MAX_BODY_BYTES:
        return 413, {"detail": "Dữ liệu gửi lên quá lớn (tối đa 64 KB)."}
    data = services.VisitInput(
        household_id=payload.household_id,
        visited_on=payload.visited_on,
        activities=payload.activities,
        notes=payload.notes,
        concerns=payload.concerns,
        support=[services.SupportInput(**s.dict()) for s in payload.support],
    )
    try:
        visit, created = services.visit_record(actor=request.user, uuid=uuid, data=data)
    except PermissionDenied:
        return 403, {"detail": "Chỉ đảng viên phụ trách hộ mới ghi được lần thăm."}
    except LookupError:
        raise Http404 from None
    except services.VisitConflict as exc:
        return 409, {"detail": exc.message, "visit": _visit_out(exc.visit)}
    return (201 if created else 200), _visit_out(visit)


@router.get("/visits", response=VisitPage, summary="Các lần thăm (theo hộ)")
def visit_list(request, params: Query[VisitParams]):
    visits = selectors.visit_list_for(user=request.user, household_id=params.household)
    page = visits.prefetch_related("concerns", "supports")[
        params.offset : params.offset + params.limit
    ]
    return {
        "count": visits.count(),
        "limit": params.limit,
        "offset": params.offset,
        "results": [_visit_out(v) for v in page],
    }


@router.get("/concerns", response=ConcernPage, summary="Tâm tư, kiến nghị (trong phạm vi)")
def concern_list(request, params: Query[ConcernParams]):
    concerns = selectors.concern_list_for(user=request.user, status=params.status or "")
    if params.cell is not None:
        concerns = concerns.filter(cell_id=params.cell)
    rows = selectors.with_age(concerns[params.offset : params.offset + params.limit])
    return {
        "count": concerns.count(),
        "limit": params.limit,
        "offset": params.offset,
        "results": [
            {
                "id": c.pk,
                "household_id": c.household_id,
                "household": c.household.head_name,
                "cell_id": c.cell_id,
                "text": c.text,
                "status": c.status,
                "level": c.level,
                "forwarded_to": c.forwarded_to,
                "answer": c.answer,
                "raised_by": c.raised_by.full_name,
                "created_at": c.created_at,
                "answered_at": c.answered_at,
                "age_days": c.age_days,
                "overdue": c.is_overdue,
            }
            for c in rows
        ],
    }
