"""The reports API: one unit's figures, for dashboards and integrations. Numbers only."""

import datetime

from ninja import Field, Query, Router, Schema

from gandan.reports import selectors

router = Router(tags=["reports"])


class SummaryParams(Schema):
    unit: int = Field(..., description="Mã đơn vị (chi bộ, đảng bộ xã, cấp tỉnh)")
    year: int | None = Field(
        None, description="Năm của kết quả rà soát hộ nghèo; mặc định là năm nay"
    )


class UnitRef(Schema):
    id: int
    name: str
    kind: str


class Transitions(Schema):
    left_poverty: int = Field(..., description="thoát nghèo")
    left_near_poverty: int = Field(..., description="thoát cận nghèo")
    fell_back: int = Field(..., description="tái nghèo")
    newly_poor: int = Field(..., description="hộ nghèo phát sinh mới")
    near_poor_to_poor: int = Field(..., description="từ cận nghèo thành nghèo")
    poor_to_near_poor: int = Field(..., description="từ nghèo thành cận nghèo")


class TargetProgress(Schema):
    id: int
    unit_id: int
    kind: str
    label: str
    description: str
    amount: int
    start_year: int
    end_year: int
    baseline: int | None = Field(None, description="số đầu kỳ")
    achieved: int = Field(..., description="đã đạt, tính từ hồ sơ")
    percent: int
    met: bool


class Summary(Schema):
    unit: UnitRef
    year: int
    day: datetime.date = Field(..., description="ngày tính số liệu")
    households: int = Field(..., description="số hộ đang cư trú")
    members: int = Field(..., description="số đảng viên đang sinh hoạt")
    assigned_households: int = Field(..., description="số hộ có đảng viên phụ trách")
    visited_30d: int = Field(..., description="số hộ được thăm trong 30 ngày")
    visited_90d: int = Field(..., description="số hộ được thăm trong 90 ngày")
    poor: int = Field(..., description="hộ nghèo theo kết quả rà soát chính thức của năm")
    near_poor: int = Field(..., description="hộ cận nghèo theo kết quả chính thức của năm")
    transitions: Transitions
    open_concerns: int = Field(..., description="kiến nghị chưa giải quyết xong")
    targets: list[TargetProgress]


@router.get(
    "/reports/summary",
    response=Summary,
    summary="Số liệu tổng hợp của một đơn vị",
    description=(
        "Số hộ, đảng viên, hộ có người phụ trách, hộ được thăm trong 30 và 90 ngày, hộ nghèo "
        "và cận nghèo theo kết quả rà soát chính thức của năm, số hộ chuyển đổi theo từng "
        "loại, kiến nghị đang mở và các chỉ tiêu với tiến độ tính từ hồ sơ. Chỉ số liệu, "
        "không có tên người. Đơn vị ngoài phạm vi của người gọi: 404. Năm không hợp lệ: 400."
    ),
)
def summary(request, params: Query[SummaryParams]):
    return selectors.summary_for(user=request.user, unit_id=params.unit, year=params.year)
