"""The SMS channel: any gateway's message goes through sms_receive, which logs it, reads it,
hands it to the one ingestion service and writes the reply in the observer's language."""

import functools
import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from amanat.accounts.selectors import phone_normalise
from amanat.checklists.answers import AnswerError
from amanat.checklists.ingestion import SubmissionInvalid, submission_receive
from amanat.checklists.services import form_version_current
from amanat.checklists.sms_answers import sms_answers
from amanat.core.codes import id_derived
from amanat.core.outside_text import key_bounded, text_clean
from amanat.elections.selectors import election_current
from amanat.observers.models import Observer

from .citizen_parser import CitizenSms, citizen_sms_parse
from .models import InboundMessage
from .people import language_of_text, phone_person
from .selectors import SmsSender, sms_sender
from .sms_citizens import citizen_sms_answer
from .sms_parser import sms_normalise, sms_parse, sms_text_key

log = logging.getLogger(__name__)
DUPLICATE_WINDOW = timedelta(minutes=10)
TEXT_MAX = 1600  # ten concatenated SMS; a gateway's longer "message" is not one


def sms_receive(
    *, gateway: str, message_id: str, phone: str, text: str, sent_at: datetime | None = None
) -> InboundMessage:
    """Read and store one SMS, and log it with its reply: in the same statement as the
    submission it brings, or in the same transaction as an incident report. Return the log
    row, whose `reply` is to be sent back. A delivery seen before (the same gateway message
    id) fails on the log's unique key and returns the first answer."""
    message = _message(gateway, message_id, phone, text, sent_at)
    # A "phone number" longer than the column is nobody's: not looked up, only kept.
    phone_real = len(text_clean(phone)) <= _max_length("phone")
    language = settings.LANGUAGE_CODE
    citizen = citizen_sms_parse(message.text) if phone_real else None
    if citizen is not None:
        return _citizen(message, citizen)
    try:
        sender = (
            sms_sender(phone=message.phone, text_key=message.text_key, within=DUPLICATE_WINDOW)
            if phone_real
            else None
        )
        language = sender.language if sender else language
        with translation.override(language):
            _handle(message, sender)
    except IntegrityError:
        # The same delivery arrived twice at once, or before: the first one's answer stands.
        first = _first_delivery(message)
        if first is not None:
            return first
        _kept_anyway(message, language)
    except Exception:
        log.exception("SMS %s:%s could not be processed", message.gateway, message.message_id)
        _kept_anyway(message, language)
    return message


def _citizen(message: InboundMessage, parsed: CitizenSms) -> InboundMessage:
    """A citizen's vote or support: whoever sends it (people.py), not only observers. The
    votes and the log row are one transaction: a delivery seen before fails on the log's key,
    leaves nothing of its own, and gets the first answer."""
    language = language_of_text(message.text, settings.LANGUAGE_CODE)
    try:
        with transaction.atomic():
            phone = phone_normalise(message.phone)
            if phone is None:
                with translation.override(language):
                    reply = _("This phone number is not registered with Amanat.")
                _logged(message, InboundMessage.Status.UNKNOWN_SENDER, reply)
                return message
            person = phone_person(phone=phone, language=language)
            language = person.preferred_language
            with translation.override(language):
                _logged(message, *citizen_sms_answer(parsed, person))
    except IntegrityError:
        first = _first_delivery(message)
        if first is not None:
            return first
        _kept_anyway(message, language)
    except Exception:
        log.exception("SMS %s:%s could not be processed", message.gateway, message.message_id)
        _kept_anyway(message, language)
    return message


def _message(gateway, message_id, phone, text, sent_at) -> InboundMessage:
    """The log row, every field cleaned and bounded as it comes from outside: storing it
    cannot fail on what the message holds (PostgreSQL refuses NUL and overlong values)."""
    text = text_clean(text, TEXT_MAX)
    return InboundMessage(
        gateway=key_bounded(gateway, _max_length("gateway")),
        message_id=key_bounded(message_id, _max_length("message_id")),
        phone=text_clean(phone, _max_length("phone")), text=text, sent_at=sent_at,
        status=InboundMessage.Status.REJECTED, text_key=sms_text_key(text),
    )  # fmt: skip


def _max_length(name: str) -> int:
    field = InboundMessage._meta.get_field(name)
    if not isinstance(field, models.CharField) or field.max_length is None:
        raise TypeError(f"InboundMessage.{name} is no bounded text field")
    return field.max_length


def _first_delivery(message: InboundMessage) -> InboundMessage | None:
    return InboundMessage.objects.filter(
        gateway=message.gateway, message_id=message.message_id
    ).first()


def _kept_anyway(message: InboundMessage, language: str) -> None:
    """Whatever went wrong, the SMS is kept and its sender is answered."""
    with translation.override(language):
        message.status = InboundMessage.Status.REJECTED
        message.reply, message.submission = _("Not accepted: please try again later."), None
    message.pk = None
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        # Stored meanwhile by a delivery of the same message racing this one: that one stands.
        first = _first_delivery(message)
        if first is None:
            raise
        message.pk, message.reply, message.status = first.pk, first.reply, first.status


def _is_incident(text: str) -> bool:
    return sms_normalise(text).startswith("INC ")


def _client_id(message: InboundMessage, purpose: str = "sms") -> uuid.UUID:
    """The same delivery resent maps to the same id; only the server can derive it."""
    return id_derived(purpose, f"{message.gateway}:{message.message_id}")


def _accepted_reply(parsed, submission, language: str) -> str:
    template, yes, no = _accepted_words(language)
    shown = ", ".join(
        f"{code}={yes if value is True else no if value is False else value}"
        for code, value in submission.answers.items()
    )
    return template % {"form": parsed.form, "station": parsed.station, "answers": shown}


@functools.cache
def _accepted_words(language: str) -> tuple[str, str, str]:
    """An accepted report's reply, and yes and no, in the language: every accepted SMS
    needs them in each language, and looking each up again costs more than the reply."""
    with translation.override(language):
        return _("Accepted %(form)s %(station)s: %(answers)s. Thank you."), _("yes"), _("no")


def _handle(message: InboundMessage, sender: SmsSender | None) -> None:
    """Answer the message and store it; a report it brings is never kept without it."""
    if sender is None:
        reply = _("This phone number is not registered with Amanat.")
        return _logged(message, InboundMessage.Status.UNKNOWN_SENDER, reply)
    if sender.repeated:
        return _logged(message, InboundMessage.Status.DUPLICATE, _("Already received, thank you."))
    if _is_incident(message.text):
        observer = Observer.objects.select_related("user", "region").get(pk=sender.observer_id)
        with transaction.atomic():
            return _logged(message, *_incident(message, observer))
    return _store(message, sender.observer())


def _logged(message: InboundMessage, status: str, reply: str, submission=None) -> None:
    message.status, message.reply, message.submission = status, reply, submission
    with transaction.atomic():  # a delivery seen before fails on its key, and only this
        message.save()


def _incident(message: InboundMessage, observer: Observer):
    """`INC <station> <what happened>`: an incident report from the observer's phone."""
    from amanat.incidents.models import Report
    from amanat.incidents.services import ReportInput, ReportInvalid, report_submit

    words = message.text.split(maxsplit=2)
    station = words[1] if len(words) > 1 and words[1].isdigit() else ""
    description = words[2] if station and len(words) > 2 else " ".join(words[1:])
    try:
        _report, code = report_submit(
            data=ReportInput(
                client_id=_client_id(message, "sms-incident"),
                source=Report.Source.SMS, description=description,
                occurred_at=message.sent_at or timezone.now(), station_number=station,
                region_code="" if station else observer.region.code,
            ),
            reporter=observer.user,
        )  # fmt: skip
    except ReportInvalid as invalid:
        problems = "; ".join(invalid.errors.values())
        return InboundMessage.Status.REJECTED, _("Report not accepted: %(problems)s") % {
            "problems": problems}, None  # fmt: skip
    return (
        InboundMessage.Status.ACCEPTED,
        _("Report received. Follow-up code: %(code)s") % {"code": code},
        None,
    )


def _store(message: InboundMessage, observer: Observer) -> None:
    parsed = sms_parse(message.text)
    version = form_version_current(parsed.form) if parsed.form else None
    if version is None:
        reply = _(
            "Unknown form “%(form)s”. Start with the form code and the station: OP 1234 A1 B2."
        ) % {"form": parsed.form or message.text[:10]}
        return _logged(message, InboundMessage.Status.REJECTED, reply)
    answers, errors = sms_answers(version, parsed.values)
    errors += [
        AnswerError(word, "unreadable", _("could not be read")) for word in parsed.unreadable
    ]
    errors += [AnswerError(code, "repeated", _("given twice")) for code in parsed.repeated]
    election = election_current()
    if election is None:
        reply = _("There is no election to report on.")
        return _logged(message, InboundMessage.Status.REJECTED, reply)

    def accepted(submission):
        message.status, message.submission = InboundMessage.Status.ACCEPTED, submission
        message.reply = _accepted_reply(parsed, submission, translation.get_language())
        return message

    try:
        if errors:
            raise SubmissionInvalid("invalid", "", errors)
        submission, created = submission_receive(
            client_id=_client_id(message),
            form_code=parsed.form, station_number=parsed.station, observer=observer,
            election=election, answers=answers, channel="sms",
            raw={"text": message.text, "phone": message.phone},
            observed_at=message.sent_at, record=accepted,
        )  # fmt: skip
    except SubmissionInvalid as invalid:
        problems = "; ".join(f"{e.field}: {e.message.rstrip('.')}" for e in invalid.errors)
        problems = problems or invalid.message
        reply = _(
            "Not accepted %(form)s %(station)s. %(problems)s. Send the whole message again."
        ) % {"form": parsed.form, "station": parsed.station, "problems": problems}
        return _logged(message, InboundMessage.Status.REJECTED, reply)
    if not created:
        # The gateway delivered this message before and its submission was stored, with the
        # log row: this one fails on the log's key and the first answer is sent again.
        accepted(submission)
        return _logged(message, message.status, message.reply, submission)
    return None
