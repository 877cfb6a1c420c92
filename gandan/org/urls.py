from django.urls import path

from gandan.org import views

app_name = "org"
urlpatterns = [
    path("communes/", views.commune_list, name="communes"),
    path("communes/<int:pk>/", views.commune_detail, name="commune"),
]
