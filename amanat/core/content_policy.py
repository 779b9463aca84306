"""The Content-Security-Policy headers, as django-csp writes them, built once.

django-csp builds the policy from the settings again for every response: about 0.3 M
instructions, a sixth of the cheapest request, for the same string each time. A response
with no policy of its own (django-csp's view decorators) to a request that used no nonce
gets the headers built once per settings; every other response goes through django-csp."""

import functools
import http.client
from dataclasses import asdict

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCspMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

# Set on a response by django-csp's decorators.
_OWN_POLICY = ("_csp_config", "_csp_update", "_csp_replace",
               "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")  # fmt: skip
_DEBUG_EXEMPT = (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)


class CSPMiddleware(DjangoCspMiddleware):
    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in _OWN_POLICY
        ):
            return super().process_response(request, response)
        if response.status_code in _DEBUG_EXEMPT and settings.DEBUG:
            return response
        # The rest as django-csp does it, with the headers it would build.
        for header, exempt, setting in (
            (HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            policy, excluded = _built(self, header == HEADER_REPORT_ONLY, setting)
            if (
                policy
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(excluded)
            ):
                response[header] = policy
        # Once the header is written, a nonce asked for could not be in it: django-csp makes
        # asking an error from here on, and so does this.
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = _nonce_too_late(self)
        return response


@functools.cache
def _built(middleware: CSPMiddleware, report_only: bool, setting: str) -> tuple[str, tuple]:
    """The header django-csp builds for a response of no policy of its own, and the URL
    prefixes it leaves out."""
    # A bare request and response: no nonce, no policy of their own, as django-csp reads them.
    parts = middleware.get_policy_parts(
        request=HttpRequest(), response=HttpResponse(), report_only=report_only
    )
    policy = build_policy(**asdict(parts), report_only=report_only)
    prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
    return policy, tuple(prefixes)


def _nonce_too_late(middleware) -> CheckableLazyObject:
    return CheckableLazyObject(middleware._csp_nonce_post_response)


@receiver(setting_changed)
def _policy_changed(*, setting, **kwargs):
    if setting in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
        _built.cache_clear()
