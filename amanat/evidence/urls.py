from django.urls import path

from . import views

app_name = "evidence"
urlpatterns = [
    path("", views.export_list, name="export_list"),
    path("<uuid:public_id>/", views.export_detail, name="export_detail"),
    path("<uuid:public_id>/download", views.export_download, name="export_download"),
]
