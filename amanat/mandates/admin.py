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
    list_display = ["mandate", "candidate", "position", "is_current", "is_copy", "created_at"]
    list_filter = ["position", "is_current", "is_copy"]
    raw_id_fields = ["mandate", "author"]


@admin.register(Confirmation)
class ConfirmationAdmin(admin.ModelAdmin):
    list_display = ["user", "channel", "confirmed_at"]
    list_filter = ["channel"]
    raw_id_fields = ["user"]


from .models import Appeal, StateBody  # noqa: E402


@admin.register(StateBody)
class StateBodyAdmin(admin.ModelAdmin):
    """The list of bodies citizens write to: admins keep names, regions and addresses."""

    list_display = ["name_ru", "name_kk", "kind", "region", "is_active"]
    list_filter = ["kind", "region", "is_active"]
    search_fields = ["name_ru", "name_kk"]


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ["pk", "body", "topic", "filed_on", "due_on", "extended_to", "outcome"]
    list_filter = ["basis", "outcome", "body__kind"]
    raw_id_fields = ["author", "mandate", "promise"]
    readonly_fields = ["client_id", "asked_at"]
