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
