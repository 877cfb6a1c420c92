from django.urls import path

from gandan.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("communes/<int:pk>/", views.commune_overview, name="commune"),
    path("provinces/<int:pk>/", views.province_overview, name="province"),
    path("units/<int:pk>/overview.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path("units/<int:pk>/excel/", views.unit_exports, name="exports"),
    path("units/<int:pk>/households.xlsx", views.households_xlsx, name="households_xlsx"),
    path("units/<int:pk>/assignments.xlsx", views.assignments_xlsx, name="assignments_xlsx"),
    path("units/<int:pk>/visits.xlsx", views.visits_xlsx, name="visits_xlsx"),
    path("units/<int:pk>/import/", views.household_import, name="import"),
    path("units/<int:pk>/import-template.xlsx", views.import_template, name="import_template"),
]
