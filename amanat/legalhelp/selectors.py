from django.db.models import QuerySet
from django.utils import timezone

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.core.textsearch import stems

from .models import FaqEntry, Question


def queue_for(user: User) -> QuerySet[Question]:
    """Open questions for a lawyer: their regions, most urgent first."""
    questions = Question.objects.filter(status=Question.Status.OPEN).select_related("region")
    if user.role != Role.ADMIN:
        questions = questions.filter(region__in=user.regions.all())
    return questions.order_by("due_at")


def is_overdue(question: Question) -> bool:
    return question.status == Question.Status.OPEN and question.due_at < timezone.now()


def faq_published() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.order_by("-published_at")


def faq_by_language(language: str, limit: int = 100) -> tuple[list[FaqEntry], list[FaqEntry]]:
    """(answers written in the reader's language, answers written in another one). An answer
    is a lawyer's own text in one language: the page shows the reader's first and labels the
    others with their language instead of passing them off as the reader's."""
    entries = list(faq_published()[:limit])
    own = [entry for entry in entries if entry.language == language]
    return own, [entry for entry in entries if entry.language != language]


def faq_search(query: str) -> list[FaqEntry]:
    """Each word's stem must appear: "наблюдатель" finds "наблюдателем" (core.textsearch)."""
    word_stems = stems(query)
    if not word_stems:
        return []
    entries = faq_published()
    for word_stem in word_stems:
        entries = entries.filter(search_text__contains=word_stem)
    return list(entries[:20])
