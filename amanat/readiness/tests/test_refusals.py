"""The refusals register: the deadline each decision kept, who keeps and reads it, the public
page, and the audit log of every change."""

from datetime import date

import pytest

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.geography.models import Region
from amanat.legal.models import CalendarDay
from amanat.observers.tests.factories import ElectionFactory
from amanat.readiness.models import Refusal
from amanat.readiness.refusals import deadline_check, refusal_save

from .factories_conditions import RefusalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def election():
    return ElectionFactory(election_day=date(2027, 3, 15))


def test_a_term_in_working_days_skips_weekends_and_holidays(election):
    # Submitted on Friday 19 March 2027; Nauryz 21-23 March (21 is a Sunday: 24 March off).
    entry = RefusalFactory.build(
        election=election, decided_on=date(2027, 3, 26), submitted_on=date(2027, 3, 19),
        term_working_days=3,
    )  # fmt: skip
    check = deadline_check(entry)
    assert (check.due_on, check.kept, check.basis) == (date(2027, 3, 29), "kept", "working_days")
    entry.decided_on = date(2027, 3, 30)
    assert deadline_check(entry).kept == "missed"


def test_a_government_transfer_moves_the_due_day(election):
    CalendarDay.objects.create(date=date(2027, 3, 29), kind="day_off", note="перенос")
    entry = RefusalFactory.build(
        election=election, decided_on=date(2027, 3, 30), submitted_on=date(2027, 3, 19),
        term_working_days=3,
    )  # fmt: skip
    assert deadline_check(entry).due_on == date(2027, 3, 30)
    assert deadline_check(entry).kept == "kept"


def test_a_refusal_to_register_is_due_by_the_end_of_registration(election):
    # Registration ends at E-30: 13 February 2027 for election day 15 March 2027.
    late = RefusalFactory.build(election=election, decided_on=date(2027, 2, 14))
    check = deadline_check(late)
    assert (check.due_on, check.kept, check.basis) == (date(2027, 2, 13), "missed", "registration")


def test_otherwise_the_lawyer_records_it(election):
    entry = RefusalFactory.build(election=election, kind="deregistration",
                                 decided_on=date(2027, 3, 1), kept_recorded="kept")  # fmt: skip
    assert deadline_check(entry) == deadline_check(entry).__class__("kept", None, "recorded")


def test_every_change_is_audit_logged_with_its_fields(election, make_user):
    lawyer = make_user(role=Role.LAWYER, regions=[Region.objects.get(code="KZ-71")])
    data = {"election": election, "region": Region.objects.get(code="KZ-71"),
            "candidate": None, "candidate_name": "Асан Усенов", "kind": "registration",
            "decided_on": date(2027, 2, 10), "body": "ТИК", "ground": "подписи"}  # fmt: skip
    entry = refusal_save(refusal=None, data=data, actor=lawyer)
    refusal_save(refusal=entry, data={**data, "court": "overturned"}, actor=lawyer)

    logged = AuditEntry.objects.filter(action__startswith="readiness.refusal")
    entries = list(logged.order_by("seq"))
    assert [e.action for e in entries] == ["readiness.refusal_created", "readiness.refusal_changed"]
    assert entries[1].data == {"fields": ["court"]}
    entry.refresh_from_db()
    assert (entry.kept, entry.due_on) == ("kept", date(2027, 2, 13))


def _form(election, region, **over):
    return {"election": election.pk, "region": region.pk, "candidate_name": "Асан Усенов",
            "language": "ru", "kind": "nomination", "decided_on": "2027-01-20", "body": "ЦИК",
            "ground": "Не представлены документы", "kept_recorded": "unknown",
            "court": "none", **over}  # fmt: skip


def test_a_lawyer_keeps_entries_of_their_region_only(client, election, make_user):
    astana, almaty = Region.objects.get(code="KZ-71"), Region.objects.get(code="KZ-75")
    client.force_login(make_user(role=Role.LAWYER, regions=[astana]))
    foreign = RefusalFactory(election=election, region=almaty, decided_on=date(2027, 1, 5))

    added = client.post("/en/readiness/refusals/new/", _form(election, astana))
    refused = client.post("/en/readiness/refusals/new/", _form(election, almaty))
    hidden = client.get(f"/en/readiness/refusals/{foreign.pk}/")
    listing = client.get("/en/readiness/refusals/").content.decode()

    assert added.status_code == 302
    assert refused.status_code == 400  # Almaty is not among the region choices
    assert hidden.status_code == 404
    assert "Асан Усенов" in listing
    assert foreign.candidate_name not in listing
    assert Refusal.objects.count() == 2


def test_a_candidate_or_a_name_is_required_and_dates_follow_the_decision(client, election,
                                                                          make_user):  # fmt: skip
    astana = Region.objects.get(code="KZ-71")
    client.force_login(make_user(role=Role.LAWYER, regions=[astana]))
    response = client.post(
        "/ru/readiness/refusals/new/",
        _form(election, astana, candidate_name="", appeal_on="2027-01-01"),
    )
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert set(errors) == {"candidate_name", "appeal_on"}
    assert Refusal.objects.count() == 0


@pytest.mark.parametrize(("role", "list_status", "add_status"), [
    (Role.ANALYST, 200, 403), (Role.ADMIN, 200, 200), (Role.COORDINATOR, 403, 403),
    (Role.OBSERVER, 403, 403),
])  # fmt: skip
def test_who_may_read_and_keep_the_register(client, make_user, role, list_status, add_status):
    client.force_login(make_user(role=role))
    assert client.get("/ru/readiness/refusals/").status_code == list_status
    assert client.get("/ru/readiness/refusals/new/").status_code == add_status


def test_the_public_page_shows_published_entries_only(client, election):
    RefusalFactory(election=election, decided_on=date(2027, 2, 1), candidate_name="Опубликован",
                   is_published=True, appeal_on=date(2027, 2, 3), appeal_body="Суд Астаны",
                   court="overturned")  # fmt: skip
    RefusalFactory(election=election, decided_on=date(2027, 2, 1), candidate_name="Черновик")

    html = client.get("/ru/readiness/refusals/public/").content.decode()

    assert "Опубликован" in html
    assert "Черновик" not in html
    assert "Суд отменил решение" in html
    assert 'href="/ru/incidents/?category=admin_resource"' in html
