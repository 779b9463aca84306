from django.urls import path

from . import views

app_name = "checklists"
urlpatterns = [
    path("", views.checklist_list, name="list"),
    path("submit/", views.checklist_submit, name="submit"),
    path("<str:code>/", views.checklist_page, name="form"),
]
