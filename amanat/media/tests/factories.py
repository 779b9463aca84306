from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.elections.models import BallotOption, Candidate, Contest
from amanat.media import services
from amanat.media.models import Item, MonitoringPeriod, Outlet
from amanat.observers.tests.factories import ElectionFactory


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    kind = Outlet.Kind.TV
    owner = "Owner LLP"
    audience = 100_000
    rate = Decimal("1000")


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringPeriod

    election = factory.SubFactory(ElectionFactory)
    name = factory.Sequence(lambda n: f"Week {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    ends_on = factory.LazyFunction(timezone.localdate)


def monitor(**extra):
    return UserFactory(**{"role": Role.MEDIA_MONITOR, **extra})


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    period = factory.SubFactory(PeriodFactory)
    outlet = factory.SubFactory(OutletFactory)
    date = factory.LazyFunction(lambda: date(2026, 11, 20))
    title = factory.Sequence(lambda n: f"Evening news {n}")
    coder = factory.LazyFunction(monitor)


def running(election, names=("Aida Bekova", "Bolat Nurov", "Dana Ospan")):
    """Candidates on the election's ballot, in that order."""
    contest = Contest.objects.create(election=election, code="president", kind="national",
                                     name="President")  # fmt: skip
    people = []
    for position, name in enumerate(names, start=1):
        candidate = Candidate.objects.create(full_name=name)
        BallotOption.objects.create(contest=contest, position=position, kind="candidate",
                                    candidate=candidate)  # fmt: skip
        people.append(candidate)
    return people


def appearance(candidate=None, *, amount=60, tone=0, role="none", **extra):
    values = {"subject_kind": "candidate", "candidate": candidate, "party": None,
              "official": "", "voice": "speaks", "role": role, "topic": "", "amount": amount,
              "tone": tone}  # fmt: skip
    values.update(extra)
    return services.AppearanceInput(**values)


def code(item, coder, genre, *appearances):
    """The monitor's complete coding of the item."""
    services.coding_genre_set(item=item, coder=coder, genre=genre)
    for data in appearances:
        services.appearance_add(item=item, coder=coder, data=data)
    return services.coding_complete(item=item, coder=coder)
