import factory

from amanat.legal.models import CalendarDay


class CalendarDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarDay
        django_get_or_create = ("date",)

    kind = CalendarDay.Kind.DAY_OFF
    note = "test"
