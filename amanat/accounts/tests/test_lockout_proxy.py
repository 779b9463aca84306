"""Behind the reverse proxy, five wrong passwords lock that login from that address only: a
stranger cannot lock anyone's account for everyone, and the address is the client's."""

import pytest

from amanat.accounts.tests.factories import PASSWORD

LOGIN = "/en/accounts/login/"


def post_login(client, citizen: str, password: str):
    return client.post(
        LOGIN, {"username": "anna", "password": password}, HTTP_X_FORWARDED_FOR=citizen
    )


@pytest.mark.django_db
def test_wrong_passwords_from_one_address_do_not_lock_the_account_elsewhere(
    client, make_user, settings
):
    settings.AMANAT_TRUSTED_PROXIES = ["127.0.0.1"]
    make_user(username="anna")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, "203.0.113.66", "wrong password")

    assert post_login(client, "203.0.113.66", PASSWORD).status_code == 429  # the attacker
    owner = client.__class__()
    assert post_login(owner, "198.51.100.20", PASSWORD).status_code == 302  # anna herself
    assert "_auth_user_id" in owner.session


@pytest.mark.django_db
def test_the_audit_log_records_the_clients_address_not_the_proxys(client, make_user, settings):
    from amanat.audit.models import AuditEntry

    settings.AMANAT_TRUSTED_PROXIES = ["127.0.0.1"]
    make_user(username="anna")
    post_login(client, "198.51.100.20", "wrong password")
    entry = AuditEntry.objects.filter(action="accounts.login_failed").latest("pk")
    assert entry.ip_address == "198.51.100.20"
