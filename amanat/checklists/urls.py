from django.urls import path

from . import views, views_dashboard, views_station

app_name = "checklists"
urlpatterns = [
    path("", views.checklist_list, name="list"),
    path("submit/", views.checklist_submit, name="submit"),
    path("photo/", views.checklist_photo, name="photo"),
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
    path("quality/<str:code>/", views_dashboard.quality, name="quality"),
    path("summary/", views_dashboard.public_summary, name="public_summary"),
    path("station/<str:number>/", views_station.station_view, name="station"),
    path(
        "station/<str:number>/photo/<str:sha256>.jpg",
        views_station.station_photo,
        name="station_photo",
    ),
    path("<str:code>/", views.checklist_page, name="form"),
    path("<str:code>/xlsform.xlsx", views.xlsform_download, name="xlsform"),
]
