from django.contrib import admin

from .models import FaqEntry, Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["pk", "topic", "region", "status", "asked_at", "due_at"]
    list_filter = ["status", "topic", "region"]
    exclude = ["follow_up_hash"]
    raw_id_fields = ["asker", "answered_by"]


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ["question", "topic", "language", "published_at"]
    list_filter = ["topic", "language"]
    exclude = ["search_text"]
