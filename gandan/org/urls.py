from django.urls import path

from gandan.org import views

app_name = "org"
urlpatterns = [
    path("communes/", views.commune_list, name="communes"),
    path("communes/<int:pk>/", views.commune_detail, name="commune"),
    path("cells/<int:cell_pk>/members/new/", views.member_create, name="member_create"),
    path("members/<int:pk>/edit/", views.member_update, name="member_update"),
]
