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


# Online events: the staff's own pages (/dialogue/events/new/) are the usual way; the admin
# is for corrections. A live question's author is left out: anonymous means anonymous.
from modeltranslation.admin import TranslationTabularInline  # noqa: E402

from .models_events import AgendaItem, Event, LiveQuestion  # noqa: E402


class AgendaInline(TranslationTabularInline):
    model = AgendaItem
    extra = 1


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "starts_at", "ends_at", "capacity"]
    list_filter = ["election"]
    search_fields = ["title_kk", "title_ru", "title_en"]
    inlines = [AgendaInline]


@admin.register(LiveQuestion)
class LiveQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "event", "state", "likes", "created_at"]
    list_filter = ["state", "visibility"]
    exclude = ["author"]
    readonly_fields = ["event", "text", "anonymous", "audience", "likes", "language"]


# Debates: read and correct in the admin; participants open and close them on the site.
from .models_debates import Argument, Comment, Debate  # noqa: E402


class ArgumentInline(admin.TabularInline):
    model = Argument
    fields = ["side", "title", "author", "language", "visibility"]
    raw_id_fields = ["author"]
    extra = 0


@admin.register(Debate)
class DebateAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "topic",
        "election",
        "region",
        "is_official",
        "closed_at",
        "visibility",
    ]
    list_filter = ["topic", "is_official", "visibility", "election"]
    search_fields = ["title", "text"]
    raw_id_fields = ["author", "closed_by"]
    inlines = [ArgumentInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["debate", "stance", "depth", "author", "visibility", "created_at"]
    list_filter = ["stance", "visibility"]
    raw_id_fields = ["author", "debate", "parent"]


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
