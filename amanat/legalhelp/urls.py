from django.urls import path

from . import views

app_name = "legalhelp"
urlpatterns = [
    path("ask/", views.ask, name="ask"),
    path("my-question/", views.follow, name="follow"),
    path("faq/", views.faq, name="faq"),
    path("queue/", views.queue, name="queue"),
    path("queue/<int:pk>/", views.answer, name="answer"),
]
