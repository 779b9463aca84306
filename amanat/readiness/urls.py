from django.urls import path

from . import views, views_index, views_monitoring, views_refusals, views_selfcheck

app_name = "readiness"

urlpatterns: list = [
    path("", views_index.index, name="index"),
    path("self-check/", views_selfcheck.selfcheck_form, name="selfcheck"),
    path("self-check/counts/", views_selfcheck.selfcheck_counts, name="selfcheck_counts"),
    path("self-check/<uuid:code>/", views_selfcheck.selfcheck_done, name="selfcheck_done"),
    path(
        "self-check/<uuid:code>/challenge/",
        views_selfcheck.selfcheck_challenge,
        name="selfcheck_challenge",
    ),
    path("monitoring/", views_monitoring.visits, name="visits"),
    path("refusals/", views_refusals.register, name="refusals"),
    path("refusals/new/", views_refusals.refusal_edit, name="refusal_add"),
    path("refusals/<int:pk>/", views_refusals.refusal_edit, name="refusal_edit"),
    path("refusals/public/", views_refusals.public, name="refusals_public"),
    path("audits/", views.audits, name="audits"),
    path("audits/new/", views.audit_new, name="audit_new"),
    path("audits/<int:pk>/", views.audit, name="audit"),
    path("audits/<int:pk>/draw/", views.audit_draw, name="audit_draw"),
    path("audits/<int:pk>/stations/<int:number>/", views.audit_station, name="audit_station"),
    path("audits/<int:pk>/results/", views.audit_results, name="audit_results"),
    path("audits/<int:pk>/results.csv", views.audit_results_csv, name="audit_results_csv"),
]
