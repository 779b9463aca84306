"""A blurred photo gets a new address, the copy before the blur is gone, and no address of
the photo but the current one may be kept by the browser: the moderator sees the blur."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from amanat.accounts.roles import Role
from amanat.evidence.services import public_dir
from amanat.incidents.models import Evidence
from amanat.incidents.tests.factories import photo_with_gps, post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_storage")]


def test_blurring_changes_the_address_and_the_content_the_moderator_sees(
    client, make_user, django_capture_on_commit_callbacks
):
    body = post(client, [SimpleUploadedFile("face.jpg", photo_with_gps(), "image/jpeg")]).json()
    evidence = Evidence.objects.get()
    page = f"/en/incidents/moderation/{body['id']}/"
    client.force_login(make_user(role=Role.MODERATOR))
    url_before = evidence.copy_url
    before_path = public_dir() / evidence.public_copy
    # A sharp edge in the picture, so that the blur visibly changes it.
    picture = Image.open(before_path).convert("RGB")
    picture.paste((255, 255, 255), (0, 0, 32, 48))
    picture.save(before_path, format="JPEG")
    shown_before = b"".join(client.get(url_before).streaming_content)

    assert url_before in client.get(page).content.decode()
    cached = client.get(url_before)
    assert cached["Cache-Control"] == "private, max-age=31536000, immutable"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page, {"action": "redact", "evidence": evidence.pk, "x0": 25,
                                      "y0": 0, "x1": 75, "y1": 100, "mode": "blur"},
                               follow=True)  # fmt: skip
    evidence.refresh_from_db()
    url_after = evidence.copy_url
    shown_after = b"".join(client.get(url_after).streaming_content)

    assert url_after != url_before
    assert url_after in response.content.decode()
    assert url_before not in response.content.decode()
    assert shown_after != shown_before
    assert url_after.endswith("?v=" + hashlib.sha256(shown_after).hexdigest()[:16])
    assert not before_path.exists()  # the unblurred copy is deleted
    assert client.get(url_after)["Cache-Control"] == "private, max-age=31536000, immutable"
    # The old address now answers with the blurred copy, and never lets it be kept.
    stale = client.get(url_before)
    assert stale["Cache-Control"] == "private, no-store"
    assert b"".join(stale.streaming_content) == shown_after
    unversioned = client.get(url_after.split("?")[0])
    assert unversioned["Cache-Control"] == "private, no-store"


def test_the_api_gives_the_redacted_copy_a_new_address_and_the_old_one_never_the_old_bytes(
    client, make_user, django_capture_on_commit_callbacks
):
    body = post(client, [SimpleUploadedFile("face.jpg", photo_with_gps(), "image/jpeg")]).json()
    follow_up = f"/api/v1/incidents/follow-up/{body['follow_up_code']}"
    evidence = Evidence.objects.get()
    url_before = client.get(follow_up).json()["evidence"][0]["url"]
    assert url_before == body["evidence"][0]["url"] == "http://testserver" + evidence.copy_url
    shown_before = b"".join(client.get(url_before).streaming_content)

    client.force_login(make_user(role=Role.MODERATOR))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/incidents/moderation/{body['id']}/", {"action": "redact",
                    "evidence": evidence.pk, "x0": 0, "y0": 0, "x1": 50, "y1": 50,
                    "mode": "crop"})  # fmt: skip
    client.logout()
    evidence.refresh_from_db()
    url_after = client.get(follow_up).json()["evidence"][0]["url"]

    assert url_after != url_before
    assert url_after == "http://testserver" + evidence.copy_url
    stale = client.get(url_before)
    assert stale["Cache-Control"] == "private, no-store"
    assert b"".join(stale.streaming_content) != shown_before
    fresh = client.get(url_after)
    assert fresh["Cache-Control"] == "private, max-age=31536000, immutable"
    assert Image.open(io.BytesIO(b"".join(fresh.streaming_content))).size == (32, 24)
