from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Category, Evidence, Report, TimelineEvent


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ["code", "name", "phase"]
    list_filter = ["phase"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    readonly_fields = ["kind", "content_type", "size", "sha256", "received_at"]
    exclude = ["original", "public_copy"]
    can_delete = False


class TimelineInline(admin.TabularInline):
    model = TimelineEvent
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "received_at", "source", "region", "category", "status", "is_published"]
    list_filter = ["status", "source", "is_published", "region", "category__phase"]
    readonly_fields = ["client_id", "source", "reporter", "contact", "received_at"]
    exclude = ["follow_up_hash"]
    raw_id_fields = ["station"]
    inlines = [EvidenceInline, TimelineInline]
