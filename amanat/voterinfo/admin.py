from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Guide, ProgrammePosition, ReminderSubscription
from .services import guide_save


@admin.register(Guide)
class GuideAdmin(TranslationAdmin):
    list_display = ["title", "category", "position", "is_published", "updated_at"]
    list_filter = ["category", "is_published"]
    search_fields = ["title_kk", "title_ru", "title_en"]
    prepopulated_fields = {"slug": ["title_en"]}

    def save_model(self, request, obj, form, change):
        guide_save(guide=obj)  # keeps the search text in step with the edit


@admin.register(ProgrammePosition)
class ProgrammePositionAdmin(TranslationAdmin):
    list_display = ["option", "topic"]
    list_filter = ["topic", "option__contest__election"]
    raw_id_fields = ["option"]


@admin.register(ReminderSubscription)
class ReminderSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["election", "language", "created_at", "unsubscribed_at"]
    list_filter = ["election", "language"]
    exclude = ["email"]  # personal data: counts only
