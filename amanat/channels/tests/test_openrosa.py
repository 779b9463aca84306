"""ODK Collect's conversation, replayed: Digest sign-in, form list, XForm, HEAD, submission."""

import hashlib
import uuid

import pytest
from defusedxml import ElementTree
from django.core.files.uploadedfile import SimpleUploadedFile

from amanat.checklists.models import ChecklistForm, Submission
from amanat.incidents.tests.factories import photo_with_gps

pytestmark = pytest.mark.django_db


def instance(client_id, station="1", a="1", d="250") -> SimpleUploadedFile:
    xml = (
        f'<VT id="VT" version="1"><station>{station}</station><A>{a}</A><B/><D>{d}</D>'
        f"<meta><instanceID>uuid:{client_id}</instanceID></meta></VT>"
    )
    return SimpleUploadedFile("submission.xml", xml.encode(), content_type="text/xml")


def test_form_list_and_xform_download(odk):
    call, _station = odk
    listing = call("GET", "/openrosa/formList")
    assert listing.status_code == 200
    assert listing["X-OpenRosa-Version"] == "1.0"
    root = ElementTree.fromstring(listing.content)
    ns = {"x": "http://openrosa.org/xforms/xformsList"}
    # NP and PN: the voter-list audit's field forms; P*: pre-election monitoring (readiness).
    assert sorted(e.text for e in root.findall("x:xform/x:formID", ns)) == [
        "CL", "NP", "OP", "PA", "PC", "PE", "PN", "PP", "PV", "VT",
    ]  # fmt: skip
    assert all(h.text.startswith("md5:") for h in root.findall("x:xform/x:hash", ns))

    xform = call("GET", "/openrosa/forms/VT.xml")
    assert b'<translation lang="Kazakh (kk)">' in xform.content
    assert b'nodeset="/VT/D"' in xform.content
    audit = call("GET", "/openrosa/forms/NP.xml")
    assert audit.status_code == 200
    assert b'nodeset="/NP/A"' in audit.content


def test_an_active_form_with_no_version_is_not_listed(odk):
    call, _station = odk
    ChecklistForm.objects.create(code="NEW", phase="voting", name="New")
    listing = call("GET", "/openrosa/formList")
    assert listing.status_code == 200
    assert b"<formID>NEW</formID>" not in listing.content


def test_submission_201_then_202_and_stored_once(client, odk):
    call, _station = odk
    assert call("HEAD", "/openrosa/submission").status_code == 204
    client_id = uuid.uuid4()
    first = call("POST", "/openrosa/submission", data={"xml_submission_file": instance(client_id)})
    assert first.status_code == 201
    again = call("POST", "/openrosa/submission", data={"xml_submission_file": instance(client_id)})
    assert again.status_code == 202
    submission = Submission.objects.get()
    assert (submission.channel, submission.answers) == ("odk", {"A": True, "D": 250})
    assert str(submission.client_id) == str(client_id)


def test_bad_submissions_are_refused_and_store_nothing(client, odk):
    call, _station = odk
    broken = SimpleUploadedFile("s.xml", b"<VT><A>1</A", content_type="text/xml")
    assert (
        call("POST", "/openrosa/submission", data={"xml_submission_file": broken}).status_code
        == 400
    )
    wrong = call("POST", "/openrosa/submission",
                 data={"xml_submission_file": instance(uuid.uuid4(), d="99999")})  # fmt: skip
    assert wrong.status_code == 400
    assert b"D:" in wrong.content
    assert Submission.objects.count() == 0


def test_wrong_password_is_refused(odk):
    call, _station = odk
    assert call("GET", "/openrosa/formList", password="nope").status_code == 401


def test_a_photo_travels_as_a_multipart_part_named_in_the_answer(odk, settings, tmp_path):
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    call, _station = odk
    content = photo_with_gps()

    def instance_xml():
        return (f'<OP id="OP" version="1"><station>1</station><A>1</A><F>1774060200.jpg</F>'
                f"<meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></OP>")  # fmt: skip

    xml = instance_xml()
    data = {
        "xml_submission_file": SimpleUploadedFile("s.xml", xml.encode(), content_type="text/xml"),
        "1774060200.jpg": SimpleUploadedFile("1774060200.jpg", content, content_type="image/jpeg"),
    }
    assert call("POST", "/openrosa/submission", data=data).status_code == 201
    assert Submission.objects.get().answers == {"A": True, "F": hashlib.sha256(content).hexdigest()}

    alone = {"xml_submission_file": SimpleUploadedFile("s.xml", instance_xml().encode())}
    refused = call("POST", "/openrosa/submission", data=alone)
    assert refused.status_code == 400
    assert b"F:" in refused.content
