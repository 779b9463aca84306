"""The Telegram bot: link an account with a one-time code, answer a checklist question by
question with buttons, check in, and /sos. Everything ends in the same services as the web."""

import logging
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from amanat.checklists.answers import SHA256
from amanat.checklists.ingestion import SubmissionInvalid, submission_receive
from amanat.checklists.models import Question
from amanat.checklists.photos import PhotoRejected, checklist_photo_store
from amanat.checklists.services import form_version_current, forms_active
from amanat.core.codes import id_derived
from amanat.core.outside_text import strings_cleaned
from amanat.elections.selectors import election_current
from amanat.notifications.models import TelegramLink, TelegramLinkCode
from amanat.notifications.telegram import client
from amanat.observers.selectors import deployments_of
from amanat.observers.services.presence import PresenceError, checkin_record, sos_raise

from .models import TelegramConversation, TelegramUpdate
from .telegram_citizens import citizen_dispatch
from .telegram_photos import is_protocol_caption, protocol_photo_from_telegram

log = logging.getLogger(__name__)
UPDATE_TEXT_MAX = 4096  # the longest message Telegram sends


def _client_id(purpose: str, update_id: int) -> uuid.UUID:
    """The same update delivered again maps to the same id; only the server can derive it."""
    return id_derived(f"telegram-{purpose}", str(update_id))


def update_handle(update: dict) -> None:
    """Handle one Update once (Telegram may deliver it again)."""
    # Every text in it cleaned and bounded (Telegram's own limit) before anything is stored.
    update = strings_cleaned(update, UPDATE_TEXT_MAX)
    try:
        with transaction.atomic():
            TelegramUpdate.objects.create(update_id=update["update_id"])
    except IntegrityError:
        return
    message, callback = update.get("message"), update.get("callback_query")
    if callback:
        client.answer_callback(callback["id"])
        message, data = callback.get("message") or {}, callback.get("data", "")
    else:
        data = ""
    chat_id = (message or {}).get("chat", {}).get("id")
    if chat_id is None:
        return
    link = TelegramLink.objects.select_related("user").filter(chat_id=chat_id).first()
    language = link.user.preferred_language if link else _sender_language(message or {})
    with translation.override(language):
        _dispatch(chat_id, link, message or {}, data, update["update_id"])


def _sender_language(message: dict) -> str:
    code = (message.get("from") or {}).get("language_code", "ru")[:2]
    return code if code in ("kk", "ru", "en") else "ru"


def _dispatch(chat_id: int, link, message: dict, data: str, update_id: int) -> None:
    if citizen_dispatch(chat_id, message, data, translation.get_language()):
        return None  # a vote on an opinion statement, a mandate's support (any person)
    text = (message.get("text") or "").strip()
    command, _space, argument = text.partition(" ")
    if command in ("/start", "/link") and argument:
        return _link(chat_id, argument.strip())
    if link is None or getattr(link.user, "observer", None) is None:
        client.send(chat_id, _(
            "Link your Amanat account first: open “My station” on the website, take the code "
            "and send /link CODE here."
        ))  # fmt: skip
        return
    observer = link.user.observer
    if command == "/sos":
        return _sos(chat_id, observer, update_id, argument)
    if command == "/checkin":
        return _checkin(chat_id, observer, update_id)
    if command == "/incident":
        return _incident(chat_id, observer, update_id, argument)
    if command == "/report":
        buttons = [[(f"{f.code} — {f.name}", f"form:{f.code}")] for f in forms_active()]
        client.send(chat_id, _("Which checklist?"), buttons)
        return
    if data.startswith("form:"):
        return _start(chat_id, observer, data.removeprefix("form:"))
    if data.startswith("skip:"):
        return _skip(chat_id, observer, data.removeprefix("skip:"))
    if data.startswith("ans:"):
        _code, _sep, value = data.removeprefix("ans:").partition(":")
        return _answer(chat_id, observer, value)
    if message.get("photo") and is_protocol_caption(message.get("caption") or ""):
        client_id = _client_id("protocol-photo", update_id)
        return protocol_photo_from_telegram(chat_id, observer, message, client_id)
    if message.get("photo") and _expects_photo(chat_id):
        return _answer_photo(chat_id, observer, message)
    if message.get("photo"):
        client.send(chat_id, _(
            "Photo received. For the protocol, send the photo with the caption PR; otherwise "
            "describe it in a report on the website."
        ))  # fmt: skip
        return
    if text:
        return _answer(chat_id, observer, text)
    return None


def _link(chat_id: int, code: str) -> None:
    found = TelegramLinkCode.objects.filter(code=code, expires_at__gt=timezone.now()).first()
    if found is None:
        client.send(chat_id, _("This code is wrong or has expired. Take a new one on the website."))
        return
    TelegramLink.objects.filter(chat_id=chat_id).delete()
    TelegramLink.objects.update_or_create(user=found.user, defaults={"chat_id": chat_id})
    found.delete()
    with translation.override(found.user.preferred_language):
        client.send(chat_id, _("Linked. Commands: /report, /checkin, /incident, /sos."))


def _stations(observer):
    return [s for d in deployments_of(observer, election_current()) for s in d.stations.all()]


def _sos(chat_id, observer, update_id, note) -> None:
    stations = _stations(observer)
    sos_raise(
        observer=observer, client_id=_client_id("sos", update_id),
        election=election_current(), station=stations[0] if len(stations) == 1 else None,
        note=note,
    )  # fmt: skip
    client.send(chat_id, _("SOS sent to your region's coordinators and lawyers. Get to safety."))


def _incident(chat_id, observer, update_id, text) -> None:
    from amanat.incidents.models import Report
    from amanat.incidents.services import ReportInput, ReportInvalid, report_submit

    stations = _stations(observer)
    try:
        _report, code = report_submit(
            data=ReportInput(
                client_id=_client_id("incident", update_id),
                source=Report.Source.TELEGRAM, description=text, occurred_at=timezone.now(),
                station_number=stations[0].number if len(stations) == 1 else "",
                region_code="" if len(stations) == 1 else observer.region.code,
            ),
            reporter=observer.user,
        )  # fmt: skip
    except ReportInvalid as invalid:
        client.send(chat_id, "; ".join(invalid.errors.values()))
        return
    client.send(chat_id, _("Report received. Follow-up code: %(code)s") % {"code": code})


def _checkin(chat_id, observer, update_id) -> None:
    stations = _stations(observer)
    if len(stations) != 1:
        client.send(chat_id, _("Check in on the website: you have several stations or none."))
        return
    try:
        checkin_record(
            observer=observer, election=election_current(), station=stations[0],
            client_id=_client_id("checkin", update_id), channel="telegram",
        )  # fmt: skip
    except PresenceError as failure:
        client.send(chat_id, failure.message)
        return
    client.send(chat_id, _("Checked in at station %(number)s.") % {"number": stations[0].number})


def _start(chat_id, observer, form_code) -> None:
    stations = _stations(observer)
    if not stations or form_version_current(form_code) is None:
        client.send(chat_id, _("You are not deployed yet."))
        return
    TelegramConversation.objects.update_or_create(
        chat_id=chat_id,
        defaults={"form_code": form_code, "station_number": stations[0].number, "answers": {},
                  "position": 0, "client_id": uuid.uuid4()},
    )  # fmt: skip
    _ask(chat_id, observer)


def _questions(conversation: TelegramConversation) -> list[Question]:
    """The questions of the conversation's form; none once the form is withdrawn (inactive)."""
    version = form_version_current(conversation.form_code)
    return [] if version is None else list(version.questions.all())


def _expects_photo(chat_id) -> bool:
    conversation = TelegramConversation.objects.filter(chat_id=chat_id).first()
    if conversation is None or not conversation.form_code:
        return False
    questions = _questions(conversation)
    return (
        conversation.position < len(questions)
        and questions[conversation.position].kind == Question.Kind.PHOTO
    )


def _answer_photo(chat_id, observer, message: dict) -> None:
    """The photo answers the question asked: stored first, the answer is its SHA-256."""
    try:
        photo = checklist_photo_store(
            observer=observer, name="telegram.jpg", content=client.photo(message)
        )
    except PhotoRejected as rejected:
        client.send(chat_id, rejected.message)
        return _ask(chat_id, observer)
    return _answer(chat_id, observer, photo.sha256)


def _ask(chat_id, observer) -> None:
    conversation = TelegramConversation.objects.get(chat_id=chat_id)
    questions = _questions(conversation)
    if conversation.position >= len(questions):
        return _finish(chat_id, observer, conversation)
    question = questions[conversation.position]
    label = f"{question.code}. {question.text}"
    if question.kind == Question.Kind.YES_NO:
        client.send(chat_id, label, [[(_("yes"), f"ans:{question.code}:1"),
                                      (_("no"), f"ans:{question.code}:2")]])  # fmt: skip
    elif question.kind == Question.Kind.SINGLE:
        lang = translation.get_language()[:2]
        rows = [[(c["label"].get(lang, c["label"]["ru"]), f"ans:{question.code}:{c['value']}")]
                for c in question.choices]  # fmt: skip
        client.send(chat_id, label, rows)
    elif question.kind == Question.Kind.PHOTO:
        client.send(chat_id, label + "\n" + _("Send a photo."),
                    [[(_("Skip"), f"skip:{question.code}")]])  # fmt: skip
    else:
        client.send(chat_id, label + "\n" + _("Type the answer."))


def _answer(chat_id, observer, raw: str) -> None:
    conversation = TelegramConversation.objects.filter(chat_id=chat_id).first()
    if conversation is None or not conversation.form_code:
        client.send(chat_id, _("Send /report to start a checklist."))
        return
    questions = _questions(conversation)
    if conversation.position >= len(questions):  # the form was withdrawn meanwhile
        return _finish(chat_id, observer, conversation)
    question = questions[conversation.position]
    value: object = raw.strip()
    if question.kind == Question.Kind.YES_NO:
        value = {"1": True, "2": False}.get(raw)
    elif question.kind in (Question.Kind.INTEGER, Question.Kind.SINGLE):
        value = int(raw) if raw.strip().isdecimal() else None
    elif question.kind == Question.Kind.PHOTO:
        value = raw if SHA256.match(raw) else None  # set by _answer_photo, not typed
    if value is None:
        client.send(chat_id, _("Please answer with the buttons or a number."))
        return _ask(chat_id, observer)
    conversation.answers[question.code] = value
    conversation.position += 1
    conversation.save(update_fields=["answers", "position", "updated_at"])
    return _ask(chat_id, observer)


def _skip(chat_id, observer, code: str) -> None:
    """Leave a question unanswered (a photo that cannot be taken); only the one being asked."""
    conversation = TelegramConversation.objects.filter(chat_id=chat_id).first()
    if conversation is None or not conversation.form_code:
        client.send(chat_id, _("Send /report to start a checklist."))
        return
    questions = _questions(conversation)
    if conversation.position < len(questions) and questions[conversation.position].code == code:
        conversation.position += 1
        conversation.save(update_fields=["position", "updated_at"])
    return _ask(chat_id, observer)


def _finish(chat_id, observer, conversation) -> None:
    try:
        submission_receive(
            client_id=conversation.client_id, form_code=conversation.form_code,
            station_number=conversation.station_number, observer=observer,
            election=election_current(), answers=conversation.answers, channel="telegram",
            raw={"answers": conversation.answers},
        )  # fmt: skip
    except SubmissionInvalid as invalid:
        problems = "; ".join(f"{e.field}: {e.message.rstrip('.')}" for e in invalid.errors)
        client.send(chat_id, _("Not accepted: %(problems)s. Send /report to start again.")
                    % {"problems": problems})  # fmt: skip
        return
    done = _("Accepted %(form)s %(station)s. Thank you.") % {
        "form": conversation.form_code,
        "station": conversation.station_number,
    }
    conversation.form_code = ""
    conversation.save(update_fields=["form_code", "updated_at"])
    client.send(chat_id, done)
