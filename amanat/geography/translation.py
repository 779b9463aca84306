from modeltranslation.translator import TranslationOptions, register

from .models import Country, District, ElectionCommission, PollingStation, Region, Settlement


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)


@register(Settlement)
class SettlementTranslation(TranslationOptions):
    fields = ("name",)


@register(ElectionCommission)
class ElectionCommissionTranslation(TranslationOptions):
    fields = ("name",)


@register(PollingStation)
class PollingStationTranslation(TranslationOptions):
    fields = ("name", "address")
