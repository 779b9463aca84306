import uuid
from datetime import date

import factory
from django.utils import timezone

from amanat.accounts.models import Certificate, Program
from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.elections.models import Election
from amanat.geography.models import Country, Region
from amanat.observers.models import Observer


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    country = factory.LazyFunction(lambda: Country.objects.get(code="KZ"))
    slug = factory.Sequence(lambda n: f"election-{n}")
    type = Election.Type.PRESIDENTIAL
    name_en = "Test election"
    name_ru = "Тестовые выборы"
    election_day = factory.LazyFunction(lambda: date(timezone.localdate().year + 1, 3, 15))


class ObserverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observer
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, role=Role.OBSERVER)
    region = factory.LazyFunction(lambda: region("KZ-71"))
    languages = ["kk", "ru"]

    @factory.post_generation
    def certified(self, create, extracted, **kwargs):
        self.user.regions.set([self.region])
        if extracted is not False:
            Certificate.objects.create(
                user=self.user,
                program=Program.OBSERVER,
                code=f"AMN-T{uuid.uuid4().hex[:10].upper()}",
                holder_name=self.user.username,
                issued_at=timezone.now(),
            )
