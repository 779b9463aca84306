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
