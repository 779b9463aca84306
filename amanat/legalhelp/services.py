"""Questions to lawyers: asking (signed in or anonymously), answering, publishing to the FAQ."""

import re
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.core.codes import code_hash, code_new
from amanat.core.textsearch import fold
from amanat.elections.models import Election
from amanat.elections.selectors import election_current
from amanat.geography.models import Region
from amanat.legal.stages import stages_compute
from amanat.notifications.senders import Message
from amanat.notifications.services import email_to_address, message_send

from .models import FaqEntry, Question

# Target time for a first answer; the queue marks questions past it as overdue.
ANSWER_TARGET = timedelta(hours=48)
# On election day and through the count, an answer helps only within hours.
URGENT_TARGET = timedelta(hours=2)


def answer_due(*, asked_at: datetime, election: Election | None) -> datetime:
    """When a question asked at `asked_at` must be answered. 48 hours, unless the election
    (the current one, or None) is near: an answer after the polls open comes too late for
    the day before, so it is due by the opening; on election day and through the count
    (to the morning after), within two hours."""
    due = asked_at + ANSWER_TARGET
    if election is None:
        return due
    stages = {
        stage.code: stage
        for stage in stages_compute(
            election_type=election.type,
            election_day=election.election_day,
            timezone=election.timezone,
        )
    }
    opens, count_ends = stages["station_opening"].starts, stages["counting"].ends
    election_day_starts = opens.replace(hour=0, minute=0)
    if election_day_starts <= asked_at < count_ends:
        return asked_at + URGENT_TARGET
    return min(due, opens) if asked_at < opens else due


class QuestionError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def question_ask(
    *, client_id: uuid.UUID, region: Region, topic: str, text: str, is_public: bool,
    language: str, asker: User | None = None, notify_email: str = "",
) -> tuple[Question, str | None]:  # fmt: skip
    """Store a question once per form; return it with its follow-up code (only the first time:
    the code is random and only its hash is kept)."""
    existing = Question.objects.filter(client_id=client_id).first()
    if existing is not None:
        return existing, None
    if len(text.strip()) < 20:
        raise QuestionError("text", _("Describe the situation in a few sentences."))
    code = code_new()
    now = timezone.now()
    question = Question.objects.create(
        client_id=client_id,
        asker=asker if asker is not None and asker.is_authenticated else None,
        region=region,
        topic=topic,
        text=text.strip(),
        is_public=is_public,
        language=language,
        notify_email=notify_email.strip().lower(),
        follow_up_hash=code_hash(code),
        due_at=answer_due(asked_at=now, election=election_current()),
    )
    return question, code


def question_by_code(code: str) -> Question | None:
    return Question.objects.filter(follow_up_hash=code_hash(code)).first()


@transaction.atomic
def question_answer(*, question: Question, lawyer: User, text: str) -> Question:
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not text.strip():
        raise QuestionError("answer", _("Write the answer."))
    question.answer = text.strip()
    question.answered_by, question.answered_at = lawyer, timezone.now()
    question.status = Question.Status.ANSWERED
    question.save()
    audit_record(action="legalhelp.answered", actor=lawyer, obj=question)
    transaction.on_commit(lambda: _notify_asker(question))
    return question


def _notify_asker(question: Question) -> None:
    with translation.override(question.language):
        link = settings.AMANAT_BASE_URL + reverse("legalhelp:follow")
        subject = _("A lawyer has answered your question")
        body = _("Read the answer with your follow-up code: %(url)s") % {"url": link}
    if question.notify_email:
        email_to_address(
            address=question.notify_email,
            message=Message(kind="legal_answer", subject=subject, body=body),
            key=f"question-answered:{question.pk}",
        )
    if question.asker is not None:
        message_send(
            users=[question.asker],
            message=Message(kind="legal_answer", subject=subject, body=question.answer[:500]),
            channels=["inbox"],
        )


PHONE = re.compile(r"\+?\d[\d\s\-()]{7,}\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def scrub(text: str) -> str:
    """Remove phone numbers and e-mail addresses; names are for the lawyer to edit out."""
    return PHONE.sub("[…]", EMAIL.sub("[…]", text))


def faq_publish(
    *, question: Question, lawyer: User, question_text: str, answer_text: str
) -> FaqEntry:
    question = Question.objects.get(pk=question.pk)  # the status as stored, not as passed
    if not question.is_public:
        raise QuestionError("is_public", _("The asker did not allow publication."))
    if question.status != Question.Status.ANSWERED:
        raise QuestionError("answer", _("Answer the question first."))
    entry, _created = FaqEntry.objects.update_or_create(
        source=question,
        defaults={
            "question": scrub(question_text),
            "answer": scrub(answer_text),
            "topic": question.topic,
            "language": question.language,
            "published_by": lawyer,
        },
    )
    entry.search_text = fold(f"{entry.question} {entry.answer}")
    entry.save(update_fields=["search_text"])
    audit_record(action="legalhelp.faq_published", actor=lawyer, obj=entry)
    return entry
