from django.contrib import admin

from .models import FundDeclaration, Item, MonitoringPeriod, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner", "audience", "rate"]
    list_filter = ["kind"]
    search_fields = ["name", "owner"]


@admin.register(MonitoringPeriod)
class MonitoringPeriodAdmin(admin.ModelAdmin):
    list_display = ["name", "election", "starts_on", "ends_on"]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "date", "coder", "second_coder"]
    list_filter = ["outlet", "period"]
    raw_id_fields = ["coder", "second_coder"]


@admin.register(FundDeclaration)
class FundDeclarationAdmin(admin.ModelAdmin):
    list_display = ["candidate", "election", "amount", "declared_on", "source"]
