"""The demo's mandates: a hundred, in four regions, the citizen confirmed, idempotent."""

import pytest
from django.utils import timezone

from amanat.accounts.models import User
from amanat.demo.elections import demo_election_load
from amanat.demo.mandates import mandates_load
from amanat.demo.people import demo_users_load
from amanat.geography.selectors import country_default
from amanat.mandates import selectors
from amanat.mandates.answers import answer_rates
from amanat.mandates.models import Answer, Mandate, Support

pytestmark = pytest.mark.django_db


def test_the_demo_mandates_load_once_and_rank():
    demo_users_load()
    election = demo_election_load(country_default())
    assert mandates_load(election) == 100
    supports, answers = Support.objects.count(), Answer.objects.count()
    assert mandates_load(election) == 100  # a second load adds nothing
    assert (Mandate.objects.count(), Support.objects.count()) == (100, supports)
    assert answers == 34 + 15  # every 3rd and every 7th mandate
    rates = [(r.addressed, r.answered) for r in answer_rates(election)]
    # The demo team answers 34 mandates, but the same words to the same problem in four
    # regions, and the thanks-for-writing replies, are copy-pastes: every answer of such a
    # group is marked (the first too), so 4 count. The second team answers 15 in its own words.
    assert rates == [(100, 4), (100, 15), (100, 0)]
    # Written over the campaign, 60 to 90 days back, spread (the appeals come after them).
    ages = {(timezone.now() - m.created_at).days for m in Mandate.objects.all()}
    assert min(ages) >= 59
    assert max(ages) <= 91
    assert len(ages) > 20
    team = answer_rates(election)[0]
    assert team.low is not None
    assert selectors.person_confirmed(User.objects.get(username="citizen"))
    assert Mandate.objects.values("region").distinct().count() == 4
    astana = Mandate.objects.filter(region__code="KZ-71").first().region
    assert len(selectors.pressing_in_region(astana)) == 10
    # near-duplicates are there for the moderator: "Жолды жөндеу керек" is like "Жолдарды жөндеу"
    roads = Mandate.objects.filter(region=astana, title="Жолдарды жөндеу").get()
    similar = selectors.mandates_similar("Жолды жөндеу керек", limit=12)
    assert [m.title for m in similar[:4]] == ["Жолды жөндеу керек"] * 4  # one per region
    assert roads.pk in [m.id for m in similar]
