"""The demo's promises: a past election whose two winners have promises in every status,
with dated evidence and sources, some from answers to mandates; loading twice adds nothing."""

import pytest
from django.utils import timezone

from amanat.demo.elections import demo_election_load
from amanat.demo.mandates import mandates_load
from amanat.demo.people import demo_users_load
from amanat.demo.promises import PAST_SLUG, promises_load
from amanat.geography.selectors import country_default
from amanat.mandates import selectors_promises as selectors
from amanat.mandates.models import Elected, Mandate, Promise, PromiseUpdate

pytestmark = pytest.mark.django_db


def test_the_demo_promises_tell_a_past_elections_story():
    demo_users_load()
    country = country_default()
    election = demo_election_load(country)
    mandates_load(election)
    assert promises_load(country) == 8
    counts = (Promise.objects.count(), PromiseUpdate.objects.count(), Mandate.objects.count())
    assert promises_load(country) == 8
    assert (Promise.objects.count(), PromiseUpdate.objects.count(),
            Mandate.objects.count()) == counts  # fmt: skip
    elected = list(Elected.objects.select_related("contest__election", "candidate"))
    assert {e.contest.election.slug for e in elected} == {PAST_SLUG}  # nobody elected today
    assert all(e.declared_on < timezone.localdate() for e in elected)
    ulgibayev = Elected.objects.get(candidate__full_name_en="Baurzhan Ulgibayev").candidate
    card = selectors.scorecard(ulgibayev)
    assert card.total == 6
    assert all(s.count == 1 for s in card.segments)  # one promise in each status
    assert sum(1 for p in card.promises if p.answer_id and p.mandate_id) == 3
    for update in PromiseUpdate.objects.all():
        assert update.source_url.startswith("https://")
        assert update.evidence_date <= timezone.localdate()
        assert update.author.username == "analyst"
    # one answered commitment is left for the moderator to track
    left = Mandate.objects.get(title="Саябақта орындық жоқ")
    assert [a.commitment for a in selectors.answers_to_track(left)] == ["Саябаққа 50 орындық қою"]
    # today's mandates of the presidential election are not his maslikhat promises
    today = Mandate.objects.filter(election=election)
    assert not any(selectors.answers_to_track(m) for m in today)
