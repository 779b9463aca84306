"""The demo's mandates: a hundred, in four regions, the citizen confirmed, idempotent."""

import pytest

from amanat.accounts.models import User
from amanat.demo.mandates import mandates_load
from amanat.demo.people import demo_users_load
from amanat.mandates import selectors
from amanat.mandates.models import Mandate, Support

pytestmark = pytest.mark.django_db


def test_the_demo_mandates_load_once_and_rank():
    demo_users_load()
    assert mandates_load() == 100
    supports = Support.objects.count()
    assert mandates_load() == 100  # a second load adds nothing
    assert (Mandate.objects.count(), Support.objects.count()) == (100, supports)
    assert selectors.person_confirmed(User.objects.get(username="citizen"))
    assert Mandate.objects.values("region").distinct().count() == 4
    astana = Mandate.objects.filter(region__code="KZ-71").first().region
    assert len(selectors.pressing_in_region(astana)) == 10
    # near-duplicates are there for the moderator: "Жолды жөндеу керек" is like "Жолдарды жөндеу"
    roads = Mandate.objects.filter(region=astana, title="Жолдарды жөндеу").get()
    similar = selectors.mandates_similar("Жолды жөндеу керек", limit=12)
    assert [m.title for m in similar[:4]] == ["Жолды жөндеу керек"] * 4  # one per region
    assert roads.pk in [m.id for m in similar]
