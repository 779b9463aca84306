"""Protocol photos from observers, entered by hand twice and compared line by line."""

import hashlib
import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from amanat.accounts.roles import Role
from amanat.incidents.tests.factories import photo_with_gps
from amanat.observers.tests.factories import region
from amanat.results.entries import entries_differences, protocol_entry_save
from amanat.results.forms import field_name
from amanat.results.models import ProtocolEntry, ProtocolPhoto

pytestmark = pytest.mark.django_db
# The protocol as written on the photo (lines by key).
ON_PHOTO = {"voters": 1000, "received": 900, "issued": 600, "cancelled": 300, "lost": 0,
            "found": 598, "invalid": 8, "valid": 590,
            "option:1": 400, "option:2": 150, "option:3": 40}  # fmt: skip


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"


def upload(client, content, client_id=None, station="1", name="protocol.jpg"):
    return client.post("/ru/results/protocol-photo/", {
        "client_id": str(client_id or uuid.uuid4()), "station": station,
        "photo": SimpleUploadedFile(name, content, content_type="image/jpeg"),
    })  # fmt: skip


def test_observer_sends_the_photo_once_kept_by_its_hash(client, protocol, settings):
    _form, _station, observer = protocol
    client.force_login(observer.user)
    content, client_id = photo_with_gps(), uuid.uuid4()
    assert upload(client, content, client_id).status_code == 302
    assert upload(client, content, client_id).status_code == 302
    photo = ProtocolPhoto.objects.get()
    assert photo.sha256 == hashlib.sha256(content).hexdigest()
    assert (settings.AMANAT_PRIVATE_DIR / "protocols" / photo.sha256).read_bytes() == content
    assert not (settings.MEDIA_ROOT / "protocols").exists()


def test_not_a_photo_or_not_my_station_is_refused(client, protocol):
    _form, _station, observer = protocol
    client.force_login(observer.user)
    pdf = upload(client, b"%PDF-1.4 not a photo", name="protocol.pdf")
    assert pdf.status_code == 200
    assert ProtocolPhoto.objects.count() == 0
    other = upload(client, photo_with_gps(), station="77")
    assert other.status_code == 200
    assert ProtocolPhoto.objects.count() == 0


@pytest.fixture
def photo(client, protocol):
    _form, _station, observer = protocol
    client.force_login(observer.user)
    upload(client, photo_with_gps())
    client.logout()
    return ProtocolPhoto.objects.get()


def test_two_entries_that_disagree_are_flagged(client, photo, make_user):
    first, second = make_user(role=Role.ANALYST), make_user(role=Role.COORDINATOR,
                                                             regions=[region("KZ-71")])  # fmt: skip
    protocol_entry_save(photo=photo, user=first, figures=ON_PHOTO)
    misread = {**ON_PHOTO, "option:2": 130}  # 150 read as 130
    result = protocol_entry_save(photo=photo, user=second, figures=misread)
    assert any("570 ≠ 590" in message for message in result.broken_relations)
    assert entries_differences(list(photo.entries.all())) == {"option:2": [150, 130]}

    client.force_login(first)
    queue = client.get("/en/results/entry/").content.decode()
    assert "150 / 130" in queue


def test_entry_page_shows_the_photo_without_metadata_and_saves(client, photo, make_user):
    analyst = make_user(role=Role.ANALYST)
    client.force_login(analyst)
    assert f"/en/results/entry/{photo.pk}/" in client.get("/en/results/entry/").content.decode()
    image = client.get(f"/en/results/entry/{photo.pk}/photo.jpg")
    assert image["Content-Type"] == "image/jpeg"
    assert not Image.open(io.BytesIO(image.content)).getexif()
    data = {field_name(line): value for line, value in ON_PHOTO.items()}
    response = client.post(f"/en/results/entry/{photo.pk}/", {**data, "line_voters": ""})
    assert response.status_code == 200  # a line left empty: asked again, nothing saved
    assert ProtocolEntry.objects.count() == 0
    assert client.post(f"/en/results/entry/{photo.pk}/", data).status_code == 302
    assert ProtocolEntry.objects.get().figures == ON_PHOTO
    # Entered once by this analyst: no longer in their queue.
    assert f"/en/results/entry/{photo.pk}/" not in client.get("/en/results/entry/").content.decode()


def test_scope_of_entry(client, photo, make_user):
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-75")]))
    assert client.get(f"/en/results/entry/{photo.pk}/").status_code == 404
    client.force_login(photo.observer.user)
    assert client.get("/en/results/entry/").status_code == 403
    assert client.get(f"/en/results/entry/{photo.pk}/photo.jpg").status_code == 403


@pytest.mark.parametrize("side", [13_000, 20_000])
def test_a_decompression_bomb_as_protocol_photo_is_refused_on_the_form(
    client, protocol, settings, side
):
    """Issue 16, finding 2: 13,000² was decoded (1.6 GB), 20,000² answered 500."""
    from amanat.incidents.tests.factories import png_bomb

    _form, _station, observer = protocol
    client.force_login(observer.user)
    response = upload(client, png_bomb(side, side), name="protocol.png")
    assert response.status_code == 200  # the form again, with the reason
    assert "«protocol.png» слишком много пикселей" in response.content.decode()
    assert ProtocolPhoto.objects.count() == 0
    assert not (settings.AMANAT_PRIVATE_DIR / "protocols").exists()
