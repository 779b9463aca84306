from modeltranslation.translator import TranslationOptions, register

from .models import Guide, ProgrammePosition


@register(Guide)
class GuideTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(ProgrammePosition)
class ProgrammePositionTranslation(TranslationOptions):
    fields = ("text",)
