from django.urls import path

from gandan.audit import views

app_name = "audit"
urlpatterns = [
    path("households/<int:pk>/", views.household_log, name="household"),
    path("members/<int:pk>/", views.member_log, name="member"),
    path("users/<int:pk>/", views.user_log, name="user"),
]
