from django.urls import path

from . import views

app_name = "forensics"
urlpatterns = [path("", views.analyse_page, name="analyse")]
