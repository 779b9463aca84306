from modeltranslation.translator import TranslationOptions, register

from .models import ChecklistForm, Question


@register(ChecklistForm)
class ChecklistFormTranslation(TranslationOptions):
    fields = ("name",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text",)
