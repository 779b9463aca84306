from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Conversation, Statement


class SeedInline(admin.TabularInline):
    model = Statement
    fields = ["text", "language", "origin", "status"]
    extra = 3


@admin.register(Conversation)
class ConversationAdmin(TranslationAdmin):
    """Staff open a conversation with its seed statements; moderation has its own page."""

    list_display = ["title", "election", "is_open", "created_at"]
    list_filter = ["is_open", "election"]
    search_fields = ["title_kk", "title_ru", "title_en"]
    inlines = [SeedInline]


from .models_moderation import PostTranslation, Report, Warning  # noqa: E402
from .models_voices import VoiceApplication  # noqa: E402


@admin.register(VoiceApplication)
class VoiceApplicationAdmin(admin.ModelAdmin):
    """Read-only: applications are decided on the review page, which audit-logs them."""

    list_display = ["user", "capacity", "organisation", "status", "created_at", "decided_at"]
    list_filter = ["status", "capacity"]
    search_fields = ["user__username", "user__last_name", "organisation"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Report, Warning, PostTranslation)
class ModerationRecordAdmin(admin.ModelAdmin):
    """Read-only records; moderators act on the moderation pages."""

    list_display = ["__str__", "created_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
