from typing import TYPE_CHECKING

from django.contrib import admin

from .models import CalendarDay

if TYPE_CHECKING:
    CalendarDayAdminBase = admin.ModelAdmin[CalendarDay]
else:  # ModelAdmin is generic for the type checker only
    CalendarDayAdminBase = admin.ModelAdmin


@admin.register(CalendarDay)
class CalendarDayAdmin(CalendarDayAdminBase):
    """Transfers of days off and each year's Kurban Ait, as the government announces them."""

    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    search_fields = ["note"]
    date_hierarchy = "date"
