"""OpenRosa sign-in under attack: Digest as a password oracle, staff without their second
factor, captured headers replayed or sent elsewhere. (Submissions: test_openrosa_submission.)"""

import pytest
from axes.utils import reset as axes_reset
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from amanat.accounts.roles import Role
from amanat.accounts.services import digest_credential_set
from amanat.channels import digest as digest_module
from amanat.channels.tests.factories import LIST, PASSWORD, SUBMIT, nonce_of, sign_in, signed

pytestmark = pytest.mark.django_db
LOGIN = "/en/accounts/login/"


# Finding 5: throttling shared with the web login.


def test_the_41st_guess_is_refused_without_looking_at_the_password(
    client, observer, settings, monkeypatch
):
    username = observer.user.username
    answers = [sign_in(client, username, f"guess {i}").status_code for i in range(40)]
    limit = settings.AXES_FAILURE_LIMIT
    assert set(answers[:limit - 1]) == {401}  # fmt: skip
    assert set(answers[limit - 1:]) == {429}  # fmt: skip

    hashed = []
    monkeypatch.setattr(digest_module, "_md5", lambda text: hashed.append(text) or "")
    right = sign_in(client, username, HTTP_ACCEPT_LANGUAGE="en")  # the right password, now
    assert right.status_code == 429
    assert hashed == []  # the password was not even checked
    assert int(right["Retry-After"]) == 15 * 60
    assert b"Too many failed attempts" in right.content
    assert b"<OpenRosaResponse" in right.content


def test_digest_failures_lock_the_web_login_of_that_account(client, observer, settings):
    username = observer.user.username
    for i in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, username, f"guess {i}")
    web = client.post(LOGIN, {"username": username, "password": PASSWORD})
    assert web.status_code == 429
    assert "_auth_user_id" not in client.session


def test_web_login_failures_lock_digest_for_that_account(client, observer, settings):
    username = observer.user.username
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": username, "password": "wrong"})
    assert sign_in(client, username).status_code == 429


def test_failures_count_per_account_whichever_login_was_typed(client, observer, settings):
    """Three guesses by e-mail and two by phone on the web, then Digest by username: one
    account, one count (before, each spelling had five guesses of its own)."""
    user = observer.user
    user.email, user.phone = "aigerim.observer@example.org", "+77010000077"
    user.save()
    for _ in range(3):
        client.post(LOGIN, {"username": "Aigerim.Observer@example.org", "password": "wrong"})
    for _ in range(settings.AXES_FAILURE_LIMIT - 3):
        client.post(LOGIN, {"username": "8 701 000 00 77", "password": "wrong"})
    assert sign_in(client, user.username).status_code == 429
    web = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert web.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_right_answer_clears_earlier_failures_as_on_the_web(client, observer, settings):
    username = observer.user.username
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, username, "wrong").status_code == 401
    assert sign_in(client, username).status_code == 200
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, username, "wrong").status_code == 401
    assert sign_in(client, username).status_code == 200


# Finding 5: observers only.


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN, Role.ANALYST])
def test_staff_with_the_right_password_is_refused(client, make_user, role):
    user = make_user(username="staff", role=role)
    digest_credential_set(user=user, password=PASSWORD)
    right = sign_in(client, "staff")
    wrong = sign_in(client, "staff", "wrong")
    assert (right.status_code, wrong.status_code) == (401, 401)  # and no oracle between them
    assert right["WWW-Authenticate"].startswith("Digest ")


def test_an_observer_with_a_second_factor_is_refused(client, observer):
    TOTPDevice.objects.create(user=observer.user, name="phone", confirmed=True)
    assert sign_in(client, observer.user.username).status_code == 401


def test_an_observer_who_must_have_a_second_factor_is_refused(client, observer, monkeypatch):
    monkeypatch.setattr(digest_module, "two_factor_required", lambda user: True)
    assert sign_in(client, observer.user.username).status_code == 401


# Finding 5: a header is good for its own request, once.


def test_a_header_signed_for_another_uri_is_refused(client, observer):
    nonce = nonce_of(client.get(LIST))
    auth = signed(nonce, observer.user.username, PASSWORD, "GET", "/openrosa/forms/VT.xml")
    refused = client.get(LIST, HTTP_AUTHORIZATION=auth)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Digest ")


def test_the_query_is_part_of_the_uri(client, observer):
    """ODK Collect posts to /submission?deviceID=...; the query is signed with the path."""
    nonce = nonce_of(client.get(LIST))
    one, two = f"{SUBMIT}?deviceID=collect%3Aone", f"{SUBMIT}?deviceID=collect%3Atwo"
    auth = signed(nonce, observer.user.username, PASSWORD, "HEAD", one)
    assert client.head(two, HTTP_AUTHORIZATION=auth).status_code == 401
    auth = signed(nonce, observer.user.username, PASSWORD, "HEAD", one, nc=2)
    assert client.head(one, HTTP_AUTHORIZATION=auth).status_code == 204


def test_a_replayed_header_is_refused_with_a_fresh_challenge(client, observer):
    nonce = nonce_of(client.get(LIST))
    auth = signed(nonce, observer.user.username, PASSWORD, "GET", LIST, nc=1)
    assert client.get(LIST, HTTP_AUTHORIZATION=auth).status_code == 200
    for _ in range(3):
        replay = client.get(LIST, HTTP_AUTHORIZATION=auth)
        assert replay.status_code == 401
        # stale=true: ODK Collect signs again with the new nonce instead of giving up
        assert "stale=true" in replay["WWW-Authenticate"]
        assert nonce_of(replay) != nonce


def test_the_nonce_count_must_grow(client, observer):
    """ODK Collect reuses a nonce with nc 1, 2, 3...; an older count is a replay."""
    nonce = nonce_of(client.get(LIST))
    username = observer.user.username

    def get(nc):
        auth = signed(nonce, username, PASSWORD, "GET", LIST, nc=nc, cnonce=f"c{nc}")
        return client.get(LIST, HTTP_AUTHORIZATION=auth).status_code

    assert [get(1), get(2), get(5), get(3), get(5), get(6)] == [200, 200, 200, 401, 401, 200]


def test_an_expired_nonce_is_stale_and_a_forged_one_refused(client, observer, monkeypatch):
    username = observer.user.username
    nonce = nonce_of(client.get(LIST))
    monkeypatch.setattr(digest_module, "NONCE_MAX_AGE", -1)
    old = client.get(LIST, HTTP_AUTHORIZATION=signed(nonce, username, PASSWORD, "GET", LIST))
    assert old.status_code == 401
    assert "stale=true" in old["WWW-Authenticate"]
    forged = signed("made-up", username, PASSWORD, "GET", LIST)
    refused = client.get(LIST, HTTP_AUTHORIZATION=forged)
    assert refused.status_code == 401
    assert "stale" not in refused["WWW-Authenticate"]


header_value = st.text(st.characters(codec="latin-1"), max_size=30)


GARBLED = {
    "username": st.sampled_from(["", "nobody"]),
    "realm": st.just(""),
    "nonce": st.sampled_from(["", "x:y:z"]),
    "uri": st.sampled_from(["/", "", LIST + "?x=1"]),
    "response": st.sampled_from(["é" * 32, "0" * 31, ""]),
    "qop": st.sampled_from(["auth-int", ""]),
    "nc": st.sampled_from(["ffffffff", "-0000001", "00000000", "1"]),
    "cnonce": st.just(""),
    "algorithm": st.sampled_from(["SHA-256", "md5-sess"]),
}


@st.composite
def digest_headers(draw, nonce, username):
    """A Digest header near a valid one: a few fields garbled or left out."""
    fields = {"username": username, "realm": "Amanat", "nonce": nonce, "uri": LIST,
              "response": "0" * 32, "qop": "auth", "nc": "00000001", "cnonce": "ab",
              "algorithm": "MD5"}  # fmt: skip
    for name in draw(st.lists(st.sampled_from(sorted(fields)), max_size=3, unique=True)):
        fields[name] = draw(GARBLED[name] | header_value)
    for name in draw(st.lists(st.sampled_from(sorted(fields)), max_size=1)):
        fields.pop(name, None)
    return "Digest " + ", ".join(f'{name}="{value}"' for name, value in fields.items())


@hypothesis_settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_authorization_header_gets_a_server_error(client, observer, data):
    axes_reset()  # each example starts unlocked: wrong answers would lock the rest out
    nonce = nonce_of(client.get(LIST))
    header = data.draw(digest_headers(nonce, observer.user.username) | header_value)
    response = client.get(LIST, HTTP_AUTHORIZATION=header)
    assert response.status_code in (401, 429), response.content
