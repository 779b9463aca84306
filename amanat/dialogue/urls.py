from django.urls import path

from . import views

app_name = "dialogue"

urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("<int:pk>/", views.vote_page, name="vote"),
    path("<int:pk>/vote/", views.vote, name="cast"),
    path("<int:pk>/statements/new/", views.statement_add, name="statement_add"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/export.csv", views.export, name="export"),
    path("moderation/", views.moderation, name="moderation"),
    path("statements/<int:pk>/moderate/", views.moderate, name="moderate"),
]

# Online events and their live questions (views_events.py).
from . import views_events  # noqa: E402

urlpatterns += [
    path("events/", views_events.event_list, name="events"),
    path("events/new/", views_events.event_edit, name="event_new"),
    path("events/<int:pk>/", views_events.event_detail, name="event"),
    path("events/<int:pk>/edit/", views_events.event_edit, name="event_edit"),
    path("events/<int:pk>/register/", views_events.register, name="event_register"),
    path("events/<int:pk>/cancel/", views_events.cancel, name="event_cancel"),
    path("events/<int:pk>/event.ics", views_events.event_ics, name="event_ics"),
    path("events/<int:pk>/screen/", views_events.screen, name="event_screen"),
    path("events/<int:pk>/questions/", views_events.questions, name="event_questions"),
    path("events/<int:pk>/questions/ask/", views_events.question_ask, name="question_ask"),
    path("events/questions/<int:pk>/like/", views_events.question_like, name="question_like"),
    path("events/questions/<int:pk>/mark/", views_events.question_mark, name="question_mark"),
]
