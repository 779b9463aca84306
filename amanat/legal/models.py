"""Days whose status a decision sets, year by year: the government's transfers of days off
(a working Saturday, a day off moved to a weekday) and the first day of Kurban Ait, which the
Ministry of Labour fixes each year from the Muslim calendar. Everything else the Labour Code
fixes is computed (.working_days)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("day off")
        WORKING_DAY = "working_day", _("working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("What set the day: the act and its date, or the holiday."),
    )

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()}"
