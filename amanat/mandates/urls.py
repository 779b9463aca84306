from django.urls import path

from . import views, views_answers, views_appeals

app_name = "mandates"
urlpatterns = [
    path("", views.mandate_list, name="list"),
    path("write/", views.mandate_write, name="write"),
    path("similar/", views.similar, name="similar"),
    path("pressing/", views.pressing, name="pressing"),
    path("<int:pk>/", views.mandate_detail, name="detail"),
    path("<int:pk>/support/", views.mandate_support, name="support"),
    path("<int:pk>/merge/", views.mandate_merge, name="merge"),
    path("<int:pk>/answer/", views_answers.mandate_answer, name="answer"),
    path("answer-rates/", views_answers.rates, name="rates"),
]

from . import views_promises  # noqa: E402 - appended with the promises

urlpatterns += [
    path("promises/", views_promises.promise_index, name="promises"),
    path("promises/elected/", views_promises.elected_declare, name="elected_declare"),
    path("promises/<int:candidate_id>/", views_promises.promise_scorecard, name="scorecard"),
    path("promises/<int:candidate_id>/add/", views_promises.promise_add, name="promise_add"),
    path("promises/p/<int:pk>/", views_promises.promise_detail, name="promise"),
    path("promises/p/<int:pk>/rate/", views_promises.promise_rate, name="promise_rate"),
    path("answers/<int:answer_id>/track/", views_promises.answer_track, name="answer_track"),
]

# Appeals to state bodies (views_appeals).
urlpatterns += [
    path("appeals/", views_appeals.appeals_mine, name="appeals_mine"),
    path("appeals/write/", views_appeals.appeal_write, name="appeal_write"),
    path("appeals/overdue/", views_appeals.overdue, name="appeals_overdue"),
    path("appeals/bodies/", views_appeals.bodies, name="appeal_bodies"),
    path("appeals/bodies/<int:pk>/", views_appeals.body_page, name="appeal_body"),
    path("appeals/<int:pk>/", views_appeals.appeal_detail, name="appeal"),
    path(
        "appeals/<int:pk>/appeal.<str:fmt>", views_appeals.appeal_document, name="appeal_document"
    ),
    path("appeals/<int:pk>/filing/", views_appeals.appeal_filing, name="appeal_filing"),
    path("appeals/<int:pk>/extension/", views_appeals.appeal_extension, name="appeal_extension"),
    path("appeals/<int:pk>/answer/", views_appeals.appeal_report, name="appeal_report"),
]

from . import views_phone  # noqa: E402 - the phone confirmation step

urlpatterns += [
    path("confirm-phone/", views_phone.phone_start, name="phone"),
    path("confirm-phone/code/", views_phone.phone_code, name="phone_code"),
]
