from django.urls import path

from . import views, views_signup

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("two-factor/", views.two_factor_view, name="two_factor"),
    path("logout/", views.logout_view, name="logout"),
    path("signup/", views_signup.signup_view, name="signup"),
    path("signup/sent/", views_signup.signup_sent, name="signup_sent"),
    path("signup/confirm/", views_signup.signup_confirm, name="signup_confirm"),
]
