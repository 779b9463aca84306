import textwrap

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


HEADER = (
    "number,region,district,settlement,address_ru,address_kk,latitude,longitude,registered_voters"
)


GOOD = textwrap.dedent(
    f"""\
    {HEADER}
    101,KZ-75,Алмалинский район,,ул. Абая 10,Абай к-сі 10,43.238949,76.889709,1850
    102,город Алматы,Алмалинский район,,ул. Толе би 5,,43.25,76.90,2100
    103,Абайская область,Жарминский район,село Калбатау,ул. Школьная 1,,,,640
    104,330000000,Ескельдинский район,,ул. Мира 3,,,,900
    """
)
