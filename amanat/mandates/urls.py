from django.urls import path

from . import views, views_answers

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

from . import views_phone  # noqa: E402 - the phone confirmation step

urlpatterns += [
    path("confirm-phone/", views_phone.phone_start, name="phone"),
    path("confirm-phone/code/", views_phone.phone_code, name="phone_code"),
]
