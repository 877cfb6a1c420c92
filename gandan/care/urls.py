from django.urls import path

from gandan.care import views

app_name = "care"
urlpatterns = [
    path("", views.my_households, name="mine"),
    path("reminders/", views.reminders, name="reminders"),
    path("cells/<int:pk>/", views.cell_detail, name="cell"),
    path("cells/<int:pk>/concerns/", views.cell_concerns, name="cell_concerns"),
    path("communes/<int:pk>/concerns/", views.commune_concerns, name="commune_concerns"),
    path("members/<int:pk>/", views.member_detail, name="member"),
    path("members/<int:pk>/sheet/", views.member_sheet, name="member_sheet"),
    path("households/<int:pk>/", views.household_detail, name="household"),
    path("households/<int:pk>/card/", views.household_card, name="household_card"),
    path("households/<int:pk>/visit/", views.visit_new, name="visit_new"),
    path("visits/<uuid:uuid>/", views.visit_detail, name="visit"),
    path("visits/<uuid:uuid>/edit/", views.visit_edit, name="visit_edit"),
    path("concerns/", views.concerns_home, name="concerns"),
    path("concerns/<int:pk>/", views.concern_detail, name="concern"),
    path("concerns/<int:pk>/act/", views.concern_act, name="concern_act"),
]
