from django.urls import path

from . import views, views_complaint

app_name = "voterinfo"
urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<slug:slug>/", views.calendar, name="calendar_election"),
    path("calendar/<slug:slug>/calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("calendar/<slug:slug>/subscribe/", views.subscribe, name="subscribe"),
    path("reminders/stop/<uuid:token>/", views.unsubscribe, name="unsubscribe"),
    path("guides/", views.guides, name="guides"),
    path("guides/<slug:slug>/", views.guide, name="guide"),
    path("search/", views.search, name="search"),
    path("complaint/", views_complaint.complaint, name="complaint"),
    path("candidates/", views.candidates, name="candidates"),
    path("candidates/<slug:slug>/", views.candidates, name="candidates_election"),
    path("candidate/<int:pk>/", views.candidate, name="candidate"),
]
