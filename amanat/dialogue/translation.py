from modeltranslation.translator import TranslationOptions, register

from .models import Conversation


@register(Conversation)
class ConversationTranslation(TranslationOptions):
    fields = ("title", "description")
