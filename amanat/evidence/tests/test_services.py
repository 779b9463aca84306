"""The one intake, called directly: the type from the content, the caps, the SHA-256 of the
original, and copies without metadata (issue 17, the evidence app)."""

import hashlib
import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils import translation
from PIL import Image

from amanat.evidence.services import (
    EvidenceRejected,
    copy_path,
    copy_redact,
    copy_version,
    file_check,
    file_store,
    photo_clean,
    photo_keep,
    private_dir,
)

from .factories import noise, photo_with_gps, picture

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def rejected(name: str, content: bytes) -> str:
    with pytest.raises(EvidenceRejected) as caught:
        file_check(name=name, content=content)
    assert caught.value.name == name
    return caught.value.message


# --- the type from the content, never from the name ------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind", "content_type"),
    [
        ("report.pdf", picture(), "photo", "image/png"),  # a picture named as a document
        ("photo.jpg", PDF, "document", "application/pdf"),  # a document named as a photo
        ("notes.txt", MP4, "video", "video/mp4"),
        ("x", picture(image_format="JPEG"), "photo", "image/jpeg"),
        ("x", picture(image_format="WEBP"), "photo", "image/webp"),
        ("x", picture(image_format="GIF"), "photo", "image/gif"),
    ],
)
def test_the_kind_is_read_from_the_content(name, content, kind, content_type):
    checked = file_check(name=name, content=content)
    assert (checked.sniffed.kind, checked.sniffed.content_type) == (kind, content_type)
    assert checked.size == len(content)


@pytest.mark.parametrize(
    "content",
    [b"<script>alert(1)</script>", picture()[:40], picture(image_format="BMP"), b""],
    ids=["html", "truncated png", "bmp", "empty"],
)
def test_what_is_not_a_photo_video_or_pdf_is_refused_whatever_its_name(content):
    assert rejected("photo.jpg", content) == "“photo.jpg” is not a photo, video or PDF."


# --- caps per kind -----------------------------------------------------------------------------


@pytest.fixture
def small_caps(settings):
    settings.AMANAT_UPLOAD_MAX_BYTES = {
        "photo": 2 * 2**20,
        "video": 5 * 2**20,
        "document": 3 * 2**20,
    }


def test_each_kind_has_its_own_cap(small_caps):
    pdf = PDF + b"%" * (2 * 2**20)  # over the photo cap, under the document cap
    assert file_check(name="big.pdf", content=pdf).sniffed.kind == "document"
    photo = noise(1000, 800)  # random pixels do not compress: some 2.4 MB
    assert len(photo) > 2 * 2**20
    assert rejected("big.png", photo) == "“big.png” is larger than 2 MB."


def test_a_file_past_every_cap_is_refused_from_its_size_before_its_content_is_read(small_caps):
    upload = SimpleUploadedFile("huge.bin", b"\x00" * (5 * 2**20 + 1))
    upload.file = None  # reading it would fail: the size alone decides
    with pytest.raises(EvidenceRejected) as caught:
        file_check(name="huge.bin", content=upload)
    assert caught.value.message == "“huge.bin” is larger than 5 MB."


def test_a_picture_of_too_many_pixels_is_refused_before_it_is_decoded(settings):
    settings.AMANAT_UPLOAD_MAX_PIXELS = 2_000_000
    big = picture(1500, 1500)  # 2.25 megapixels of one colour: a few kilobytes
    assert rejected("big.png", big) == (
        "“big.png” has too many pixels: pictures of up to 2 megapixels are accepted."
    )
    assert file_check(name="ok.png", content=picture(1000, 1000)).sniffed.kind == "photo"


# --- the original under its SHA-256 ------------------------------------------------------------


def test_the_original_is_kept_privately_byte_for_byte_under_its_sha256(storage):
    original = photo_with_gps()
    checked = file_check(name="a.jpg", content=original)
    assert checked.sha256 == hashlib.sha256(original).hexdigest()
    name, copy = file_store(checked=checked, folder="evidence")
    assert name == checked.sha256
    assert (storage / "private" / "evidence" / name).read_bytes() == original
    assert copy == ""  # no public id: no copy to show
    assert not (storage / "media").exists()


def test_a_file_on_disk_is_hashed_and_kept_chunk_by_chunk(storage, settings):
    content = PDF + b"%" * (3 * 2**20)
    upload = TemporaryUploadedFile("big.pdf", "application/pdf", len(content), None)
    upload.write(content)
    upload.flush()
    checked = file_check(name="big.pdf", content=upload)
    assert checked.sha256 == hashlib.sha256(content).hexdigest()
    file_store(checked=checked, folder="protocols")
    assert (private_dir("protocols") / checked.sha256).read_bytes() == content
    upload.close()


def test_the_same_file_twice_is_one_original(storage):
    for name in ("first.png", "again.png"):
        file_store(checked=file_check(name=name, content=picture()), folder="checklists")
    assert [p.name for p in private_dir("checklists").iterdir()] == [
        hashlib.sha256(picture()).hexdigest()
    ]


def test_photo_keep_takes_photos_only_and_keeps_nothing_else(storage):
    with pytest.raises(EvidenceRejected) as caught:
        photo_keep(name="scan.pdf", content=PDF, folder="protocols")
    assert caught.value.message == "“scan.pdf” is not a photo."
    assert list(private_dir("protocols").iterdir()) == []
    checked = photo_keep(name="p.png", content=picture(), folder="protocols")
    assert [p.name for p in private_dir("protocols").iterdir()] == [checked.sha256]


# --- copies without metadata -------------------------------------------------------------------


def assert_clean(content: bytes) -> None:
    with Image.open(io.BytesIO(content)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}
    for trace in (b"PhoneMaker", b"taken at home", b"GPS"):
        assert trace not in content


def test_the_shown_copy_of_a_photo_carries_no_metadata_and_the_original_keeps_it(storage):
    original = photo_with_gps()
    public_id = uuid.uuid4()
    name, copy = file_store(
        checked=file_check(name="a.jpg", content=original), folder="evidence", public_id=public_id
    )
    assert copy.startswith(f"{public_id}-")
    assert copy.endswith(".jpg")
    shown = copy_path(copy).read_bytes()
    assert_clean(shown)
    assert copy_version(copy) == hashlib.sha256(shown).hexdigest()[:16]
    assert b"PhoneMaker" in (private_dir() / name).read_bytes()


def test_documents_and_videos_get_no_shown_copy(storage):
    for name, content in (("a.pdf", PDF), ("a.mp4", MP4)):
        _, copy = file_store(
            checked=file_check(name=name, content=content), folder="evidence",
            public_id=uuid.uuid4(),
        )  # fmt: skip
        assert copy == ""


def test_a_kept_photo_is_shown_without_its_metadata(storage):
    checked = photo_keep(name="a.jpg", content=photo_with_gps(), folder="checklists")
    shown = photo_clean(folder="checklists", sha256=checked.sha256)
    assert shown is not None
    assert_clean(shown)
    assert photo_clean(folder="checklists", sha256="0" * 64) is None


def test_redaction_writes_a_new_clean_copy_under_a_new_name(storage):
    public_id = uuid.uuid4()
    photo = picture(100, 100, image_format="JPEG")
    _, before = file_store(
        checked=file_check(name="a.jpg", content=photo), folder="evidence", public_id=public_id
    )
    after = copy_redact(name=before, public_id=public_id, box=(0, 0, 50, 50), mode="crop")
    assert after != before
    assert copy_version(after) != copy_version(before)
    with Image.open(copy_path(after)) as image:
        assert image.size == (50, 50)
    assert_clean(copy_path(after).read_bytes())
    assert copy_path(before).exists()  # removed by the caller once its change is committed
    with pytest.raises(ValueError, match="empty region"):
        copy_redact(name=before, public_id=public_id, box=(50, 50, 50, 90), mode="blur")
