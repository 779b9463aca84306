"""OpenRosa submissions under attack: oversize bodies, DTDs and broken XML, and the guard that
no XML body gets a server error. (Signing in is in test_openrosa_security.)"""

import io
import uuid
from xml.sax.saxutils import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from amanat.channels import openrosa
from amanat.channels.tests.factories import LIST, PASSWORD, SUBMIT, nonce_of, sign_in, signed
from amanat.checklists.models import Submission

pytestmark = pytest.mark.django_db


# Finding 3 (OpenRosa): the advertised size is enforced.


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


def test_an_oversize_submission_is_refused_before_its_body_is_read(client, observer):
    nonce = nonce_of(client.get(LIST))
    auth = signed(nonce, observer.user.username, PASSWORD, "POST", SUBMIT)
    response = client.generic(
        "POST", SUBMIT, b"", content_type="multipart/form-data; boundary=xyz",
        HTTP_AUTHORIZATION=auth, CONTENT_LENGTH=str(100 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )  # fmt: skip
    assert response.status_code == 413
    assert "не более 10 МБ" in response.content.decode()  # in the phone's language (ru here)
    assert Submission.objects.count() == 0


def test_the_xml_is_capped_while_it_streams(client, observer):
    padding = "<!-- " + "x" * (openrosa.MAX_XML + 1) + " -->"
    meta = f"<meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta>"
    xml = f'<VT id="VT">{padding}<A>1</A>{meta}</VT>'
    upload = SimpleUploadedFile("s.xml", xml.encode(), content_type="text/xml")
    response = sign_in(client, observer.user.username, method="POST", uri=SUBMIT,
                       data={"xml_submission_file": upload})  # fmt: skip
    assert response.status_code == 413
    assert Submission.objects.count() == 0


def test_oversize_form_fields_are_413_too(client, observer, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    upload = SimpleUploadedFile("s.xml", b"<VT/>", content_type="text/xml")
    response = sign_in(client, observer.user.username, method="POST", uri=SUBMIT,
                       data={"xml_submission_file": upload, "deviceID": "x" * 2000})  # fmt: skip
    assert response.status_code == 413


def test_the_cap_counts_every_streamed_byte():
    """Whatever Content-Length claimed (or if there was none), the parser stops at the size."""
    cap = openrosa.SubmissionCap()
    cap.new_file("1774060200.jpg", "1774060200.jpg", "image/jpeg", None)
    chunk = b"\0" * (1024 * 1024)
    for start in range(0, openrosa.MAX_SUBMISSION, len(chunk)):
        assert cap.receive_data_chunk(chunk, start) == chunk
    with pytest.raises(openrosa.SubmissionTooLarge):
        cap.receive_data_chunk(b"\0", openrosa.MAX_SUBMISSION)


# Finding 9 (OpenRosa): bad XML is a clear 400.

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE VT [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><VT id="VT"><A>&b;</A></VT>'
)


@pytest.mark.parametrize(
    "xml",
    [
        BILLION_LAUGHS,
        '<!DOCTYPE VT SYSTEM "http://example.org/vt.dtd"><VT id="VT"><A>1</A></VT>',
        '<!DOCTYPE VT><VT id="VT"><A>1</A></VT>',
    ],
    ids=["entities", "external", "doctype"],
)
def test_xml_with_a_dtd_is_a_clear_400(client, observer, xml):
    upload = SimpleUploadedFile("s.xml", xml.encode(), content_type="text/xml")
    response = sign_in(client, observer.user.username, method="POST", uri=SUBMIT,
                       data={"xml_submission_file": upload})  # fmt: skip
    assert response.status_code == 400
    assert b"DTD" in response.content
    assert b'nature="submit_error"' in response.content


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\xff\xfe<VT",
        b'<?xml version="1.0" encoding="nonsense"?><VT/>',
        b"<wrong><meta><instanceID>uuid:%s</instanceID></meta></wrong>"
        % str(uuid.uuid4()).encode(),
        b'<VT id="VERY-LONG-FORM-CODE-%s"/>' % (b"x" * 5000),
        b'<VT id="VT"><A>1</A><D>\xc2\xb2</D><meta><instanceID>uuid:%s</instanceID></meta></VT>'
        % str(uuid.uuid4()).encode(),
        b'<VT id="VT"><A>1</A><D>%s</D><meta><instanceID>uuid:%s</instanceID></meta></VT>'
        % (b"9" * 5000, str(uuid.uuid4()).encode()),
        b"<a>" * 20000 + b"</a>" * 20000,
    ],
    ids=[
        "empty",
        "bom-garbage",
        "encoding",
        "wrong-root",
        "long-code",
        "superscript",
        "huge-number",
        "deep",
    ],  # fmt: skip
)
def test_malformed_submissions_are_4xx(client, observer, body):
    upload = SimpleUploadedFile("s.xml", body, content_type="text/xml")
    response = sign_in(client, observer.user.username, method="POST", uri=SUBMIT,
                       data={"xml_submission_file": upload})  # fmt: skip
    assert 400 <= response.status_code < 500
    assert Submission.objects.count() == 0


# The guard: whatever XML a phone (or anyone signed in as an observer) sends, never a 5xx.

VALID = (
    '<VT id="VT" version="1"><station>1</station><A>1</A><B/><D>250</D>'
    "<meta><instanceID>uuid:{id}</instanceID></meta></VT>"
)
field_text = st.text(max_size=40)
# Digits int() may or may not read: other scripts' digits, superscripts, fractions.
digits = st.text(st.characters(categories=["Nd", "No"]) | st.sampled_from("-+ 0"), max_size=30)
PROLOGS = [
    "",
    '<?xml version="1.0"?>',
    '<?xml version="1.0" encoding="bogus"?>',
    "<!DOCTYPE VT>",
    '<!DOCTYPE VT [<!ENTITY e "x">]>',
    '<!DOCTYPE VT SYSTEM "file:///etc/passwd">',
]
shaped = st.builds(
    lambda prolog, root, code, station, a, d, instance_id: (
        f'{prolog}<{root} id="{escape(code)}"><station>{escape(station)}</station>'
        f"<A>{escape(a)}</A><D>{escape(d)}</D>"
        f"<meta><instanceID>{escape(instance_id)}</instanceID></meta></{root}>"
    ).encode(),
    st.sampled_from(PROLOGS),
    st.sampled_from(["VT", "OP", "CL", "x", "VT:y"]),
    st.one_of(st.sampled_from(["VT", "OP", "vt", ""]), field_text),
    field_text,
    st.one_of(st.sampled_from(["1", "2", "3", " 1 "]), field_text, digits),
    st.one_of(st.integers(-(10**30), 10**30).map(str), field_text, digits),
    st.one_of(st.uuids().map(lambda u: f"uuid:{u}"), field_text),
)


SPICES = [
    b"<",
    b">",
    b"&",
    b"\x00",
    b"&#0;",
    b"\xff",
    b"]]>",
    b'"',
    b"<?xml?>",
    b"&e;",
    "²".encode(),
]


@st.composite
def mutated(draw):
    """A valid instance with a few bytes replaced, inserted or cut."""
    prolog = draw(st.sampled_from(PROLOGS)).encode()
    data = bytearray(prolog + VALID.format(id=draw(st.uuids())).encode())
    for _ in range(draw(st.integers(1, 4))):
        at, cut = draw(st.integers(0, len(data))), draw(st.integers(0, 4))
        data[at : at + cut] = draw(st.sampled_from(SPICES) | st.binary(max_size=6))
    return bytes(data)


bodies = st.one_of(
    shaped, mutated(), st.binary(max_size=200), st.text(max_size=200).map(str.encode)
)


@hypothesis_settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=bodies)
def test_no_xml_body_gets_a_server_error(client, observer, body):
    upload = SimpleUploadedFile("s.xml", body, content_type="text/xml")
    response = sign_in(client, observer.user.username, method="POST", uri=SUBMIT,
                       data={"xml_submission_file": upload})  # fmt: skip
    assert response.status_code < 500, response.content
