import uuid

import pytest
from django.core import mail

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.observers.models import Application, Observer
from amanat.observers.pledge import PLEDGE_VERSION
from amanat.observers.services.recruitment import (
    ApplicationInvalid,
    ReviewError,
    application_by_code,
    application_reply,
    application_review,
    application_submit,
    observer_account_activate,
)
from amanat.observers.tests.factories import region, valid_input

pytestmark = pytest.mark.django_db


def test_submission_is_stored_once_per_form_with_a_code():
    data = valid_input()
    application, code = application_submit(data=data)
    again, code_again = application_submit(data=data)

    assert again.pk == application.pk
    assert code == code_again
    assert Application.objects.count() == 1
    assert application.full_name == "Айгерим Демокызы"
    assert application.phone == "+77011234567"
    assert application.email == "aigerim@example.org"
    assert application.pledge_version == PLEDGE_VERSION
    assert application.pledge_accepted_at is not None
    assert code not in application.follow_up_hash
    assert application_by_code(code.lower()).pk == application.pk


def test_each_bad_field_is_named_and_nothing_is_stored():
    data = valid_input(
        full_name="Aigerim",
        phone="12",
        languages=[],
        availability=["never"],
        has_conflict=True,
        consent=False,
        pledge=False,
    )
    with pytest.raises(ApplicationInvalid) as invalid:
        application_submit(data=data)
    assert set(invalid.value.errors) == {
        "full_name",
        "phone",
        "languages",
        "availability",
        "conflict_details",
        "consent",
        "pledge",
    }
    assert Application.objects.count() == 0


def test_district_must_be_in_the_region():
    from amanat.geography.tests.factories import DistrictFactory

    elsewhere = DistrictFactory(region=region("KZ-75"))
    with pytest.raises(ApplicationInvalid) as invalid:
        application_submit(data=valid_input(district=elsewhere))
    assert list(invalid.value.errors) == ["district"]


def test_approval_creates_the_observer_and_the_applicant_activates_it(
    make_user, django_capture_on_commit_callbacks
):
    application, _code = application_submit(data=valid_input())
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])

    with django_capture_on_commit_callbacks(execute=True):
        application_review(application=application, reviewer=coordinator, decision="approve")

    application.refresh_from_db()
    user = application.user
    assert application.status == "approved"
    assert (user.role, user.phone, user.has_usable_password()) == (
        Role.OBSERVER,
        "+77011234567",
        False,
    )
    assert list(user.regions.values_list("code", flat=True)) == ["KZ-71"]
    assert Observer.objects.get(user=user).region.code == "KZ-71"
    assert mail.outbox[0].to == ["aigerim@example.org"]
    assert AuditEntry.objects.filter(action="observers.application_approve").count() == 1

    observer_account_activate(application=application, password="a long new secret 2026")
    assert User.objects.get(pk=user.pk).check_password("a long new secret 2026")
    with pytest.raises(ReviewError):
        observer_account_activate(application=application, password="another secret 2026")


def test_rejecting_or_asking_more_needs_a_reason_and_the_applicant_can_answer(make_user):
    application, _code = application_submit(data=valid_input())
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])

    with pytest.raises(ReviewError):
        application_review(application=application, reviewer=coordinator, decision="reject")
    application.refresh_from_db()
    assert application.status == "submitted"

    application_review(
        application=application,
        reviewer=coordinator,
        decision="needs_info",
        note="Which district?",
    )
    application.refresh_from_db()
    assert (application.status, application.decision_note) == ("needs_info", "Which district?")
    application_reply(application=application, reply="Есиль")
    application.refresh_from_db()
    assert (application.status, application.applicant_reply) == ("submitted", "Есиль")


def test_the_public_form_and_status_page(client, make_user):
    page = client.get("/ru/observers/apply/")
    assert page.status_code == 200
    assert "Я буду беспристрастен" in page.content.decode()  # the pledge, in Russian
    form = {
        "client_id": str(uuid.uuid4()),
        "full_name": "Нурлан Абенов",
        "phone": "+7 702 000 11 22",
        "region": region("KZ-71").pk,
        "languages": ["ru"],
        "availability": ["election_day"],
        "consent": "on",
        "pledge": "on",
    }
    response = client.post("/ru/observers/apply/", form)
    assert response.status_code == 200
    code = response.content.decode().split('id="follow-up-code">')[1].split("<")[0]
    assert client.post("/ru/observers/apply/", form).content.decode().count(code) == 1
    assert Application.objects.count() == 1

    other = client.__class__()
    wrong = other.post("/ru/observers/apply/status/", {"action": "code", "code": "AAAA-BBBB-CCCC"})
    assert wrong.status_code == 400
    other.post("/ru/observers/apply/status/", {"action": "code", "code": code})
    status = other.get("/ru/observers/apply/status/").content.decode()
    assert "Подана" in status


def test_form_without_consent_is_refused_in_kazakh(client):
    response = client.post(
        "/kk/observers/apply/",
        {
            "client_id": str(uuid.uuid4()),
            "full_name": "Нурлан Абенов",
            "phone": "+77020001122",
            "region": region("KZ-71").pk,
            "languages": ["kk"],
            "availability": ["election_day"],
            "pledge": "on",
        },
    )
    assert response.status_code == 400
    assert Application.objects.count() == 0
    assert "Келісіміңізсіз" in response.content.decode()


def test_accreditation_defaults_to_one_year(make_user):
    from datetime import date

    from amanat.observers.services.recruitment import accreditation_add
    from amanat.observers.tests.factories import ObserverFactory

    observer = ObserverFactory()
    accreditation = accreditation_add(
        observer=observer,
        organisation="ОФ «Аманат»",
        document_number="ЦИК-17/2026",
        valid_from=date(2026, 3, 1),
        actor=None,
    )
    assert accreditation.valid_until == date(2027, 3, 1)
    with pytest.raises(ReviewError):
        accreditation_add(
            observer=observer,
            organisation="x",
            document_number="1",
            valid_from=date(2026, 3, 1),
            valid_until=date(2026, 2, 1),
            actor=None,
        )
