"""The most pressing problems: ranked by the Wilson lower bound, not raw counts."""

import pytest

from amanat.core.statistics import wilson_interval
from amanat.geography.models import Region
from amanat.mandates import selectors
from amanat.mandates.models import Sighting

from .factories import ConfirmedFactory, MandateFactory, SupportFactory

pytestmark = pytest.mark.django_db


def seen(mandate, supporters: int, viewers: int):
    people = [ConfirmedFactory() for _ in range(viewers)]
    for person in people:
        Sighting.objects.create(mandate=mandate, user=person)
    for person in people[:supporters]:
        SupportFactory(mandate=mandate, user=person)


def test_the_bounds_of_the_docstring_worked_by_hand():
    # Wilson lower bound, z = 1.96: (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    # 2 of 2: (1 + 0.9604 − 0.9604) / 2.9208 = 0.342.
    assert wilson_interval(2, 2).low == pytest.approx(0.342, abs=1e-3)
    assert wilson_interval(25, 30).low == pytest.approx(0.664, abs=1e-3)
    assert wilson_interval(40, 500).low == pytest.approx(0.059, abs=1e-3)


def test_broad_agreement_outranks_more_supporters_and_tiny_samples():
    astana = Region.objects.get(code="KZ-71")
    many_but_few_agree = MandateFactory(title="Many")
    seen(many_but_few_agree, supporters=12, viewers=120)
    agreed = MandateFactory(title="Agreed")
    seen(agreed, supporters=9, viewers=10)
    tiny = MandateFactory(title="Tiny")
    seen(tiny, supporters=2, viewers=2)
    MandateFactory(title="Nobody")  # no supporter: not ranked
    elsewhere = MandateFactory(region=Region.objects.get(code="KZ-75"))
    seen(elsewhere, supporters=5, viewers=5)

    ranked = selectors.pressing_in_region(astana)
    assert [p.mandate.title for p in ranked] == ["Agreed", "Tiny", "Many"]
    # raw counts would put "Many" (12) first
    assert [(p.supporters, p.seen_by) for p in ranked] == [(9, 10), (2, 2), (12, 120)]
    assert ranked[0].lower_bound == pytest.approx(wilson_interval(9, 10).low)


def test_listing_searches_and_filters_by_region():
    MandateFactory(title="Су құбыры")
    MandateFactory(title="Мектеп", region=Region.objects.get(code="KZ-75"))
    assert [m.title for m in selectors.mandates_listed(search="құбыр")] == ["Су құбыры"]
    kz75 = Region.objects.get(code="KZ-75")
    assert [m.title for m in selectors.mandates_listed(region=kz75)] == ["Мектеп"]


def test_similar_mandates_are_found_across_endings_and_merged_ones_are_not():
    roads = MandateFactory(title="Жолдарды жөндеу", text="")
    MandateFactory(title="Мектеп салу", text="")
    merged = MandateFactory(title="Жолдарды жөндеу керек", text="")
    merged.merged_into = roads
    merged.save()
    found = selectors.mandates_similar("жолды жөндеу")
    assert [m.id for m in found] == [roads.pk]
