"""How a campaign's quantities read: đồng, metres (and km), houses, households."""

from django import template
from django.utils.translation import gettext as _

from gandan.campaigns.models import Measure
from gandan.lib.templatetags import dong, group_thousands

register = template.Library()


@register.filter
def in_measure(value, measure: str) -> str:
    """`{{ total|in_measure:campaign.measure }}` → "1.200 m (1,2 km)", "5.000.000 đ"…"""
    if value is None or value == "":
        return ""
    value = int(value)
    if measure == Measure.FUND:
        return dong(value)
    if measure in (Measure.FLOWER_ROAD, Measure.STREET_LIGHTS):
        text = f"{group_thousands(value)} m"
        if value >= 1000:
            km = f"{value / 1000:.3f}".rstrip("0").rstrip(".").replace(".", ",")
            text += f" ({km} km)"
        return text
    if measure == Measure.HOUSES:
        return _("%(n)s căn") % {"n": group_thousands(value)}
    return _("%(n)s hộ") % {"n": group_thousands(value)}
