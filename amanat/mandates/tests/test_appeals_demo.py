"""The demo's appeals: the citizen's three tell the deadlines' story, loaded once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.demo.appeals import appeals_load
from amanat.demo.elections import demo_election_load
from amanat.demo.mandates import mandates_load
from amanat.demo.people import demo_users_load
from amanat.geography.selectors import country_default
from amanat.mandates.models import Appeal, Mandate, StateBody
from amanat.mandates.selectors_appeals import accountability, appeals_overdue

pytestmark = pytest.mark.django_db


def test_the_demo_appeals_tell_one_overdue_one_on_time_one_extended(monkeypatch):
    demo_users_load()
    election = demo_election_load(country_default())
    calls = []
    monkeypatch.setattr("amanat.demo.mandates.appeals_load", lambda *args: calls.append(args))
    mandates_load(election)
    # the demo's mandates are written 60 to 90 days back (demo.mandates); as if so here
    Mandate.objects.update(created_at=timezone.now() - timedelta(days=60))
    appeals_load(*calls[0])
    count = Appeal.objects.count()
    appeals_load(*calls[0])  # a second load adds nothing
    assert Appeal.objects.count() == count == 12
    assert StateBody.objects.count() == 5
    today = timezone.localdate()
    mine = {a.body.name_ru: a for a in Appeal.objects.filter(author__username="citizen")}
    overdue = mine["Акимат города Астаны"]
    assert overdue.outcome == ""
    assert overdue.days_overdue(today) > 0
    assert overdue in appeals_overdue(today=today)
    on_time = mine["Министерство просвещения Республики Казахстан"]
    assert on_time.outcome == "real"
    assert on_time.answered_on <= on_time.due_by
    extended = mine["Маслихат города Алматы"]
    assert extended.extended_to > extended.due_on
    assert extended.days_overdue(today) == 0
    figures = {f.body.name_ru: f for f in accountability(today=today)}
    assert figures["Центральная избирательная комиссия Республики Казахстан"].received == 0
    assert sum(f.received for f in figures.values()) == 12


def test_each_demo_appeal_goes_to_its_citys_body_after_its_mandate(monkeypatch):
    demo_users_load()
    election = demo_election_load(country_default())
    calls = []
    monkeypatch.setattr("amanat.demo.mandates.appeals_load", lambda *args: calls.append(args))
    mandates_load(election)
    Mandate.objects.update(created_at=timezone.now() - timedelta(days=45))
    appeals_load(*calls[0])
    appeals = Appeal.objects.select_related("body__region", "mandate__region")
    assert appeals.count() > 5
    for appeal in appeals:
        assert appeal.filed_on is None or appeal.filed_on > appeal.mandate.created_at.date()
        if appeal.body.region is not None:
            assert appeal.body.region == appeal.mandate.region
        elif appeal.body.kind == StateBody.Kind.MINISTRY:
            assert appeal.mandate.topic == "schools"
