from modeltranslation.translator import TranslationOptions, register

from .models import Conversation
from .models_events import AgendaItem, Event


@register(Conversation)
class ConversationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "summary")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title",)
