from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Country, District, ElectionCommission, PollingStation, Region, Settlement
from .services import station_save


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["code", "name"]


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["code", "name", "kind", "center"]
    search_fields = ["code", "name_kk", "name_ru", "name_en"]


@admin.register(District)
class DistrictAdmin(TranslationAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name_kk", "name_ru", "name_en"]


@admin.register(Settlement)
class SettlementAdmin(TranslationAdmin):
    list_display = ["name", "district"]
    search_fields = ["name_kk", "name_ru", "name_en"]
    autocomplete_fields = ["district"]


@admin.register(ElectionCommission)
class ElectionCommissionAdmin(TranslationAdmin):
    list_display = ["code", "name", "level", "region"]
    list_filter = ["level", "region"]
    search_fields = ["code", "name_ru"]
    raw_id_fields = ["parent", "district"]


@admin.register(PollingStation)
class PollingStationAdmin(TranslationAdmin):
    list_display = ["number", "address", "district", "registered_voters", "is_synthetic"]
    list_filter = ["district__region", "is_synthetic", "is_abroad"]
    search_fields = ["number", "address_ru", "address_kk"]
    list_select_related = ["district"]
    raw_id_fields = ["district", "settlement", "commission"]

    def save_model(self, request, obj, form, change):
        station_save(station=obj, actor=request.user)
