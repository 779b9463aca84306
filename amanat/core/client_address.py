"""The address of the person at the other end, seen through the reverse proxies we trust.

Behind nginx every connection comes from the proxy: keyed on REMOTE_ADDR, every citizen would
share one rate limit and one login lockout. The proxy appends the address it saw to
X-Forwarded-For, but anyone can send that header too, so it is read only when the connection
comes from a proxy listed in AMANAT_TRUSTED_PROXIES (addresses or CIDR networks; empty: no
proxy, REMOTE_ADDR is the client). Rate limits (RATELIMIT_IP_META_KEY), the login lockout
(AXES_CLIENT_IP_CALLABLE) and the audit log all ask `client_ip`.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def trusted_proxies() -> tuple[Network, ...]:
    """The configured proxies; a wrong entry fails loudly (at the first request), never opens."""
    return _networks(tuple(getattr(settings, "AMANAT_TRUSTED_PROXIES", ()) or ()))


def _address(text: str) -> Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443", as some proxies write
        text = text[1 : text.index("]")]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: Address | None, networks: tuple[Network, ...]) -> bool:
    if address is None:
        return False
    if (
        isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped
    ):  # "::ffff:127.0.0.1", dual stack
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, unless it is a trusted proxy: then the right-most X-Forwarded-For entry
    that is not a trusted proxy (the entries to its left were written by the client and
    prove nothing). A malformed entry stops the walk at the last address we can vouch for."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    networks = trusted_proxies()
    if not networks or not _trusted(_address(peer), networks):
        return peer
    found = peer
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(entry)
        if address is None:
            break
        found = str(address)
        if not _trusted(address, networks):
            break
    return found
