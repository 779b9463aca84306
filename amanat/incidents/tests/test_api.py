"""The incident API: anonymous reports with evidence; photos come back without metadata and
the original's SHA-256 is what was uploaded."""

import hashlib
import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents.models import Evidence, Report
from amanat.incidents.tests.factories import photo_with_gps, post
from amanat.observers.tests.factories import region

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_storage")]


def test_a_photo_comes_back_without_exif_and_keeps_its_sha256(client):
    original = photo_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the GPS is there
    response = post(client, [SimpleUploadedFile("IMG_0001.jpg", original, "image/jpeg")])

    assert response.status_code == 201
    body = response.json()
    assert len(body["follow_up_code"]) == 14
    (item,) = body["evidence"]
    assert item["sha256"] == hashlib.sha256(original).hexdigest()
    assert item["kind"] == "photo"

    copy = client.get(item["url"].removeprefix("http://testserver"))
    shown = b"".join(copy.streaming_content)
    image = Image.open(io.BytesIO(shown))
    assert image.size == (64, 48)
    assert not image.getexif()
    assert b"PhoneMaker" not in shown
    assert b"Exif" not in shown

    follow = client.get(f"/api/v1/incidents/follow-up/{body['follow_up_code']}").json()
    assert follow["evidence"][0]["sha256"] == item["sha256"]
    assert follow["evidence"][0]["url"] == item["url"]
    assert [t["kind"] for t in follow["timeline"]] == ["received"]


def test_type_is_read_from_the_content_and_a_bad_file_stores_nothing(client):
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not a photo", "image/jpeg")
    good = SimpleUploadedFile("ok.jpg", photo_with_gps(), "image/jpeg")
    response = post(client, [good, fake])
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["evidence:photo.jpg"]
    assert Report.objects.count() == 0
    assert Evidence.objects.count() == 0

    pdf = SimpleUploadedFile("act.bin", b"%PDF-1.4\n%...", "application/octet-stream")
    stored = post(client, [pdf]).json()
    assert stored["evidence"][0]["kind"] == "document"
    assert stored["evidence"][0]["url"] is None  # no copy can be shown of a document


def test_same_client_id_gives_the_same_report_and_code(client):
    client_id = str(uuid.uuid4())
    first = post(client, client_id=client_id)
    again = post(client, client_id=client_id)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert Report.objects.count() == 1


def test_missing_place_and_unknown_station_are_named(client):
    response = post(client, region="", station="")
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["region"]
    PollingStationFactory(district=DistrictFactory(region=region("KZ-75")), number="77")
    at_station = post(client, region="", station="77").json()
    assert Report.objects.get(pk=at_station["id"]).region.code == "KZ-75"


def test_published_list_shows_no_personal_data(client):
    reported = post(client, contact="+7 701 555 44 33, Нурлан").json()
    report = Report.objects.get(pk=reported["id"])
    report.is_published, report.public_summary = True, "Раздача денег у входа."
    report.save()
    listing = client.get("/api/v1/incidents")
    text = listing.content.decode()
    assert listing.json()[0]["summary"] == "Раздача денег у входа."
    assert "Нурлан" not in text
    assert "555 44 33" not in text
    assert "раздавали деньги" not in text  # the reporter's own words stay private


def test_the_reporter_adds_information_with_the_code_and_sources_follow_the_person(
    client, make_user
):
    from amanat.accounts.roles import Role

    code = post(client).json()["follow_up_code"]
    reader = client.__class__()
    reader.post("/ru/incidents/follow-up/", {"code": code})
    added = reader.post(
        "/ru/incidents/follow-up/",
        {"action": "add", "text": "Номер машины записан",
         "evidence": SimpleUploadedFile("later.jpg", photo_with_gps(), "image/jpeg")},
        follow=True,
    )  # fmt: skip
    assert added.status_code == 200
    report = Report.objects.get()
    assert report.evidence.count() == 1
    assert list(report.timeline.values_list("kind", flat=True)) == [
        "received", "reporter_added", "added"]  # fmt: skip
    assert report.timeline.get(kind="reporter_added").is_public is False

    form = {"client_id": str(uuid.uuid4()), "description": "Звонок: подвозят людей автобусом",
            "occurred_at": "2026-11-20T11:00", "region": "KZ-71"}  # fmt: skip
    operator = make_user(role=Role.MODERATOR)
    client.force_login(operator)
    client.post("/ru/incidents/report/", form)
    assert Report.objects.get(description__startswith="Звонок").source == "hotline"


def test_moderators_blur_or_crop_the_shown_copy_and_the_original_stays(client, make_user):
    from amanat.accounts.roles import Role
    from amanat.evidence.services import private_dir, public_dir

    original = photo_with_gps()
    body = post(client, [SimpleUploadedFile("face.jpg", original, "image/jpeg")]).json()
    evidence = Evidence.objects.get()
    copy_path = public_dir() / evidence.public_copy
    before = Image.open(copy_path).convert("RGB")

    client.force_login(make_user(role=Role.MODERATOR))
    moderation = f"/ru/incidents/moderation/{body['id']}/"
    # Paint half the picture white first, so that blurring its edge changes pixels.
    picture = Image.open(copy_path).convert("RGB")
    picture.paste((255, 255, 255), (0, 0, 32, 48))
    picture.save(copy_path, format="JPEG")
    client.post(moderation, {"action": "redact", "evidence": evidence.pk, "x0": 25, "y0": 0,
                             "x1": 75, "y1": 100, "mode": "blur"})  # fmt: skip
    evidence.refresh_from_db()
    blurred = Image.open(public_dir() / evidence.public_copy).convert("RGB")
    assert blurred.getpixel((32, 24)) != (255, 255, 255)  # inside the region: mixed
    assert blurred.getpixel((2, 2))[0] > 240  # outside: untouched white
    client.post(moderation, {"action": "redact", "evidence": evidence.pk, "x0": 0, "y0": 0,
                             "x1": 50, "y1": 50, "mode": "crop"})  # fmt: skip
    evidence.refresh_from_db()
    assert Image.open(public_dir() / evidence.public_copy).size == (32, 24)
    assert (private_dir() / evidence.sha256).read_bytes() == original
    assert before.size == (64, 48)
