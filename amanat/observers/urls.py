from django.urls import path

from .views import broadcasts, coordination, field, public

app_name = "observers"
urlpatterns = [
    path("apply/", public.apply, name="apply"),
    path("apply/status/", public.status, name="application_status"),
    path("network/", public.public_coverage, name="public_coverage"),
    path("applications/", coordination.applications, name="applications"),
    path("applications/<int:pk>/", coordination.application_detail, name="application_detail"),
    path("people/", coordination.observers, name="observers"),
    path("people/<int:pk>/", coordination.observer_detail, name="observer_detail"),
    path("coverage/", coordination.coverage, name="coverage"),
    path("coverage/<str:code>/", coordination.coverage_region, name="coverage_region"),
    path("deployments/propose/", coordination.propose, name="propose"),
    path("deployments/csv/", coordination.deployments_csv, name="deployments_csv"),
    path("not-checked-in/", coordination.missing_checkins, name="missing_checkins"),
    path("my-station/", field.my_station, name="my_station"),
    path("my-station/check-in/", field.check_in, name="check_in"),
    path("my-station/sos/", field.raise_sos, name="raise_sos"),
    path("sos/", field.sos_list, name="sos_list"),
    path("sos/<int:pk>/", field.sos_detail, name="sos_detail"),
    path("broadcast/", broadcasts.broadcast, name="broadcast"),
    path("broadcast/<int:pk>/", broadcasts.broadcast_detail, name="broadcast_detail"),
    path("inbox/", field.inbox, name="inbox"),
]
