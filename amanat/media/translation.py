from modeltranslation.translator import TranslationOptions, register

from .models import MonitoringPeriod


@register(MonitoringPeriod)
class MonitoringPeriodTranslation(TranslationOptions):
    fields = ("name",)
