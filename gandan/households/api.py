import datetime

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Query, Router, Schema
from pydantic import Field

from gandan import access
from gandan.audit.services import record_access
from gandan.households import selectors, services

router = Router(tags=["households"])


class HouseholdRow(Schema):
    id: int
    head_name: str
    area: str
    area_id: int
    address: str
    residents_count: int
    member_in_charge: str | None
    member_in_charge_id: int | None


class HouseholdPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[HouseholdRow]


class HouseholdDetail(HouseholdRow):
    ethnicity: str
    phone: str
    notes: str
    commune: str


class PageParams(Schema):
    q: str = Field("", max_length=100, description="Tìm theo tên chủ hộ, không cần dấu")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10_000_000)


def _row(h) -> dict:
    return {
        "id": h.pk,
        "head_name": h.head_name,
        "area": h.area.name,
        "area_id": h.area_id,
        "address": h.address,
        "residents_count": h.residents_count,
        "member_in_charge": h.member_in_charge_name,
        "member_in_charge_id": h.member_in_charge_id,
    }


@router.get("/households", response=HouseholdPage, summary="Tìm hộ (không dấu), có phân trang")
def household_list(request, params: Query[PageParams]):
    households = selectors.household_list_for(user=request.user, q=params.q)
    page = households[params.offset : params.offset + params.limit]
    return {
        "count": households.count(),
        "limit": params.limit,
        "offset": params.offset,
        "results": [_row(h) for h in page],
    }


@router.get("/households/{household_id}", response=HouseholdDetail, summary="Một hộ")
def household_detail(request, household_id: int):
    h = selectors.household_get_for(user=request.user, pk=household_id)
    record_access(request=request, obj=h)  # reads by others than the member in charge
    return {
        **_row(h),
        "ethnicity": h.ethnicity,
        "phone": h.phone,
        "notes": h.notes,
        "commune": h.area.commune.name,
    }


class AssignmentOut(Schema):
    id: int
    household_id: int
    head_name: str
    area: str
    member_id: int
    member: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    reason: str


class AssignmentPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[AssignmentOut]


class AssignmentParams(Schema):
    cell: int | None = None
    member: int | None = None
    history: bool = Field(False, description="Cả các phân công đã kết thúc")
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10_000_000)


class AssignmentIn(Schema):
    household_id: int
    member_id: int
    starts_on: datetime.date | None = None
    reason: str = Field("", max_length=200)


class Detail(Schema):
    detail: str


def _assignment_row(a) -> dict:
    return {
        "id": a.pk,
        "household_id": a.household_id,
        "head_name": a.household.head_name,
        "area": a.household.area.name,
        "member_id": a.member_id,
        "member": a.member.full_name,
        "starts_on": a.starts_on,
        "ends_on": a.ends_on,
        "reason": a.reason,
    }


@router.get("/assignments", response=AssignmentPage, summary="Phân công phụ trách hộ")
def assignment_list(request, params: Query[AssignmentParams]):
    rows = selectors.assignment_list_for(
        user=request.user,
        cell_id=params.cell,
        member_id=params.member,
        current_only=not params.history,
    )
    return {
        "count": rows.count(),
        "limit": params.limit,
        "offset": params.offset,
        "results": [_assignment_row(a) for a in rows[params.offset : params.offset + params.limit]],
    }


@router.post(
    "/assignments",
    response={201: AssignmentOut, 403: Detail},
    summary="Phân công (hoặc chuyển) một hộ cho một đảng viên",
)
def assignment_create(request, payload: AssignmentIn):
    household = selectors.household_get_for(user=request.user, pk=payload.household_id)
    if not access.managed_households_for(request.user).filter(pk=household.pk).exists():
        return 403, {"detail": "Chỉ bí thư chi bộ hoặc đảng ủy mới phân công được."}
    # Only members the caller may see: the answer must not tell whether others exist.
    member = access.members_for(request.user).filter(pk=payload.member_id).first()
    if member is None:
        raise DjangoValidationError({"member": "Không tìm thấy đảng viên này."})
    try:
        assignment = services.assignment_reassign(
            actor=request.user,
            household=household,
            member=member,
            on=payload.starts_on,
            reason=payload.reason,
        )
    except PermissionDenied:
        return 403, {"detail": "Chỉ bí thư chi bộ hoặc đảng ủy mới phân công được."}
    return 201, _assignment_row(assignment)
