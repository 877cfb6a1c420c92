from django.urls import path

from gandan.care import views

app_name = "care"
urlpatterns = [
    path("cells/<int:pk>/", views.cell_detail, name="cell"),
    path("members/<int:pk>/", views.member_detail, name="member"),
    path("households/<int:pk>/", views.household_detail, name="household"),
]
