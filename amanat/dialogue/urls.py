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
