"""Field rules shared by forms, services and imports, with Vietnamese messages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gandan.lib.dates import today
from gandan.lib.text import is_valid_phone, normalise_phone


def clean_phone(raw: str) -> str:
    """A Vietnamese phone number in one form (0912345678), or '' when left empty."""
    if not (raw or "").strip():
        return ""
    phone = normalise_phone(raw)
    if not is_valid_phone(phone):
        raise ValidationError(
            _("Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678).")
        )
    return phone


def clean_birth_year(year: int | None, *, min_age: int = 0) -> int | None:
    if year is None:
        return None
    this_year = today().year
    if year < this_year - 120 or year > this_year - min_age:
        raise ValidationError(
            _("Năm sinh %(year)s không hợp lý: cần trong khoảng %(low)s–%(high)s.")
            % {"year": year, "low": this_year - 120, "high": this_year - min_age}
        )
    return year
