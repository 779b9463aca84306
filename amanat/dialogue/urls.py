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

# Debates (views_debates): the ranked list, a debate's page, its writes.
from . import views_debates  # noqa: E402

urlpatterns += [
    path("debates/", views_debates.debate_list, name="debates"),
    path("debates/new/", views_debates.debate_open, name="debate_open"),
    path("debates/<int:pk>/", views_debates.debate_detail, name="debate"),
    path("debates/<int:pk>/arguments/", views_debates.argument_add, name="debate_argue"),
    path("debates/<int:pk>/comments/", views_debates.comment_add, name="debate_comment"),
    path("debates/<int:pk>/endorse/", views_debates.debate_endorse, name="debate_endorse"),
    path(
        "debates/<int:pk>/arguments/<int:argument>/endorse/",
        views_debates.argument_endorse,
        name="argument_endorse",
    ),
    path("debates/<int:pk>/close/", views_debates.debate_close, name="debate_close"),
]

from . import views_moderation, views_voices  # noqa: E402

urlpatterns += [
    path("voices/", views_voices.voice_list, name="voices"),
    path("voices/apply/", views_voices.voice_apply, name="voice_apply"),
    path("voices/queue/", views_voices.voice_queue, name="voice_queue"),
    path("voices/<int:pk>/decide/", views_voices.voice_decide, name="voice_decide"),
    path("posts/<int:ct>/<int:pk>/report/", views_moderation.post_report, name="post_report"),
    path(
        "posts/<int:ct>/<int:pk>/translate/", views_moderation.post_translate, name="post_translate"
    ),
    path("posts/<int:ct>/<int:pk>/decide/", views_moderation.post_decide, name="post_decide"),
    path("moderation/bans/", views_moderation.bans, name="bans"),
    path("moderation/bans/<int:pk>/lift/", views_moderation.ban_lift, name="ban_lift"),
    path("moderation/log/", views_moderation.log, name="moderation_log"),
    path("policy/", views_moderation.policy, name="policy"),
    path("warnings/", views_moderation.warnings_mine, name="warnings"),
]
