from django.urls import path

from . import views

app_name = "geography"
urlpatterns = [
    path("stations/", views.station_finder, name="station_finder"),
]
