from django.contrib import admin

from .models import Accreditation, Application, Broadcast, Deployment, Observer, SosAlert


class AccreditationInline(admin.TabularInline):
    model = Accreditation
    extra = 0


@admin.register(Observer)
class ObserverAdmin(admin.ModelAdmin):
    list_display = ["pk", "user", "region", "district", "created_at"]
    list_filter = ["region"]
    search_fields = ["user__username", "user__last_name", "user__phone"]
    raw_id_fields = ["user", "district"]
    inlines = [AccreditationInline]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["pk", "status", "region", "submitted_at", "reviewed_at"]
    list_filter = ["status", "region"]
    readonly_fields = ["client_id", "consent_at", "pledge_version", "pledge_accepted_at"]
    exclude = ["follow_up_hash"]
    raw_id_fields = ["district", "reviewed_by", "user"]


@admin.register(Deployment)
class DeploymentAdmin(admin.ModelAdmin):
    list_display = ["pk", "election", "observer", "kind", "shift"]
    list_filter = ["election", "kind", "shift"]
    raw_id_fields = ["observer", "created_by"]


@admin.register(SosAlert)
class SosAlertAdmin(admin.ModelAdmin):
    list_display = ["pk", "raised_at", "region", "station", "status", "outcome"]
    list_filter = ["status", "region"]
    raw_id_fields = ["observer", "station", "handled_by"]


@admin.register(Broadcast)
class BroadcastAdmin(admin.ModelAdmin):
    list_display = ["subject", "author", "created_at"]
    readonly_fields = ["author", "filters", "channels", "created_at"]
