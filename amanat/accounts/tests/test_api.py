import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from amanat.accounts.models import ApiToken
from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import PASSWORD, current_code

URL = "/api/v1/auth/token"


def post_json(client, url, data, **extra):
    return client.post(url, data, content_type="application/json", **extra)


@pytest.mark.django_db
def test_token_for_username_and_password_authenticates_later_calls(client, make_user, region):
    user = make_user(username="obs", role=Role.OBSERVER, regions=[region])

    response = post_json(client, URL, {"username": "obs", "password": PASSWORD})

    assert response.status_code == 200
    body = response.json()
    assert (body["username"], body["role"], body["token_type"]) == ("obs", "observer", "Bearer")
    stored = ApiToken.objects.get(user=user)
    assert stored.key_hash == ApiToken.hash_key(body["token"])
    assert body["token"] not in stored.key_hash

    me = client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert me.status_code == 200
    assert me.json() == {"username": "obs", "role": "observer", "regions": ["KZ-75"]}


@pytest.mark.django_db
def test_wrong_password_gets_the_error_envelope(client, make_user):
    make_user(username="obs")

    response = post_json(
        client, URL, {"username": "obs", "password": "x"}, HTTP_ACCEPT_LANGUAGE="kk"
    )

    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "invalid_credentials"
    assert body["errors"] == []
    assert body["detail"] == "Логин немесе құпиясөз қате."
    assert ApiToken.objects.count() == 0


@pytest.mark.django_db
def test_missing_field_names_the_field(client):
    response = post_json(client, URL, {"username": "obs"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert [e["field"] for e in body["errors"]] == ["password"]


@pytest.mark.django_db
def test_no_token_and_bad_token_are_401(client):
    assert client.get("/api/v1/auth/me").json()["code"] == "not_authenticated"
    bad = client.get("/api/v1/auth/me", HTTP_AUTHORIZATION="Bearer nope")
    assert bad.status_code == 401


@pytest.mark.django_db
def test_revoked_token_no_longer_works(client, make_user):
    make_user(username="obs")
    key = post_json(client, URL, {"username": "obs", "password": PASSWORD}).json()["token"]
    from django.utils import timezone

    ApiToken.objects.update(revoked_at=timezone.now())
    assert client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


@pytest.mark.django_db
def test_api_login_is_throttled(client, make_user, settings):
    make_user(username="obs")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_json(client, URL, {"username": "obs", "password": "bad"})
    response = post_json(client, URL, {"username": "obs", "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out"
    assert ApiToken.objects.count() == 0


@pytest.mark.django_db
def test_staff_token_needs_totp_when_required(client, make_user, settings):
    settings.AMANAT_REQUIRE_2FA = True
    user = make_user(username="analyst", role=Role.ANALYST)
    creds = {"username": "analyst", "password": PASSWORD}

    assert post_json(client, URL, creds).json()["code"] == "otp_not_enrolled"
    device = TOTPDevice.objects.create(user=user, confirmed=True)
    assert post_json(client, URL, creds).json()["code"] == "otp_required"
    assert post_json(client, URL, {**creds, "otp": "000000"}).json()["code"] == "invalid_otp"
    ok = post_json(client, URL, {**creds, "otp": current_code(device)})
    assert ok.status_code == 200
    assert ApiToken.objects.filter(user=user).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("header", "status"),
    [("Bearer {key}", 200), ("bearer {key}", 200), ("BEARER {key}", 200),
     ("Token {key}", 401), ("Basic {key}", 401), ("Bearer", 401), ("Bearer ", 401),
     ("{key}", 401), ("Bearer  {key}", 401)],
)  # fmt: skip
def test_only_the_bearer_scheme_with_the_exact_key_authenticates(client, make_user, header, status):
    make_user(username="obs")
    key = post_json(client, URL, {"username": "obs", "password": PASSWORD}).json()["token"]

    response = client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=header.format(key=key))

    assert response.status_code == status
