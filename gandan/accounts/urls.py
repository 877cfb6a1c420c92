from django.urls import path

from gandan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("me/", views.me, name="me"),
    path("logout-everywhere/", views.logout_everywhere, name="logout_everywhere"),
    path("setup/", views.setup_password, name="setup_password"),
    path("members/<int:member_pk>/", views.member_account, name="member_account"),
    path(
        "members/<int:member_pk>/logout-everywhere/",
        views.member_logout_everywhere,
        name="member_logout_everywhere",
    ),
]
