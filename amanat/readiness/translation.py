from modeltranslation.translator import TranslationOptions, register

from .models import AuditProject


@register(AuditProject)
class AuditProjectTranslation(TranslationOptions):
    fields = ("name",)
