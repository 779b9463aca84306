"""The protocol form: lines for any contest, and control relations that name what is broken."""

import re
import uuid

import pytest
from django.utils import translation

from amanat.checklists.ingestion import SubmissionInvalid, submission_receive
from amanat.checklists.models import Submission
from amanat.checklists.xlsform import xform_build
from amanat.results.services import protocol_form_load

from .protocol_setup import GOOD, RECEIVED_OFF

pytestmark = pytest.mark.django_db


def send(field, answers, client_id=None):
    election, station, observer = field
    return submission_receive(
        client_id=client_id or uuid.uuid4(), form_code="PR", station_number=station.number,
        observer=observer, election=election, answers=answers, channel="api",
        raw={"answers": answers},
    )  # fmt: skip


def test_lines_cover_the_ballot_options_in_order(protocol):
    protocol_form, _station, _observer = protocol
    assert protocol_form.lines == {
        "A": "voters", "B": "received", "C": "issued", "D": "cancelled", "E": "lost",
        "F": "found", "G": "invalid", "H": "valid",
        "J": "option:1", "K": "option:2", "M": "option:3",
    }  # fmt: skip
    version = protocol_form.form.versions.get()
    with translation.override("ru"):
        texts = [q.text for q in version.questions.order_by("position")]
    assert texts[-1] == "Голосов: Против всех"
    assert [r["code"] for r in version.relations] == ["R1", "R2", "R3", "R4", "R5"]
    assert version.relations[2]["left"] == ["J", "K", "M"]


def test_reloading_an_unchanged_contest_keeps_the_version(protocol):
    protocol_form, _station, _observer = protocol
    again = protocol_form_load(protocol_form.contest)
    assert again.pk == protocol_form.pk
    assert again.form.versions.count() == 1


def test_a_balanced_protocol_is_stored(field, protocol):
    submission, created = send(field, GOOD)
    assert created
    assert submission.answers == GOOD


@pytest.mark.parametrize(
    ("change", "relation", "message"),
    [
        ({"D": 290}, "R1", "получено (B) = выдано (C) + погашено (D) + утрачено (E)»"
                           " не выполняется: 900 ≠ 890."),
        ({"G": 9}, "R2", "в ящиках (F) = действительные (H) + недействительные (G)»"
                         " не выполняется: 598 ≠ 599."),
        ({"J": 401}, "R3", "сумма голосов (J+K+M) = действительные (H)»"
                           " не выполняется: 591 ≠ 590."),
        ({"A": 500}, "R4", "выдано (C) ≤ избирателей в списке (A)» не выполняется: 600 > 500."),
    ],
)  # fmt: skip
def test_a_broken_relation_is_named_and_nothing_is_stored(
    field, protocol, change, relation, message
):
    with translation.override("ru"), pytest.raises(SubmissionInvalid) as invalid:
        send(field, {**GOOD, **change})
    assert [(e.field, e.code) for e in invalid.value.errors] == [(relation, "relation_broken")]
    assert invalid.value.errors[0].message.endswith(message)
    assert Submission.objects.count() == 0


def test_stuffing_found_beyond_issued_is_named(field, protocol):
    stuffed = {**GOOD, "F": 700, "H": 692, "J": 502}
    with translation.override("en"), pytest.raises(SubmissionInvalid) as invalid:
        send(field, stuffed)
    assert [e.field for e in invalid.value.errors] == ["R5"]
    assert "found in boxes (F) ≤ issued (C)" in invalid.value.errors[0].message
    assert "700 > 600" in invalid.value.errors[0].message


def test_a_missing_line_is_asked_for_by_the_relations_it_feeds(field, protocol):
    partial = {k: v for k, v in GOOD.items() if k != "C"}
    with translation.override("en"), pytest.raises(SubmissionInvalid) as invalid:
        send(field, partial)
    errors = {e.field: (e.code, e.message) for e in invalid.value.errors}
    assert set(errors) == {"R1", "R4", "R5"}
    assert errors["R1"] == (
        "relation_incomplete",
        "Give C: needed to check “received (B) = issued (C) + cancelled (D) + lost (E)”.",
    )


def test_a_bad_figure_is_reported_once_not_again_as_a_relation(field, protocol):
    with pytest.raises(SubmissionInvalid) as invalid:
        send(field, {**RECEIVED_OFF, "D": -3})
    assert [(e.field, e.code) for e in invalid.value.errors] == [("D", "out_of_range")]


def test_the_xform_carries_each_relation_on_its_last_question(protocol):
    protocol_form, _station, _observer = protocol
    xform = xform_build(protocol_form.form.versions.get())
    bind_e = re.search(r'<bind [^>]*nodeset="/PR/E"[^>]*>', xform).group(0)
    assert "( /PR/B  =  /PR/C  +  /PR/D  + .)" in bind_e
    assert "jr:constraintMsg" in bind_e
    bind_c = re.search(r'<bind [^>]*nodeset="/PR/C"[^>]*>', xform).group(0)
    assert "(. &lt;=  /PR/A )" in bind_c  # R4: issued ≤ voters, on C (A comes first)
    assert "received (B) = issued (C) + cancelled (D) + lost (E)" in xform
