from django.contrib import admin

from .models import Answer, Confirmation, Mandate, TeamMember


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["pk", "title", "topic", "region", "merged_into", "created_at"]
    list_filter = ["topic", "region"]
    search_fields = ["title", "text"]
    raw_id_fields = ["authors", "merged_into", "district", "contest"]
    readonly_fields = ["client_id"]


@admin.register(TeamMember)
class TeamMemberAdmin(admin.ModelAdmin):
    """Where an admin ties a `candidate_team` account to its candidate."""

    list_display = ["user", "candidate"]
    raw_id_fields = ["user"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    """Read-only: an answer is a candidate's official word, changed only by the team's new
    answer (which keeps the old one as history and is audit-logged), never by staff."""

    list_display = ["mandate", "candidate", "position", "is_current", "is_copy", "created_at"]
    list_filter = ["position", "is_current", "is_copy"]
    raw_id_fields = ["mandate", "author"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Confirmation)
class ConfirmationAdmin(admin.ModelAdmin):
    list_display = ["user", "channel", "confirmed_at"]
    list_filter = ["channel"]
    raw_id_fields = ["user"]


from .models import Elected, Promise, PromiseUpdate  # noqa: E402 - appended with the promises


@admin.register(Elected)
class ElectedAdmin(admin.ModelAdmin):
    list_display = ["candidate", "contest", "declared_on", "source"]
    raw_id_fields = ["candidate", "contest"]


class PromiseUpdateInline(admin.TabularInline):
    model = PromiseUpdate
    extra = 0
    readonly_fields = ["status", "evidence", "source_url", "evidence_date", "author"]
    can_delete = False  # the history of ratings is public and stays


@admin.register(Promise)
class PromiseAdmin(admin.ModelAdmin):
    """Read-mostly: statuses change only through the rating form, which requires evidence."""

    list_display = ["title", "candidate", "status", "mandate"]
    list_filter = ["status"]
    search_fields = ["title", "text"]
    raw_id_fields = ["candidate", "mandate", "answer"]
    readonly_fields = ["status"]
    inlines = [PromiseUpdateInline]


from .models import Appeal, StateBody  # noqa: E402


@admin.register(StateBody)
class StateBodyAdmin(admin.ModelAdmin):
    """The list of bodies citizens write to: admins keep names, regions and addresses."""

    list_display = ["name_ru", "name_kk", "kind", "region", "is_active"]
    list_filter = ["kind", "region", "is_active"]
    search_fields = ["name_ru", "name_kk"]


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    """Read-only, and without the citizen's personal data (name, contact, heading, text): the
    model promises they are printed in the document and shown to nobody else. Admins see the
    body, the topic and the dates, as the public accountability page does."""

    list_display = ["pk", "body", "topic", "filed_on", "due_on", "extended_to", "outcome"]
    list_filter = ["basis", "outcome", "body__kind"]
    fields = readonly_fields = (
        "body", "topic", "basis", "language", "filed_on", "filed_via", "received_on", "due_on",
        "extended_to", "extension_notice_on", "outcome", "answered_on", "asked_at", "created_at",
    )  # fmt: skip

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
