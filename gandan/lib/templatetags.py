"""Filters available in every template (registered as a builtin in settings)."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def group_thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@register.filter
def dong(value) -> str:
    """Money in Vietnamese style: 1.234.567 đ."""
    if value is None or value == "":
        return ""
    return f"{group_thousands(int(value))} đ"


@register.filter
def number(value) -> str:
    """Whole numbers with dot separators: 12.345."""
    if value is None or value == "":
        return ""
    return group_thousands(int(value))


@register.filter
def days_ago(value) -> str:
    """'hôm nay', '1 ngày trước', '12 ngày trước', or 'chưa thăm' when never."""
    if value is None:
        return _("chưa thăm")
    if value == 0:
        return _("hôm nay")
    return _("%(days)s ngày trước") % {"days": value}
