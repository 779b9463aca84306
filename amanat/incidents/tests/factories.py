import io
import struct
import zlib

from PIL import Image


def photo_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2027:03:21 10:15:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 10.0, 30.0)  # latitude 51°10'30"
    gps[3], gps[4] = "E", (71.0, 26.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def post(client, files=(), **fields):
    data = {"description": "У входа раздавали деньги за голоса.",
            "occurred_at": "2026-11-20T10:15:00+05:00", "region": "KZ-71", **fields}  # fmt: skip
    if files:
        data["evidence"] = list(files)
    return client.post("/api/v1/incidents", data)


def png_bomb(width: int, height: int, rows: int = 1000) -> bytes:
    """A real, complete grey PNG of width × height black pixels: zeros compress about a
    thousandfold (13,000 × 13,000 is some 160 KB). One band of `rows` rows is compressed as a
    self-contained deflate block and repeated, so making it costs a second, not the pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    assert height % rows == 0
    band = b"\x00" * (width + 1) * rows  # each row: filter byte 0, then its pixels
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # raw deflate, no zlib header
    block = packer.compress(band) + packer.flush(zlib.Z_FULL_FLUSH)  # byte-aligned, no history
    checksum = 1
    for _ in range(height // rows):
        checksum = zlib.adler32(band, checksum)
    final = zlib.compressobj(6, zlib.DEFLATED, -15).flush()  # an empty last block
    stream = b"\x78\x9c" + block * (height // rows) + final + struct.pack(">I", checksum)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", stream)
            + chunk(b"IEND", b""))  # fmt: skip


# The reporter's own words: never to be seen outside the staff side.
NAME, PHONE, WORDS = "Гульнара Секретова", "+7 701 999 88 77", "сосед по подъезду видел"
