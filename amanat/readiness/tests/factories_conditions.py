"""Stations with their precinct commission, and register entries, for the readiness tests."""

import factory

from amanat.geography.models import Country, ElectionCommission, PollingStation, Region
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.readiness.models import Refusal


def station_with_commission(number: str, region_code: str = "KZ-71"):
    """A station and its precinct commission, named as the station import names them."""
    existing = PollingStation.objects.filter(number=number).first()
    if existing is not None:
        return existing
    region = Region.objects.get(code=region_code)
    district = DistrictFactory(region=region)
    commission = ElectionCommission.objects.create(
        country=Country.objects.get(code="KZ"), level=ElectionCommission.Level.PRECINCT,
        code=number, region=region, district=district,
        name_kk=f"№{number} учаскелік сайлау комиссиясы",
        name_ru=f"Участковая избирательная комиссия №{number}",
        name_en=f"Precinct election commission No. {number}",
    )  # fmt: skip
    return PollingStationFactory(number=number, district=district, commission=commission)


def territorial(region_code: str) -> ElectionCommission:
    return ElectionCommission.objects.get(
        level=ElectionCommission.Level.TERRITORIAL, region__code=region_code
    )


class RefusalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Refusal

    region = factory.LazyFunction(lambda: Region.objects.get(code="KZ-71"))
    candidate_name = factory.Sequence(lambda n: f"Кандидат {n}")
    kind = Refusal.Kind.REGISTRATION
    body = "Территориальная избирательная комиссия города Астаны"
    ground = "Недостаточно подписей избирателей"
