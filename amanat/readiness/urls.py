from django.urls import path

from . import views

app_name = "readiness"

urlpatterns = [
    path("audits/", views.audits, name="audits"),
    path("audits/new/", views.audit_new, name="audit_new"),
    path("audits/<int:pk>/", views.audit, name="audit"),
    path("audits/<int:pk>/draw/", views.audit_draw, name="audit_draw"),
    path("audits/<int:pk>/stations/<int:number>/", views.audit_station, name="audit_station"),
    path("audits/<int:pk>/results/", views.audit_results, name="audit_results"),
    path("audits/<int:pk>/results.csv", views.audit_results_csv, name="audit_results_csv"),
]
