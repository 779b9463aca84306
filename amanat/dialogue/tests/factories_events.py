from datetime import timedelta

import factory
from django.utils import timezone

from amanat.dialogue.models import Event, LiveQuestion


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_ru = factory.Sequence(lambda n: f"Брифинг {n}")
    title_en = factory.Sequence(lambda n: f"Briefing {n}")
    description_ru = "Как наблюдать за подсчётом"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=5))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
    capacity = 2


class LiveQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiveQuestion

    event = factory.SubFactory(EventFactory)
    text = factory.Sequence(lambda n: f"Вопрос номер {n}?")
    language = "ru"
    audience = "citizen"
