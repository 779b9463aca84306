"""Citizens' SMS (citizen_parser.py): votes on opinion statements and mandate supports, from
any phone. The number is the person (people.py); the answer is one SMS in their language."""

from django.utils.translation import gettext as _

from amanat.accounts.models import User

from .citizen_parser import CitizenSms
from .citizens import (
    NotConfirmed,
    mandate_support_by_phone,
    next_statement,
    opinion_vote,
    statement_preview,
)
from .models import InboundMessage

Status = InboundMessage.Status


def citizen_sms_answer(parsed: CitizenSms, person: User) -> tuple[str, str]:
    """(the log status, the reply) of a citizen's SMS, its votes or support recorded."""
    if parsed.kind == "support":
        # The SMS came from the number: the person is confirmed (people.phone_person), unless
        # the number's account was deactivated.
        try:
            outcome = mandate_support_by_phone(mandate_id=parsed.mandate, person=person)
        except NotConfirmed:
            return Status.REJECTED, _("This account cannot support mandates.")
        return (Status.ACCEPTED if outcome.ok else Status.REJECTED), outcome.text
    if not parsed.votes:
        return Status.REJECTED, _(
            "Not understood. To vote on statement 12 send: O 12 A (agree), O 12 D (disagree) "
            "or O 12 P (pass)."
        )  # fmt: skip
    outcomes = [
        opinion_vote(statement_id=statement, value=value, person=person)
        for statement, value in parsed.votes
    ]
    parts = [outcome.text for outcome in outcomes]
    if parsed.unreadable:
        parts.append(_("Not understood: %(words)s.") % {"words": ", ".join(parsed.unreadable)})
    recorded = [o for o in outcomes if o.ok]
    last = outcomes[-1].conversation
    if recorded and last is not None:
        parts.insert(0, _("Vote recorded."))
        statement = next_statement(last, person)
        if statement is not None:
            parts.append(
                _("Next: “%(text)s” Reply O %(id)s A, D or P.")
                % {"text": statement_preview(statement), "id": statement.pk}
            )
        else:
            parts.append(_("You have voted on every statement. Thank you."))
    return (Status.ACCEPTED if recorded else Status.REJECTED), " ".join(parts)
