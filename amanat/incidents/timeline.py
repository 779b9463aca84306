"""The moderation history of a report, written in the reader's language.

An event stores its kind and the codes it needs (a status, a body, an outcome, a count), never
a sentence: the sentence is made when a page shows it, so the Kazakh interface reads Kazakh
whoever acted. Free text that people typed (a note, what the reporter added) is kept as typed.
"""

from django.utils.translation import gettext_lazy as _

from amanat.legal.complaints import Body

MESSAGES = {
    "received": _("Report received."),
    "status": _("Status: %(status)s."),
    "published": _("Published."),
    "withdrawn": _("Withdrawn from publication."),
    "merged": _("Merged with another report of the same event."),
    "merged_count": _("%(count)s reports describe this event."),
    "added": _("The reporter added information."),
    "assigned": _("Assigned to %(who)s."),
    "referred": _("Complaint filed with: %(body)s."),
    "answer": _("Answer from %(body)s: %(outcome)s."),
}
TYPED = {"note", "reporter_added"}


def _label(choices, code: str) -> str:
    return str(choices(code).label) if code in choices.values else code


def event_message(kind: str, params: dict | None, text: str) -> str:
    """The event's sentence in the active language; typed text, or an old row that could not
    be converted, as stored."""
    if kind in TYPED or params is None:
        return text
    from .models import Referral, Report

    key = "merged_count" if kind == "merged" and "count" in params else kind
    if key not in MESSAGES:
        return text
    values = dict(params)
    if "status" in values:
        values["status"] = _label(Report.Status, values["status"])
    if "body" in values:
        values["body"] = _label(Body, values["body"])
    if "outcome" in values:
        values["outcome"] = _label(Referral.Outcome, values["outcome"])
    sentence = str(MESSAGES[key])  # the lazy string, translated in the active language
    return sentence % values if values else sentence


def event_add(report, kind: str, params: dict | None = None, **fields):
    from .models import TimelineEvent

    return TimelineEvent.objects.create(report=report, kind=kind, params=params or {}, **fields)
