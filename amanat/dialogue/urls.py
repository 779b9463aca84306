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
