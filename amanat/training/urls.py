from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.program_home, name="home"),
    path(
        "first-time-voters/",
        views.program_home,
        {"program": "first_time_voter"},
        name="first_vote",
    ),
    path("certificate.pdf", views.my_certificate_pdf, name="certificate_pdf"),
    path("check-certificate/", views.certificate_lookup, name="certificate_lookup"),
    path("<slug:slug>/", views.course_detail, name="course"),
    path("<slug:slug>/lessons/<int:position>/", views.lesson_detail, name="lesson"),
    path("<slug:slug>/quiz/", views.quiz_view, name="quiz"),
    path("<slug:slug>/quiz/<int:number>/", views.quiz_result, name="quiz_result"),
]
