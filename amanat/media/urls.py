from django.urls import path

from . import views, views_reports

app_name = "media"
urlpatterns = [
    path("", views_reports.index, name="index"),
    path("coverage.csv", views_reports.export_csv, name="export_csv"),
    path("coverage.xlsx", views_reports.export_xlsx, name="export_xlsx"),
    path("coding/", views.queue, name="queue"),
    path("coding/<int:pk>/", views.code, name="code"),
    path("reliability/", views_reports.reliability, name="reliability"),
    path("finance/", views_reports.finance, name="finance"),
]
