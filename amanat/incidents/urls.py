from django.urls import path

from . import views_complaint, views_moderation, views_public, views_published

app_name = "incidents"
urlpatterns = [
    path("report/", views_public.report, name="report"),
    path("follow-up/", views_public.follow_up, name="follow_up"),
    path(
        "from-complaint/",
        views_complaint.report_from_complaint,
        name="report_from_complaint",
    ),
    path("", views_published.published, name="published"),
    path("<int:pk>/", views_published.published_detail, name="published_detail"),
    path("export.csv", views_published.export_csv, name="export_csv"),
    path("export.geojson", views_published.export_geojson, name="export_geojson"),
    path("moderation/", views_moderation.moderation_queue, name="moderation"),
    path("moderation/<int:pk>/", views_moderation.moderation_detail, name="moderation_detail"),
    path(
        "moderation/<int:pk>/referral/<int:referral_id>.<str:kind>",
        views_moderation.referral_file,
        name="referral_file",
    ),
    path("overdue/", views_moderation.overdue, name="overdue"),
]
