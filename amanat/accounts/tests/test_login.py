import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import PASSWORD, current_code
from amanat.audit.models import AuditEntry

LOGIN = "/en/accounts/login/"


def post_login(client, login, password=PASSWORD):
    return client.post(LOGIN, {"username": login, "password": password})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "login", ["anna", "ANNA", "anna@example.org", "+77011234567", "8 701 123 45 67"]
)
def test_login_by_username_email_or_phone(client, make_user, login):
    user = make_user(username="anna", email="anna@example.org", phone="+77011234567")

    response = post_login(client, login)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AuditEntry.objects.filter(action="accounts.login", actor=user).count() == 1


@pytest.mark.django_db
def test_wrong_password_is_refused_in_the_users_language(client, make_user):
    make_user(username="anna")

    response = client.post("/ru/accounts/login/", {"username": "anna", "password": "nope"})

    assert response.status_code == 400
    assert "Неверный логин или пароль" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="accounts.login_failed").count() == 1


@pytest.mark.django_db
def test_five_failures_lock_the_login_even_for_the_right_password(client, make_user, settings):
    make_user(username="anna")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, "anna", "wrong password")

    response = post_login(client, "anna")

    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_staff_role_must_enrol_and_pass_totp_when_required(client, make_user, settings):
    settings.AMANAT_REQUIRE_2FA = True
    user = make_user(username="coord", role=Role.COORDINATOR)

    response = post_login(client, "coord")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:two_factor")
    assert "_auth_user_id" not in client.session

    page = client.get(reverse("accounts:two_factor"))
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert wrong.status_code == 400
    assert "_auth_user_id" not in client.session

    ok = client.post(reverse("accounts:two_factor"), {"token": current_code(device)})
    assert ok.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="accounts.2fa_enrolled", actor=user).count() == 1


@pytest.mark.django_db
def test_citizens_never_need_a_second_factor(client, make_user, settings):
    settings.AMANAT_REQUIRE_2FA = True
    user = make_user(username="voter", role=Role.CITIZEN)
    response = post_login(client, "voter")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_unverified_staff_session_is_signed_out_when_2fa_is_required(client, make_user, settings):
    user = make_user(username="lawyer", role=Role.LAWYER)
    client.force_login(user)
    settings.AMANAT_REQUIRE_2FA = True

    response = client.get("/en/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_admin_login_goes_through_our_login(client):
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.django_db
def test_logout_is_a_post_and_is_audited(client, make_user):
    user = make_user()
    client.force_login(user)
    assert client.get("/en/accounts/logout/").status_code == 405
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="accounts.logout", actor=user).count() == 1


@pytest.mark.django_db
def test_next_parameter_cannot_send_users_elsewhere(client, make_user):
    make_user(username="anna")
    response = client.post(
        LOGIN + "?next=https://evil.example/", {"username": "anna", "password": PASSWORD}
    )
    assert response["Location"] == "/en/"
