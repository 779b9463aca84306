"""What a citizen does from a phone, the same for SMS and Telegram: vote on an opinion
statement and support a mandate. Each calls the one service the web calls (the last vote
wins and the analysis is queued; a support counts once) and answers in the active language."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.dialogue import selectors as dialogue_selectors
from amanat.dialogue.models import Conversation, Statement, Vote
from amanat.dialogue.services import DialogueError, vote_cast
from amanat.mandates.models import Mandate, Support
from amanat.mandates.services import NotConfirmed, mandate_support
from amanat.notifications.senders import absolute_url

PREVIEW = 160  # characters of a statement shown in an SMS


@dataclass(frozen=True)
class Outcome:
    ok: bool
    text: str
    conversation: Conversation | None = None


def vote_label(value: int) -> str:
    return str(Vote.Value(value).label)


def opinion_vote(*, statement_id: int, value: int, person: User) -> Outcome:
    """Record the person's vote on the statement, or say why it cannot count."""
    statement = Statement.objects.select_related("conversation").filter(pk=statement_id).first()
    number = {"id": statement_id}
    # A statement hidden by readers' reports is not public: it does not exist for voters.
    if statement is None or statement.status == Statement.Status.PENDING or not statement.is_shown:
        return Outcome(False, _("There is no statement %(id)s to vote on.") % number)
    if statement.status == Statement.Status.REJECTED:
        return Outcome(False, _("Statement %(id)s was moderated out: it takes no votes.") % number)
    conversation = statement.conversation
    try:
        vote_cast(conversation=conversation, statement=statement, user=person, value=value)
    except DialogueError:  # the conversation is closed (the rest was checked above)
        text = _("The conversation of statement %(id)s is closed: it takes no more votes.")
        return Outcome(False, text % number, conversation)
    text = _("Statement %(id)s: %(vote)s.") % {"id": statement_id, "vote": vote_label(value)}
    return Outcome(True, text, conversation)


def statement_preview(statement: Statement) -> str:
    text = " ".join(statement.text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def report_url(conversation: Conversation) -> str:
    return absolute_url(reverse("dialogue:report", args=[conversation.pk]))


def next_statement(conversation: Conversation, person: User) -> Statement | None:
    """The next statement for the person, by the dialogue's own chooser (none once closed)."""
    if not conversation.is_open:
        return None
    return dialogue_selectors.statement_next(conversation, person)


def mandate_support_by_phone(*, mandate_id: int | None, person: User) -> Outcome:
    """Support the mandate once; a second support changes nothing and says so.
    NotConfirmed is raised for a person with no confirmed phone or e-mail."""
    if mandate_id is None:
        return Outcome(False, _("Not understood. To support mandate 345, send: M 345"))
    mandate = Mandate.objects.select_related("merged_into").filter(pk=mandate_id).first()
    if mandate is None:
        return Outcome(False, _("There is no mandate %(id)s.") % {"id": mandate_id})
    target = mandate.merged_into or mandate
    already = Support.objects.filter(mandate=target, user=person).exists()
    supporters = mandate_support(mandate=target, user=person)
    values = {"id": target.pk, "count": supporters}
    if already:
        text = _("You already support mandate %(id)s: it counts once. Supporters: %(count)s.")
        return Outcome(True, text % values)
    text = _("Thank you: your support of mandate %(id)s is counted. Supporters: %(count)s.")
    return Outcome(True, text % values)


__all__ = ["NotConfirmed", "Outcome", "mandate_support_by_phone", "opinion_vote"]
