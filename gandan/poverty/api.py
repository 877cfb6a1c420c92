"""Poverty standards and classification: the survey form previews its result with them."""

from typing import Literal

from ninja import Router, Schema
from pydantic import Field

from gandan.poverty import selectors, standards
from gandan.poverty.models import Status

router = Router(tags=["poverty"])


class IndicatorOut(Schema):
    code: str
    name: str
    dimension: str


class LinesOut(Schema):
    poverty_line: int = Field(description="Chuẩn nghèo thu nhập, đ/người/tháng")
    middle_income_line: int | None = Field(
        description="Mức sống trung bình đến (đ/người/tháng); null khi chuẩn không quy định"
    )


class StandardOut(Schema):
    id: int
    name: str
    legal_source: str
    first_year: int
    last_year: int
    rural: LinesOut
    urban: LinesOut
    poor_min_deprivations: int = Field(description="Số chỉ số thiếu hụt tối thiểu của hộ nghèo")
    notes: str
    indicators: list[IndicatorOut]


class ClassifyIn(Schema):
    year: int = Field(ge=1900, le=2100)
    area: Literal["urban", "rural"]
    income_per_person: int = Field(description="Thu nhập bình quân đầu người, đ/tháng")
    deprived_codes: list[str] = Field(default_factory=list, max_length=50)


class ClassifyOut(Schema):
    status: Literal["poor", "near_poor", "middle", "none"]
    status_label: str
    standard: str
    legal_source: str
    deprivations: int


@router.get("/poverty/standards", response=list[StandardOut], summary="Các chuẩn nghèo")
def standard_list(request):
    return [
        {
            "id": s.pk,
            "name": s.name,
            "legal_source": s.legal_source,
            "first_year": s.first_year,
            "last_year": s.last_year,
            "rural": {"poverty_line": s.rural_line, "middle_income_line": s.rural_middle_line},
            "urban": {"poverty_line": s.urban_line, "middle_income_line": s.urban_middle_line},
            "poor_min_deprivations": s.poor_min_deprivations,
            "notes": s.notes,
            "indicators": [
                {"code": i.code, "name": i.name, "dimension": i.dimension}
                for i in s.indicators.all()
            ],
        }
        for s in selectors.standard_list()
    ]


@router.post(
    "/poverty/classify",
    response=ClassifyOut,
    summary="Xếp loại hộ theo chuẩn nghèo của năm (không lưu)",
)
def classify(request, payload: ClassifyIn):
    standard, status, codes = standards.classify_survey(
        year=payload.year,
        urban=payload.area == "urban",
        income=payload.income_per_person,
        codes=payload.deprived_codes,
    )
    return {
        "status": status,
        "status_label": str(Status(status).label),
        "standard": standard.name,
        "legal_source": standard.legal_source,
        "deprivations": len(codes),
    }
