import uuid

import pytest

from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import CriticalAlert, FormVersion, Submission
from amanat.checklists.services import SubmissionInvalid
from amanat.checklists.tests.factories import receive
from amanat.geography.models import Country
from amanat.geography.tests.factories import PollingStationFactory
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ObserverFactory

pytestmark = pytest.mark.django_db


def test_valid_answers_are_stored_once_per_client_id(field):
    client_id = uuid.uuid4()
    first, created = receive(field, {"A": False, "D": 412, "F": 2}, client_id=client_id)
    again, created_again = receive(field, {"A": True}, client_id=client_id)

    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert first.answers == {"A": False, "D": 412, "F": 2}
    assert Submission.objects.count() == 1


def test_every_bad_answer_is_named_and_nothing_is_stored(field):
    with pytest.raises(SubmissionInvalid) as invalid:
        receive(field, {"A": "yes", "D": 10001, "F": 9, "Z": 1, "B": 1})
    assert {e.field: e.code for e in invalid.value.errors} == {
        "A": "not_yes_no",
        "B": "not_yes_no",
        "D": "out_of_range",
        "F": "not_a_choice",
        "Z": "unknown_question",
    }
    assert Submission.objects.count() == 0
    assert CriticalAlert.objects.count() == 0


def test_critical_answers_raise_alerts(field):
    submission, _ = receive(field, {"A": True, "E": True, "F": 4, "B": False})
    assert sorted(a.question_code for a in submission.alerts.all()) == ["A", "E", "F"]


def test_only_at_a_station_the_observer_is_deployed_to(field):
    PollingStationFactory(number="2")
    with pytest.raises(SubmissionInvalid) as invalid:
        receive(field, {"A": False}, station="2")
    assert invalid.value.code == "not_deployed"
    with pytest.raises(SubmissionInvalid) as stranger:
        receive(field, {"A": False}, observer=ObserverFactory())
    assert stranger.value.code == "not_deployed"
    # Not being deployed there is said first, even when answers are wrong as well.
    with pytest.raises(SubmissionInvalid) as both:
        receive(field, {"A": "maybe"}, station="2")
    assert [e.code for e in both.value.errors] == ["not_deployed"]
    assert Submission.objects.count() == 0


def test_the_stored_station_is_the_one_the_observer_is_deployed_at(field):
    election, station, observer = field
    kyrgyzstan = Country.objects.create(code="KG", name="Kyrgyzstan")
    elsewhere = PollingStationFactory(number="1", country=kyrgyzstan)  # the same number
    submission, created = receive(field, {"A": False})
    assert created
    assert Submission.objects.get().station_id == submission.station_id == station.pk
    assert elsewhere.pk != station.pk


def test_several_observers_of_one_station_keep_their_own_submissions(field):
    election, station, _observer = field
    others = [ObserverFactory() for _ in range(3)]
    for other in others:
        deployment_assign(election=election, observer=other, stations=[station])
        receive(field, {"D": 100}, observer=other)
    receive(field, {"D": 120})
    assert sorted(Submission.objects.values_list("answers__D", flat=True)) == [100, 100, 100, 120]


def test_a_changed_form_gets_a_new_version_and_old_submissions_keep_theirs(field):
    from amanat.checklists.loader import form_load

    old, _ = receive(field, {"A": False}, form="OP")
    form_load(
        {
            "code": "OP",
            "phase": "opening",
            "name": {"kk": "a", "ru": "b", "en": "c"},
            "questions": [
                {"code": "A", "kind": "integer", "min": 0, "max": 5,
                 "text": {"kk": "x", "ru": "y", "en": "z"}},
            ],
        }
    )  # fmt: skip
    new, _ = receive(field, {"A": 3}, form="OP")
    assert (old.version.number, new.version.number) == (1, 2)
    assert FormVersion.objects.get(pk=old.version_id).questions.get(code="A").kind == "yes_no"


def test_questions_never_use_codes_that_look_like_digits():
    from amanat.checklists.models import Question

    forms_load_all()
    codes = set("".join(Question.objects.values_list("code", flat=True)))
    assert not codes & set("ILO")
