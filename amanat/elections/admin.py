from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import BallotOption, Candidate, Contest, Election, ElectionStage, Party


class StageInline(TranslationTabularInline):
    model = ElectionStage
    extra = 0


class ContestInline(TranslationTabularInline):
    model = Contest
    extra = 0


@admin.register(Election)
class ElectionAdmin(TranslationAdmin):
    list_display = ["name", "type", "election_day"]
    list_filter = ["type"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [ContestInline, StageInline]


class OptionInline(TranslationTabularInline):
    model = BallotOption
    extra = 0
    raw_id_fields = ["candidate", "party"]


@admin.register(Contest)
class ContestAdmin(TranslationAdmin):
    list_display = ["name", "election", "kind", "seats"]
    inlines = [OptionInline]


@admin.register(Party)
class PartyAdmin(TranslationAdmin):
    list_display = ["name", "abbreviation"]
    search_fields = ["name_ru", "name_kk", "name_en", "abbreviation"]


@admin.register(Candidate)
class CandidateAdmin(TranslationAdmin):
    list_display = ["full_name", "party"]
    search_fields = ["full_name_ru", "full_name_kk", "full_name_en"]
