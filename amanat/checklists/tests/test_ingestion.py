import uuid

import pytest

from amanat.checklists.ingestion import SubmissionInvalid
from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import CriticalAlert, FormVersion, Submission
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


# --- The one statement and who may use it ----------------------------------------------------


def _token(user, key="k" * 40, **fields):
    from amanat.accounts.models import ApiToken

    ApiToken.objects.create(user=user, key_hash=ApiToken.hash_key(key), prefix=key[:8], **fields)
    return key


def test_a_valid_report_from_a_deployed_observer_is_one_statement(field, django_assert_num_queries):
    receive(field, {"A": False})  # the forms are read once and remembered
    with django_assert_num_queries(1):
        submission, created = receive(field, {"A": False, "D": 7})
    stored = Submission.objects.get(pk=submission.pk)
    assert created
    assert (stored.station_id, stored.observer_id) == (field[1].pk, field[2].pk)
    assert submission.station_id == field[1].pk
    assert (stored.answers, stored.raw) == ({"A": False, "D": 7}, {"answers": {"A": False, "D": 7}})
    assert stored.received_at == submission.received_at


def test_a_report_at_a_station_of_someone_else_stores_nothing_and_says_so(field):
    other_station = PollingStationFactory(number="2")
    other = ObserverFactory()
    deployment_assign(election=field[0], observer=other, stations=[other_station])
    with pytest.raises(SubmissionInvalid) as refused:
        receive(field, {"A": False}, station="2")
    assert refused.value.code == "not_deployed"
    assert Submission.objects.count() == 0


def test_the_observer_holding_a_token_is_found_only_while_active(make_user):
    from django.utils import timezone

    from amanat.checklists.ingestion import observer_by_token

    observer = ObserverFactory()
    key = _token(observer.user)
    holder = observer_by_token(key)
    assert (holder.observer_id, holder.user_id) == (observer.pk, observer.user_id)

    revoked = _token(ObserverFactory().user, key="r" * 40, revoked_at=timezone.now())
    no_profile = _token(make_user(username="analyst", role="analyst"), key="a" * 40)
    assert observer_by_token(revoked) is None
    assert observer_by_token(no_profile) is None
    assert observer_by_token("u" * 40) is None
    observer.user.is_active = False
    observer.user.save()
    assert observer_by_token(key) is None


def test_a_tokens_use_is_recorded_at_most_once_a_minute():
    from datetime import timedelta

    from amanat.accounts.models import ApiToken
    from amanat.checklists.ingestion import observer_by_token

    key = _token(ObserverFactory().user)
    observer_by_token(key)
    first = ApiToken.objects.get().last_used_at
    observer_by_token(key)
    assert first is not None
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=first - timedelta(minutes=2))
    observer_by_token(key)
    assert ApiToken.objects.get().last_used_at > first


def test_the_api_checks_the_token_before_it_reads_the_report(field, client):
    """An unknown token is refused having read nothing but the tokens: not the forms, not
    the stations (the report used to be checked first and the token inside the insert)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from amanat.core.memo import memo_clear

    memo_clear()
    body = {"client_id": str(uuid.uuid4()), "form": "VT", "station": "1", "answers": {"A": 1}}
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/api/v1/submissions", body, content_type="application/json",
                               HTTP_AUTHORIZATION="Bearer " + "u" * 40)  # fmt: skip
    assert response.status_code == 401
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "accounts_apitoken" in read
    assert "checklists_" not in read
    assert "observers_deployment" not in read
    assert Submission.objects.count() == 0


@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql",
    reason="statements are prepared on PostgreSQL only",
)
def test_on_postgresql_the_report_and_token_statements_are_prepared_once(field):
    from django.db import connection

    from amanat.checklists.ingestion import observer_by_token

    key = _token(field[2].user)
    for _ in range(7):
        assert observer_by_token(key) is not None
        receive(field, {"A": False})
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert sum('INSERT INTO "checklists_submission"' in s for s in statements) == 1
    assert sum('JOIN "accounts_apitoken" t' in s for s in statements) == 1


def test_an_app_listening_for_a_form_records_each_stored_report_of_it_once(field):
    from amanat.core.signals import report_stored

    heard = []

    def listener(sender, **kwargs):
        heard.append((sender, kwargs["submission_id"], kwargs["station_id"], kwargs["answers"]))

    report_stored.connect(listener, sender="VT", dispatch_uid="test-listener")
    try:
        client_id = uuid.uuid4()
        first, _new = receive(field, {"A": False}, client_id=client_id)
        receive(field, {"A": False}, client_id=client_id)  # a resend is heard no more
    finally:
        report_stored.disconnect(sender="VT", dispatch_uid="test-listener")
    assert heard == [("VT", first.pk, field[1].pk, {"A": False})]


def test_a_listener_hears_a_form_code_built_at_run_time(field):
    """A channel parses the code out of a message: a string equal to the listener's literal
    but another object (signals match senders by identity)."""
    from amanat.core.signals import report_stored

    heard = []
    report_stored.connect(lambda sender, **kw: heard.append(sender), sender="VT",
                          dispatch_uid="test-parsed", weak=False)  # fmt: skip
    try:
        parsed = "".join(["V", "T"])
        assert parsed is not "VT"  # noqa: F632 - the point: equal, not the same object
        receive(field, {"A": False}, form=parsed)
    finally:
        report_stored.disconnect(sender="VT", dispatch_uid="test-parsed")
    assert heard == ["VT"]


def test_a_listener_that_fails_leaves_no_report_behind(field):
    from amanat.core.signals import report_stored

    def listener(sender, **kwargs):
        raise RuntimeError("the listening app failed")

    report_stored.connect(listener, sender="VT", dispatch_uid="test-failing")
    try:
        with pytest.raises(RuntimeError):
            receive(field, {"A": True})
    finally:
        report_stored.disconnect(sender="VT", dispatch_uid="test-failing")
    assert (Submission.objects.count(), CriticalAlert.objects.count()) == (0, 0)
