import uuid
from datetime import date
from typing import Any

import factory
from django.utils import timezone

from amanat.accounts.models import Certificate, Program
from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.elections.models import Election
from amanat.geography.models import Country, Region
from amanat.observers.models import Observer
from amanat.observers.services.recruitment import (
    ApplicationInput,
)


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


def token_for(client, user) -> dict:
    user.set_password("pass phrase 2026")
    user.save()
    response = client.post(
        "/api/v1/auth/token",
        {"username": user.username, "password": "pass phrase 2026"},
        content_type="application/json",
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def valid_input(**overrides: Any) -> ApplicationInput:
    values: dict[str, Any] = {
        "client_id": uuid.uuid4(),
        "full_name": "Айгерим  Демокызы",
        "phone": "8 701 123 45 67",
        "email": "Aigerim@Example.org",
        "region": region("KZ-71"),
        "languages": ["kk", "ru"],
        "availability": ["election_day", "counting"],
        "consent": True,
        "pledge": True,
    }
    values.update(overrides)
    return ApplicationInput(**values)
