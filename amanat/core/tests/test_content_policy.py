"""Our CSP middleware writes exactly the headers django-csp's would, whatever the response."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCspMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from amanat.core.content_policy import CSPMiddleware

REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"], "report-uri": "/csp-report"},
               "EXCLUDE_URL_PREFIXES": ["/ru/admin/"]}  # fmt: skip


def plain(request):
    return HttpResponse("ok")


def not_found(request):
    return HttpResponse("no", status=404)


@csp_update({"img-src": ["https://tiles.example"]})
def updated(request):
    return HttpResponse("map")


@csp_exempt()
def exempt(request):
    return HttpResponse("free")


def with_nonce(request):
    return HttpResponse(f"<script nonce='{request.csp_nonce}'>")


def header_set(request):
    response = HttpResponse("own")
    response[HEADER] = "default-src 'none'"
    return response


def headers(middleware_class, view, path):
    request = RequestFactory().get(path)
    middleware = middleware_class(view)
    response = middleware(request)
    written = {h: response.get(h) for h in (HEADER, HEADER_REPORT_ONLY)}
    return written, request, response


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("report_only", [None, REPORT_ONLY])
@pytest.mark.parametrize("path", ["/ru/", "/ru/admin/", "/api/v1/docs"])
@pytest.mark.parametrize("view", [plain, not_found, updated, exempt, with_nonce, header_set])
def test_the_headers_are_django_csps(settings, view, path, report_only, debug):
    settings.DEBUG = debug
    if report_only:
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = report_only
    ours, _request, _response = headers(CSPMiddleware, view, path)
    theirs, _request, _response = headers(DjangoCspMiddleware, view, path)
    if view is with_nonce:  # a new nonce each time: the same header around it
        ours = {h: v and v.split("'nonce-")[0] for h, v in ours.items()}
        theirs = {h: v and v.split("'nonce-")[0] for h, v in theirs.items()}
    assert ours == theirs


def test_a_policy_changed_in_the_settings_is_the_one_written(settings):
    before, _request, _response = headers(CSPMiddleware, plain, "/ru/")
    assert "frame-ancestors 'none'" in before[HEADER]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    after, _request, _response = headers(CSPMiddleware, plain, "/ru/")
    assert after[HEADER] == "default-src 'self'"


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    _headers, request, _response = headers(CSPMiddleware, plain, "/ru/")
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)
