from django.contrib import admin

from .models import Delivery, Notification


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin[Delivery]):
    list_display = ["created_at", "user", "channel", "kind", "subject", "status"]
    list_filter = ["channel", "status", "kind"]
    readonly_fields = [f.name for f in Delivery._meta.fields]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    list_display = ["created_at", "user", "kind", "title", "read_at"]
    list_filter = ["kind"]
