from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "gandan.care"
    verbose_name = _("Thăm hộ và kiến nghị")
