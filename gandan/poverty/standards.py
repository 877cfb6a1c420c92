"""Classification of a household by a poverty standard: a pure function over a `Standard` row.

The thresholds are data (table `poverty_standard`, loaded by migration 0003); those shipped:

| standard                           | years     | rural line  | urban line  | middle up to   |
|------------------------------------|-----------|-------------|-------------|----------------|
| Decree 07/2021/NĐ-CP, Art. 3 (2026 | 2022–2026 | 1,500,000 đ | 2,000,000 đ | 2,250,000 đ r. |
| by Decree 351/2025/NĐ-CP)          |           |             |             | 3,000,000 đ u. |
| Decree 351/2025/NĐ-CP              | 2027–2030 | 2,200,000 đ | 2,800,000 đ | unknown: null  |

Lines are in đồng per person per month. For both: poor (hộ nghèo) = income at or under the
line AND deprived in 3 or more of the 12 indicators (6 dimensions); near-poor (hộ cận nghèo) =
income at or under the line AND fewer than 3; middle-income (mức sống trung bình) = income
over the line and at or under the middle line; otherwise none. A standard whose middle line is
null never returns middle-income (the 2027–2030 lines are not known to us; see the README).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gandan.poverty.models import Standard, Status

# Above this, an income per person per month is taken for a typing error (extra zeros), not a
# fact: 100 million đồng is about 20 times the middle-income line.
MAX_INCOME_PER_PERSON = 100_000_000


def classify(*, standard: Standard, urban: bool, income: int, deprivations: int) -> str:
    """The status (a `Status` value) that `standard` gives a household."""
    line = standard.line_for(urban=urban)
    if income <= line:
        if deprivations >= standard.poor_min_deprivations:
            return Status.POOR
        return Status.NEAR_POOR
    middle = standard.middle_line_for(urban=urban)
    if middle is not None and income <= middle:
        return Status.MIDDLE
    return Status.NONE


def standard_for_year(year: int) -> Standard:
    """The standard in force in `year`, or a ValidationError saying there is none."""
    standard = (
        Standard.objects.filter(first_year__lte=year, last_year__gte=year)
        .prefetch_related("indicators")
        .first()
    )
    if standard is None:
        raise ValidationError(
            {"year": _("Không có chuẩn nghèo áp dụng cho năm %(year)s.") % {"year": year}}
        )
    return standard


def clean_income(income) -> int:
    if income is None:
        raise ValidationError({"income_per_person": _("Hãy nhập thu nhập bình quân.")})
    if income < 0:
        raise ValidationError({"income_per_person": _("Thu nhập bình quân không được là số âm.")})
    if income > MAX_INCOME_PER_PERSON:
        raise ValidationError(
            {
                "income_per_person": _(
                    "Thu nhập %(income)s đ/người/tháng là quá lớn, hãy kiểm tra lại (đơn vị là "
                    "đồng mỗi người mỗi tháng)."
                )
                % {"income": f"{income:,}".replace(",", ".")}
            }
        )
    return int(income)


def clean_codes(*, standard: Standard, codes) -> list[str]:
    """The deprived indicator codes, each checked against `standard`, without duplicates."""
    known = {i.code for i in standard.indicators.all()}
    cleaned = []
    for code in codes or []:
        if code not in known:
            raise ValidationError(
                {
                    "deprived_codes": _("Chỉ số “%(code)s” không có trong %(standard)s.")
                    % {"code": code, "standard": standard.name}
                }
            )
        if code not in cleaned:
            cleaned.append(code)
    return cleaned


def classify_survey(*, year: int, urban: bool, income, codes) -> tuple[Standard, str, list[str]]:
    """Check a survey against the standard of `year` and classify it."""
    standard = standard_for_year(year)
    income = clean_income(income)
    codes = clean_codes(standard=standard, codes=codes)
    status = classify(standard=standard, urban=urban, income=income, deprivations=len(codes))
    return standard, status, codes


def standards_ensure() -> None:
    """Load the shipped standards again when the table is empty: `flush` (the demo's
    --reset, some tests) empties tables that a data migration filled."""
    if Standard.objects.exists():
        return
    import importlib

    from django.apps import apps

    importlib.import_module("gandan.poverty.migrations.0003_load_standards").load(apps, None)
