from django.urls import path

from gandan.households import urls_privacy, views

app_name = "households"
urlpatterns = [
    path("", views.household_search, name="search"),
    path("cells/<int:pk>/propose/", views.propose, name="propose"),
    path("cells/<int:pk>/table/", views.cell_table, name="cell_table"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("members/<int:pk>/move/", views.move_all, name="move_all"),
]

# A household's data rights (export, correct, consent, erase): gandan/households/views_privacy.py
urlpatterns += urls_privacy.urlpatterns
