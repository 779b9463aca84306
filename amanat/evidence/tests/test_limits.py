"""The request cap, the number of files, each sender's hourly allowance, and Pillow's own
guard, all owned by the evidence app now."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from amanat.evidence.allowance import (
    UploadRefused,
    allowance_take,
    files_count_check,
    uploader_key,
)
from amanat.evidence.request_size import RequestSizeMiddleware, body_too_large

MIB = 2**20


def test_a_body_past_the_cap_is_refused_from_its_declared_length(settings):
    settings.AMANAT_UPLOAD_MAX_REQUEST_BYTES = 10 * MIB
    factory = RequestFactory()
    small = factory.post("/api/v1/x", content_type="application/json", data="{}")
    large = factory.post("/api/v1/x", content_type="application/json", data="{}")
    large.META["CONTENT_LENGTH"] = str(10 * MIB + 1)
    assert (body_too_large(small), body_too_large(large)) == (False, True)
    assert body_too_large(small, limit=1)  # an intake's own smaller cap (OpenRosa)

    def unreachable(request):
        raise AssertionError("the view must not run")

    response = RequestSizeMiddleware(unreachable)(large)
    assert response.status_code == 413
    assert json.loads(response.content)["code"] == "too_large"


def test_more_files_than_one_report_may_carry_are_refused(settings):
    settings.AMANAT_UPLOAD_MAX_FILES = 3
    files_count_check(3)
    with translation.override("en"), pytest.raises(UploadRefused) as caught:
        files_count_check(4)
    assert caught.value.message == "Attach at most 3 files to one report; you attached 4."


def test_the_hourly_allowance_counts_files_and_bytes_and_a_refusal_counts_nothing(settings):
    settings.AMANAT_UPLOAD_HOURLY_FILES, settings.AMANAT_UPLOAD_HOURLY_BYTES = 3, 100
    allowance_take("user:1", [10, 20])
    with pytest.raises(UploadRefused):
        allowance_take("user:1", [10, 20])  # a fourth file
    allowance_take("user:1", [70])  # the refused two were not counted: 3 files, 100 bytes
    with pytest.raises(UploadRefused):
        allowance_take("user:1", [1])
    allowance_take("user:2", [100])  # each sender has their own
    allowance_take("", [10**9])  # no sender: nothing counted


def test_uploads_count_against_the_account_or_else_the_address(make_user):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    request.user = AnonymousUser()
    assert uploader_key(request) == "addr:203.0.113.7"
    request.user = make_user()
    assert uploader_key(request) == f"user:{request.user.pk}"


def test_pillow_refuses_what_the_intake_refuses(settings):
    assert settings.AMANAT_UPLOAD_MAX_PIXELS == Image.MAX_IMAGE_PIXELS
