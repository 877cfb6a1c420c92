from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HouseholdsConfig(AppConfig):
    name = "gandan.households"
    verbose_name = _("Hộ gia đình")
