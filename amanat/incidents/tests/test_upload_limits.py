"""Issue 16, findings 2 and 3: decompression bombs and uploads without caps. A picture is
measured before it is decoded; a body past the request cap is refused unread; a file past its
cap is refused from its size, on disk, unread; too many files are refused; and a refused web
report keeps what was typed and names the file and the reason."""

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from amanat.incidents.models import Evidence, Report
from amanat.incidents.tests.factories import photo_with_gps, png_bomb, post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_storage")]

MIB = 2**20
TEXT = "У входа раздавали деньги за голоса, очередь из автобуса."


def test_the_bomb_is_a_valid_png_of_that_size():
    from PIL import Image

    small = png_bomb(300, 200, rows=100)
    with Image.open(io.BytesIO(small)) as image:
        assert image.size == (300, 200)
        assert image.getextrema() == (0, 0)  # decodes whole: every pixel black


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return png_bomb(13_000, 13_000)


def web_form(files, **fields) -> dict:
    return {"client_id": str(uuid.uuid4()), "description": TEXT,
            "occurred_at": "2026-11-20T10:15", "region": "KZ-71", "evidence": files,
            **fields}  # fmt: skip


def nothing_stored(settings) -> bool:
    private = settings.AMANAT_PRIVATE_DIR / "evidence"
    media = settings.MEDIA_ROOT / "evidence"
    files = [*private.glob("*"), *media.glob("*")] if private.exists() else [*media.glob("*")]
    return not Report.objects.exists() and not Evidence.objects.exists() and not files


def test_the_bomb_is_the_probes(bomb):
    assert len(bomb) < 200_000


def test_a_13000_pixel_square_png_is_refused_by_the_api_before_decoding(client, bomb, settings):
    response = post(client, [SimpleUploadedFile("evidence.png", bomb, "image/png")])
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["field"] == "evidence:evidence.png"
    assert error["message"] == (
        "В «evidence.png» слишком много пикселей: принимаются изображения до 50 мегапикселей."
    )
    assert nothing_stored(settings)


def test_a_png_past_twice_pillows_limit_is_a_4xx_not_a_500(client, settings):
    """Pillow raises DecompressionBombError past twice Image.MAX_IMAGE_PIXELS (a 500 before)."""
    huge = png_bomb(20_000, 20_000)
    response = post(client, [SimpleUploadedFile("huge.png", huge, "image/png")])
    assert response.status_code == 422
    assert "слишком много пикселей" in response.json()["errors"][0]["message"]
    assert nothing_stored(settings)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("ru", "слишком много пикселей"), ("kk", "пиксель тым көп"), ("en", "too many pixels")],
)
def test_the_web_form_refuses_the_bomb_in_the_users_language_and_keeps_the_text(
    client, bomb, settings, lang, words
):
    response = client.post(
        f"/{lang}/incidents/report/",
        web_form([SimpleUploadedFile("evidence.png", bomb, "image/png")]),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert TEXT in html  # what was typed is there to send again
    assert "evidence.png" in html
    assert words in html
    assert nothing_stored(settings)


def test_a_body_past_the_request_cap_is_refused_from_its_length_unread(client, settings):
    """The test client's body raises if more is read than it holds: a 300 MB Content-Length
    with an empty body answers 413 only if nothing tried to read it."""

    def send(path):
        return client.generic("POST", path, b"", CONTENT_LENGTH=str(300 * MIB),
                              CONTENT_TYPE="multipart/form-data; boundary=xyz")  # fmt: skip

    api = send("/api/v1/incidents")
    assert api.status_code == 413
    assert api.json() == {"detail": "Отправленное вместе больше 250 МБ. Отправьте меньше файлов "
                          "или файлы поменьше.", "code": "too_large", "errors": []}  # fmt: skip
    page = send("/kk/incidents/report/")
    assert page.status_code == 413
    assert '<html lang="kk">' in page.content.decode()
    assert "250 МБ" in page.content.decode()


def test_a_file_past_its_cap_is_refused_from_its_size_on_disk_unread(client, settings, monkeypatch):
    """A 3 MB "video" against a 1 MB cap: Django keeps it on disk (past 2 MB), and the intake
    refuses it from its size without reading a byte of it."""
    settings.AMANAT_UPLOAD_MAX_BYTES = {"photo": MIB, "video": MIB, "document": MIB}
    seen = []
    real = TemporaryUploadedFile.read

    def watched_read(self, *args):
        seen.append(args)
        return real.fget(self)(*args)

    monkeypatch.setattr(TemporaryUploadedFile, "read", property(lambda self: (
        lambda *args: watched_read(self, *args))))  # fmt: skip
    video = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (3 * MIB)
    response = client.post(
        "/en/incidents/report/", web_form([SimpleUploadedFile("clip.mp4", video, "video/mp4")])
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "“clip.mp4” is larger than 1 MB." in html
    assert TEXT in html
    assert seen == []  # nothing read: refused from the size
    assert nothing_stored(settings)


def test_a_large_file_within_its_cap_is_hashed_and_kept_chunk_by_chunk(client, settings):
    import hashlib

    video = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * (12 * 4096)  # 12 MB, on disk
    response = post(client, [SimpleUploadedFile("clip.mp4", video, "video/mp4")])
    assert response.status_code == 201
    (item,) = response.json()["evidence"]
    assert item["sha256"] == hashlib.sha256(video).hexdigest()
    assert item["size"] == len(video)
    stored = settings.AMANAT_PRIVATE_DIR / "evidence" / item["sha256"]
    assert stored.read_bytes() == video
    assert [p.name for p in stored.parent.iterdir()] == [item["sha256"]]  # no part left behind


def test_too_many_files_in_one_report_are_refused_and_the_text_kept(client, settings):
    settings.AMANAT_UPLOAD_MAX_FILES = 3
    pdfs = [SimpleUploadedFile(f"act{i}.pdf", b"%PDF-1.4\n%" + bytes([i])) for i in range(4)]
    response = post(client, pdfs)
    assert response.status_code == 422
    assert response.json()["errors"] == [{
        "field": "evidence", "code": "invalid",
        "message": "Прикрепите к одному сообщению не более 3 файлов; вы прикрепили 4.",
    }]  # fmt: skip
    pdfs = [SimpleUploadedFile(f"act{i}.pdf", b"%PDF-1.4\n%" + bytes([i])) for i in range(4)]
    page = client.post("/en/incidents/report/", web_form(pdfs))
    assert page.status_code == 400
    assert "Attach at most 3 files to one report; you attached 4." in page.content.decode()
    assert TEXT in page.content.decode()
    assert nothing_stored(settings)


def test_more_parts_than_django_parses_are_a_4xx(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 5
    pdfs = [SimpleUploadedFile(f"act{i}.pdf", b"%PDF-1.4\n%") for i in range(6)]
    api = post(client, pdfs)
    assert api.status_code == 400
    assert api.json()["code"] == "invalid"  # the API's envelope, not Django's HTML page
    assert client.post("/ru/incidents/report/", web_form(pdfs)).status_code == 400
    assert not Report.objects.exists()


def test_each_sender_has_an_hourly_allowance_and_a_refusal_keeps_the_text(client, settings):
    settings.AMANAT_UPLOAD_HOURLY_FILES = 2
    first = post(client, [SimpleUploadedFile("a.jpg", photo_with_gps(), "image/jpeg"),
                          SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%b")])  # fmt: skip
    assert first.status_code == 201
    page = client.post(
        "/en/incidents/report/",
        web_form([SimpleUploadedFile("c.pdf", b"%PDF-1.4\n%c")]),
    )
    html = page.content.decode()
    assert page.status_code == 400
    assert "more files than one sender may send in an hour" in html
    assert TEXT in html
    assert Report.objects.count() == 1
    # Without files the report still goes through: only the files are limited.
    assert post(client).status_code == 201
