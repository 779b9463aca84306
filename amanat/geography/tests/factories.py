import factory

from amanat.geography.models import Country, District, PollingStation, Region


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    region = factory.LazyFunction(lambda: Region.objects.get(code="KZ-75"))
    name_ru = factory.Sequence(lambda n: f"Район {n}")
    name_kk = factory.Sequence(lambda n: f"Аудан {n}")
    name_en = factory.Sequence(lambda n: f"District {n}")


class PollingStationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PollingStation

    country = factory.LazyFunction(lambda: Country.objects.get(code="KZ"))
    number = factory.Sequence(lambda n: str(9000 + n))
    district = factory.SubFactory(DistrictFactory)
    address_ru = factory.Sequence(lambda n: f"улица Абая, {n}")
    registered_voters = 1500
