from django.urls import path

from . import views

app_name = "results"
urlpatterns = [
    path("reconciliation/", views.reconciliation_page, name="reconciliation"),
    path("reconciliation.csv", views.reconciliation_csv, name="reconciliation_csv"),
]
