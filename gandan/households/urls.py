from django.urls import path

from gandan.households import views

app_name = "households"
urlpatterns = [
    path("", views.household_search, name="search"),
]
