from django.urls import path

from gandan.twinning import views

app_name = "twinning"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("new/", views.agreement_create, name="create"),
    path("<int:pk>/", views.agreement_detail, name="detail"),
    path("<int:pk>/document/", views.agreement_document, name="document"),
    path("<int:pk>/status/", views.agreement_advance, name="advance"),
    path("<int:pk>/targets/", views.target_link, name="target_link"),
    path("<int:pk>/tasks/new/", views.task_create, name="task_create"),
    path("tasks/<int:pk>/", views.task_update, name="task_update"),
    path("<int:pk>/contributions/new/", views.contribution_create, name="contribution_create"),
    path("<int:pk>/reviews/new/", views.review_create, name="review_create"),
    path("reviews/<int:pk>/", views.review_detail, name="review"),
    path("reviews/<int:pk>/edit/", views.review_update, name="review_update"),
    path("<int:pk>/shares/new/", views.share_create, name="share_create"),
    path("<int:pk>/shares/<int:share_pk>/end/", views.share_end, name="share_end"),
    path("candidates/", views.candidate_list, name="candidates"),
    path("candidates/new/", views.candidate_create, name="candidate_create"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate"),
    path("candidates/<int:pk>/stage/", views.candidate_advance, name="candidate_advance"),
]
