"""The clean copy of a photo: upright, and nothing of the original's metadata (EXIF with GPS,
ICC profile, comment, XMP), now made with one copy of the pixels at a time (issue 16)."""

import io

from PIL import Image, ImageCms

from amanat.evidence.pictures import strip_metadata


def phone_photo() -> bytes:
    """64 × 48 as stored by a phone held upright: EXIF orientation 6 (turn 90° clockwise)."""
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[2] = (51.0, 10.0, 30.0)  # GPS latitude
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, icc_profile=icc, comment=b"taken at home",
               xmp=b"<x:xmpmeta>secret</x:xmpmeta>")  # fmt: skip
    return buffer.getvalue()


def test_the_clean_copy_is_upright_and_carries_no_metadata():
    original = phone_photo()
    with Image.open(io.BytesIO(original)) as before:
        assert before.getexif()[0x0112] == 6
        assert "icc_profile" in before.info
    clean = strip_metadata(io.BytesIO(original))
    with Image.open(io.BytesIO(clean)) as after:
        assert after.size == (48, 64)  # turned upright
        assert not after.getexif()
        assert set(after.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}
    for trace in (b"PhoneMaker", b"secret", b"taken at home"):
        assert trace not in clean


def test_a_bomb_kept_before_the_fix_is_never_decoded_for_display(settings, tmp_path):
    from amanat.evidence.services import photo_clean
    from amanat.incidents.tests.factories import png_bomb

    settings.AMANAT_PRIVATE_DIR = tmp_path
    (tmp_path / "protocols").mkdir()
    (tmp_path / "protocols" / ("0" * 64)).write_bytes(png_bomb(13_000, 13_000))
    assert photo_clean(folder="protocols", sha256="0" * 64) is None
