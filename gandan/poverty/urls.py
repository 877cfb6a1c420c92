from django.urls import path

from gandan.poverty import views

app_name = "poverty"
urlpatterns = [
    path("units/<int:pk>/", views.unit_detail, name="unit"),
    path("units/<int:pk>/targets/", views.target_list, name="targets"),
    path("units/<int:pk>/targets/new/", views.target_new, name="target_new"),
    path("units/<int:pk>/reviews/open/", views.review_open, name="review_open"),
    path("units/<int:pk>/reviews/advance/", views.review_advance, name="review_advance"),
    path("targets/<int:pk>/edit/", views.target_edit, name="target_edit"),
    path("targets/<int:pk>/delete/", views.target_delete, name="target_delete"),
    path("households/<int:pk>/", views.household_detail, name="household"),
    path("households/<int:pk>/assess/", views.assessment_new, name="assess"),
]
