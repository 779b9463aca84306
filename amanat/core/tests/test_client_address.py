"""The client's address behind the reverse proxy: X-Forwarded-For is believed only from a
proxy listed in AMANAT_TRUSTED_PROXIES, and only its right-most untrusted entry."""

import pytest
from django.test import RequestFactory

from amanat.core.client_address import client_ip


def request(peer: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.AMANAT_TRUSTED_PROXIES = []
    assert client_ip(request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_an_untrusted_peer_cannot_choose_its_address(settings):
    settings.AMANAT_TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("198.51.100.1", "198.51.100.1"),
        # The client wrote the left entries itself; only what our proxy appended counts.
        ("6.6.6.6, 198.51.100.1", "198.51.100.1"),
        # Two proxies of ours (nginx in front of a second one in 10.0.0.0/8).
        ("6.6.6.6, 198.51.100.1, 10.1.2.3", "198.51.100.1"),
        ("2001:db8::7", "2001:db8::7"),
        # Garbage our proxy would never write: stop at the last address we can vouch for.
        ("198.51.100.1, not-an-address", "127.0.0.1"),
        ("", "127.0.0.1"),
    ],
)
def test_behind_a_trusted_proxy_the_rightmost_untrusted_entry_is_the_client(
    settings, forwarded, expected
):
    settings.AMANAT_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_ip(request("127.0.0.1", forwarded)) == expected


def test_a_dual_stack_socket_address_of_the_proxy_is_trusted(settings):
    settings.AMANAT_TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("::ffff:127.0.0.1", "198.51.100.1")) == "198.51.100.1"
