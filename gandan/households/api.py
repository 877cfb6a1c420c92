from ninja import Query, Router, Schema
from pydantic import Field

from gandan.households import selectors

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
    return {
        **_row(h),
        "ethnicity": h.ethnicity,
        "phone": h.phone,
        "notes": h.notes,
        "commune": h.area.commune.name,
    }
