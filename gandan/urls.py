from django.contrib import admin
from django.urls import include, path

from gandan import views
from gandan.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("gandan.accounts.urls")),
    path("org/", include("gandan.org.urls")),
    path("households/", include("gandan.households.urls")),
    path("care/", include("gandan.care.urls")),
    path("poverty/", include("gandan.poverty.urls")),
    path("campaigns/", include("gandan.campaigns.urls")),
    path("twinning/", include("gandan.twinning.urls")),
    path("reports/", include("gandan.reports.urls")),
    path("audit/", include("gandan.audit.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "gandan.views.not_found"
