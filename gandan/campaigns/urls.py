from django.urls import path

from gandan.campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("new/", views.campaign_create, name="create"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/edit/", views.campaign_edit, name="edit"),
    path("<int:pk>/result/", views.campaign_result, name="result"),
    path("<int:pk>/record/", views.participation_create, name="record"),
    path("<int:pk>/members/<int:member_pk>/review/", views.review_open, name="review_open"),
    path("reviews/<int:pk>/", views.review_detail, name="review"),
    path("reviews/mine/", views.my_reviews, name="my_reviews"),
]
