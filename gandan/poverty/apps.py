from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PovertyConfig(AppConfig):
    name = "gandan.poverty"
    verbose_name = _("Giảm nghèo")
