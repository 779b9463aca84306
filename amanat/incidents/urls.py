from django.urls import path

from . import views_public

app_name = "incidents"
urlpatterns = [
    path("report/", views_public.report, name="report"),
    path("follow-up/", views_public.follow_up, name="follow_up"),
]
