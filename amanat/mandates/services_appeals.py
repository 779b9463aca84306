"""Writes of appeals to state bodies: writing one, filing it (the due date follows), the body's
extension, the answer the citizen records, and asking once after the due date."""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.elections.models import Election
from amanat.legal import appeals as law
from amanat.legal.stages import stages_compute
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send

from .models import Appeal, Mandate, Promise, StateBody
from .selectors_appeals import appeals_overdue

OLDEST_FILING_DAYS = 366  # a filing date further back is a typo, not a record


class AppealRefused(Exception):
    """The change is not possible; the message says why, in the user's language."""


def _clean(text: str, limit: int) -> str:
    return text.replace("\x00", "").strip()[:limit]


def election_period(election: Election) -> tuple[date, date]:
    """The campaign period of an election: from its first stage (the nomination, which opens
    once the election is called) to its last (the publication of the results). The stages
    the admins keep for it, else the ones the law gives from its election day."""
    stages = [(s.starts, s.ends) for s in election.stages.all()] or [
        (s.starts, s.ends)
        for s in stages_compute(election_type=election.type,
                                election_day=election.election_day, timezone=election.timezone)
    ]  # fmt: skip
    start = min(starts for starts, _ends in stages)
    end = max(ends for _starts, ends in stages)
    return timezone.localdate(start), timezone.localdate(end)


def election_open(appeal: Appeal, day: date) -> Election | None:
    """The election whose campaign period is open on `day` that the appeal concerns: its
    mandate's election, or (no mandate's election) any published one."""
    mandate_election = appeal.mandate.election if appeal.mandate is not None else None
    candidates: list[Election]
    if mandate_election is not None:
        candidates = [mandate_election]
    else:  # no stage runs past E+10, none starts before E-60 (amanat.legal.stages)
        near = (day - timedelta(days=30), day + timedelta(days=90))
        candidates = list(Election.objects.filter(is_published=True, election_day__range=near))
    for election in candidates:
        start, end = election_period(election)
        if start <= day <= end:
            return election
    return None


def basis_for(body: StateBody, election: Election | None) -> str:
    """An election commission answers under the election law's five days while the election
    the appeal concerns runs (from its calling to its results), and like every other body
    under the Administrative Procedural Code otherwise (amanat.legal.appeals says what is not
    verified)."""
    if body.kind == StateBody.Kind.ELECTION_COMMISSION and election is not None:
        return Appeal.Basis.ELECTIONS
    return Appeal.Basis.ADMINISTRATIVE


@dataclass(frozen=True)
class AppealInput:
    body: StateBody
    topic: str
    subject: str
    text: str
    language: str
    applicant_name: str
    applicant_contact: str  # the postal address
    mandate: Mandate | None = None
    promise: Promise | None = None
    client_id: uuid.UUID | None = None
    applicant_phone: str = ""


def appeal_write(
    *, author: User, data: AppealInput, request: HttpRequest | None = None
) -> tuple[Appeal, bool]:
    """(the appeal, created?). The same client_id again gives the appeal it made."""
    client_id = data.client_id or uuid.uuid4()
    existing = Appeal.objects.filter(client_id=client_id, author=author).first()
    if existing is not None:
        return existing, False
    mandate = data.mandate or (data.promise.mandate if data.promise else None)
    try:
        with transaction.atomic():
            appeal = Appeal.objects.create(
                client_id=client_id, author=author, body=data.body, mandate=mandate,
                promise=data.promise, topic=data.topic, subject=_clean(data.subject, 200),
                text=_clean(data.text, 5000), language=data.language,
                basis=Appeal.Basis.ADMINISTRATIVE,
                applicant_name=_clean(data.applicant_name, 200),
                applicant_contact=_clean(data.applicant_contact, 300),
                applicant_phone=_clean(data.applicant_phone, 30),
            )  # fmt: skip
            # a draft's basis as of today; filing sets it from the day the body receives it
            appeal.basis = basis_for(data.body, election_open(appeal, timezone.localdate()))
            appeal.save(update_fields=["basis"])
            audit_record(action="mandates.appeal_written", actor=author, obj=appeal,
                         request=request)  # fmt: skip
    except IntegrityError:  # the same client_id sent twice at once
        return Appeal.objects.get(client_id=client_id, author=author), False
    return appeal, True


def appeal_file(
    *, appeal: Appeal, filed_on: date, filed_via: str, registration_number: str = "",
    received_on: date | None = None, request: HttpRequest | None = None,
) -> Appeal:  # fmt: skip
    """The citizen filed it: on this day, this way. The due date follows from the basis and
    the day the body received it (Code art. 76): the filing day online or in person; by post,
    the day the citizen enters (none yet: no due date, out of the overdue list and the
    figures). A correction moves it (and drops an extension counted from the old date)."""
    today = timezone.localdate()
    if filed_on > today:
        raise AppealRefused(_("The filing date cannot be in the future."))
    if filed_on < today - timedelta(days=OLDEST_FILING_DAYS):
        raise AppealRefused(_("The filing date is more than a year ago: check the year."))
    if filed_via != Appeal.Via.POST:
        received_on = filed_on
    elif received_on is not None and not filed_on <= received_on <= today:
        raise AppealRefused(_("The day the body received it must be between the filing date "
                              "and today."))  # fmt: skip
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.outcome:
            raise AppealRefused(_("The answer is already recorded; the filing is kept as it was."))
        appeal.filed_on, appeal.filed_via = filed_on, filed_via
        appeal.received_on = received_on
        appeal.registration_number = _clean(registration_number, 50)
        election = election_open(appeal, received_on or filed_on)
        appeal.basis = basis_for(appeal.body, election)
        appeal.due_on = (
            law.answer_due(
                basis=appeal.basis, filed_on=received_on,
                election_day=election.election_day if election else None,
            )
            if received_on is not None
            else None
        )  # fmt: skip
        appeal.extended_to = appeal.extension_notice_on = None
        appeal.save()
        audit_record(action="mandates.appeal_filed", obj=appeal, request=request,
                     actor=appeal.author, data={"filed_on": filed_on.isoformat()})  # fmt: skip
    return appeal


def appeal_extend(
    *, appeal: Appeal, extended_to: date, notice_on: date, request: HttpRequest | None = None
) -> Appeal:
    """The body extended the term (Code art. 76: up to two months, with notice)."""
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        _check_extension(appeal, extended_to, notice_on)
        appeal.extended_to, appeal.extension_notice_on = extended_to, notice_on
        appeal.save(update_fields=["extended_to", "extension_notice_on"])
        audit_record(
            action="mandates.appeal_extended", obj=appeal, request=request, actor=appeal.author,
            data={"extended_to": extended_to.isoformat()},
        )  # fmt: skip
    return appeal


def _check_extension(appeal: Appeal, extended_to: date, notice_on: date) -> None:
    if appeal.filed_on is None:
        raise AppealRefused(_("Record when you filed the appeal first."))
    if appeal.due_on is None:
        raise AppealRefused(_("Enter the day the body received the appeal first."))
    if appeal.basis != Appeal.Basis.ADMINISTRATIVE:
        raise AppealRefused(_("An election commission's term cannot be extended."))
    if extended_to <= appeal.due_on:
        raise AppealRefused(_("The new due date must be after the first one."))
    limit = law.extension_limit(law.received_on(appeal.received_on or appeal.filed_on))
    if extended_to > limit:
        raise AppealRefused(
            _("The law allows an extension up to two months in all, to %(date)s at the latest.")
            % {"date": date_format(limit, "j E Y")}
        )
    if not appeal.filed_on <= notice_on <= timezone.localdate():
        raise AppealRefused(_("The notice's date must be between the filing date and today."))
    if notice_on > appeal.due_on:
        # Code art. 76: the applicant is told within the term; a notice after the due date
        # does not undo the overdue (conservative: the notice day is at most the due date).
        raise AppealRefused(
            _("A notice dated after the due date (%(date)s) does not extend the term: the body "
              "had to tell you within the term.") % {"date": date_format(appeal.due_on, "j E Y")}
        )  # fmt: skip


def appeal_answer(
    *, appeal: Appeal, outcome: str, answered_on: date | None,
    request: HttpRequest | None = None,
) -> Appeal:  # fmt: skip
    """The citizen records what came: a real answer, a formal reply (with its date), or that
    nothing came. A later record replaces an earlier one (a late answer can still arrive)."""
    if appeal.filed_on is None:
        raise AppealRefused(_("Record when you filed the appeal first."))
    if outcome == Appeal.Outcome.NONE:
        answered_on = None
    elif answered_on is None:
        raise AppealRefused(_("Give the date of the answer."))
    elif not appeal.filed_on <= answered_on <= timezone.localdate():
        raise AppealRefused(_("The answer's date must be between the filing date and today."))
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        appeal.outcome, appeal.answered_on = outcome, answered_on
        appeal.save(update_fields=["outcome", "answered_on"])
        audit_record(action="mandates.appeal_answered", obj=appeal, request=request,
                     actor=appeal.author, data={"outcome": outcome})  # fmt: skip
    return appeal


def _ask_message(appeal: Appeal) -> Message:
    due = appeal.due_by or timezone.localdate()  # filed: due_on is set
    return Message(
        kind="appeal_due",
        subject=_("Did %(body)s answer your appeal?") % {"body": appeal.body},
        body=_(
            "Your appeal “%(subject)s” was to be answered by %(date)s. Tell us whether a real "
            "answer came, a formal reply, or nothing: it counts on the body's public page."
        )
        % {"subject": appeal.subject, "date": date_format(due, "j E Y")},
        url=reverse("mandates:appeal_report", args=[appeal.pk]),
    )


def appeals_ask_overdue(*, today: date | None = None) -> int:
    """Each filed appeal past its due date with nothing recorded: its author is asked once
    (asked_at, and the message's key) whether a real answer came. Returns how many asked."""
    today = today or timezone.localdate()
    asked = 0
    waiting = appeals_overdue(today=today).filter(outcome="", asked_at__isnull=True)
    for appeal in waiting.select_related("author", "body"):
        with transaction.atomic():
            claimed = Appeal.objects.filter(pk=appeal.pk, asked_at__isnull=True).update(
                asked_at=timezone.now()
            )
            if not claimed:  # another run asked first
                continue
            message_send(users=[appeal.author], message=partial(_ask_message, appeal),
                         key=f"appeal-due:{appeal.pk}")  # fmt: skip
        asked += 1
    return asked
