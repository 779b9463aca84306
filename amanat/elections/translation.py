from modeltranslation.translator import TranslationOptions, register

from .models import BallotOption, Candidate, Contest, Election, ElectionStage, Party


@register(Election)
class ElectionTranslation(TranslationOptions):
    fields = ("name",)


@register(Contest)
class ContestTranslation(TranslationOptions):
    fields = ("name",)


@register(Party)
class PartyTranslation(TranslationOptions):
    fields = ("name", "programme")


@register(Candidate)
class CandidateTranslation(TranslationOptions):
    fields = ("full_name", "biography", "programme")


@register(BallotOption)
class BallotOptionTranslation(TranslationOptions):
    fields = ("label",)


@register(ElectionStage)
class ElectionStageTranslation(TranslationOptions):
    fields = ("name", "legal_basis")
