from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "gandan.care"
    verbose_name = _("Thăm hộ và kiến nghị")

    def ready(self):
        # A phone's outbox may send a body larger than Django accepts: answer in JSON, like
        # every other API error, rather than with Django's HTML 400 page.
        from django.core.exceptions import RequestDataTooBig

        from gandan.api import api

        def too_big(request, exc):
            return api.create_response(request, {"detail": "Dữ liệu gửi lên quá lớn."}, status=413)

        api.add_exception_handler(RequestDataTooBig, too_big)
