"""Applications: submission, vetting by the region's coordinators, the observer's account."""

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.accounts.selectors import phone_normalise
from amanat.accounts.services import digest_credential_set
from amanat.audit.services import audit_record
from amanat.core.codes import code_hash
from amanat.geography.models import District, Region
from amanat.notifications.senders import Message
from amanat.notifications.services import email_to_address

from ..models import Accreditation, Application, Availability, Language, Observer
from ..pledge import PLEDGE_VERSION


class ApplicationInvalid(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass
class ApplicationInput:
    client_id: uuid.UUID
    full_name: str
    phone: str
    region: Region | None
    email: str = ""
    district: District | None = None
    languages: list[str] = field(default_factory=list)
    availability: list[str] = field(default_factory=list)
    experience: str = ""
    has_conflict: bool = False
    conflict_details: str = ""
    consent: bool = False
    pledge: bool = False


def follow_up_code(client_id: uuid.UUID) -> str:
    """The applicant's secret code, derived from the form's id: a resent form shows the same
    code, and only its hash is stored."""
    digest = hmac.new(settings.SECRET_KEY.encode(), client_id.bytes, hashlib.sha256).digest()
    raw = base64.b32encode(digest).decode()[:12]
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _validate(data: ApplicationInput) -> dict[str, str]:
    errors = {}
    if len(data.full_name.split()) < 2:
        errors["full_name"] = _("Write your first name and surname.")
    if phone_normalise(data.phone) is None:
        errors["phone"] = _("This is not a phone number we can call, e.g. +7 701 123 45 67.")
    if data.region is None:
        errors["region"] = _("Choose your region.")
    elif data.district is not None and data.district.region_id != data.region.pk:
        errors["district"] = _("This district is not in the region you chose.")
    if not data.languages or not set(data.languages) <= set(Language.values):
        errors["languages"] = _("Choose at least one language.")
    if not data.availability or not set(data.availability) <= set(Availability.values):
        errors["availability"] = _("Choose when you can observe.")
    if data.has_conflict and not data.conflict_details.strip():
        errors["conflict_details"] = _("Describe the conflict of interest.")
    if not data.consent:
        errors["consent"] = _("We cannot process an application without your consent.")
    if not data.pledge:
        errors["pledge"] = _("Observers must accept the code of conduct.")
    return errors


def application_submit(*, data: ApplicationInput) -> tuple[Application, str]:
    """Store an application once per form (client id); return it with the follow-up code."""
    code = follow_up_code(data.client_id)
    existing = Application.objects.filter(client_id=data.client_id).first()
    if existing is not None:
        return existing, code
    errors = _validate(data)
    phone, region = phone_normalise(data.phone), data.region
    if errors or phone is None or region is None:  # _validate names both when missing
        raise ApplicationInvalid(errors)
    now = timezone.now()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                client_id=data.client_id,
                full_name=" ".join(data.full_name.split()),
                phone=phone,
                email=data.email.strip().lower(),
                region=region,
                district=data.district,
                languages=sorted(set(data.languages)),
                availability=sorted(set(data.availability)),
                experience=data.experience.strip(),
                has_conflict=data.has_conflict,
                conflict_details=data.conflict_details.strip(),
                consent_at=now,
                pledge_version=PLEDGE_VERSION,
                pledge_accepted_at=now,
                follow_up_hash=code_hash(code),
            )
            audit_record(action="observers.application_submitted", obj=application)
    except IntegrityError:
        application = Application.objects.get(client_id=data.client_id)
    return application, code


def application_by_code(code: str) -> Application | None:
    return Application.objects.filter(follow_up_hash=code_hash(code)).first()


class ReviewError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def application_review(
    *, application: Application, reviewer: User, decision: str, note: str = ""
) -> Application:
    """Approve, reject (with a reason) or ask for more information; the applicant is told."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status == Application.Status.APPROVED:
        raise ReviewError(_("This application is already approved."))
    if decision in ("reject", "needs_info") and not note.strip():
        raise ReviewError(_("Write the reason: the applicant will read it."))
    application.status = {
        "approve": Application.Status.APPROVED,
        "reject": Application.Status.REJECTED,
        "needs_info": Application.Status.NEEDS_INFO,
    }[decision]
    application.reviewed_by, application.reviewed_at = reviewer, timezone.now()
    application.decision_note = note.strip()
    if decision == "approve":
        application.user = _observer_create(application)
    application.save()
    audit_record(
        action=f"observers.application_{decision}",
        actor=reviewer,
        obj=application,
        data={"note": application.decision_note},
    )
    transaction.on_commit(lambda: _tell_applicant(application))
    return application


def _observer_create(application: Application) -> User:
    user = User(
        username=f"obs{application.pk:05d}",
        role=Role.OBSERVER,
        email=application.email,
        phone=application.phone,
        first_name=application.full_name.split()[0],
        last_name=" ".join(application.full_name.split()[1:]),
    )
    user.set_unusable_password()
    user.save()
    user.regions.set([application.region])
    Observer.objects.create(
        user=user,
        region=application.region,
        district=application.district,
        languages=application.languages,
    )
    return user


def _tell_applicant(application: Application) -> None:
    if not application.email:
        return  # they follow the status page with their code
    subject = _("Your application to observe: %(status)s") % {
        "status": application.get_status_display()
    }
    body = application.decision_note or _("Open the status page with your code to continue.")
    message = Message(kind="application", subject=subject, body=body)
    email_to_address(address=application.email, message=message)


def application_reply(*, application: Application, reply: str) -> Application:
    if application.status != Application.Status.NEEDS_INFO:
        raise ReviewError(_("No information was requested."))
    if not reply.strip():
        raise ReviewError(_("Write your answer."))
    application.applicant_reply = reply.strip()
    application.status = Application.Status.SUBMITTED
    application.save(update_fields=["applicant_reply", "status"])
    return application


def observer_account_activate(*, application: Application, password: str) -> User:
    """The approved applicant sets the password of their new account, once."""
    user = application.user
    if application.status != Application.Status.APPROVED or user is None:
        raise ReviewError(_("The application is not approved yet."))
    if user.has_usable_password():
        raise ReviewError(_("The account is already active: sign in."))
    try:
        validate_password(password, user)
    except ValidationError as invalid:
        raise ReviewError(" ".join(invalid.messages)) from None
    user.set_password(password)
    user.save(update_fields=["password"])
    digest_credential_set(user=user, password=password)
    audit_record(action="accounts.account_activated", actor=user, obj=user)
    return user


def accreditation_add(
    *,
    observer: Observer,
    organisation: str,
    document_number: str,
    valid_from: date,
    actor: User | None,
    valid_until: date | None = None,
) -> Accreditation:
    """Record the accreditation an observer works under. In Kazakhstan the sending
    organisation's accreditation is valid for one year, the default end of the period."""
    if valid_until is None:
        try:
            valid_until = valid_from.replace(year=valid_from.year + 1)
        except ValueError:  # 29 February
            valid_until = valid_from.replace(year=valid_from.year + 1, day=28)
    if valid_until < valid_from:
        raise ReviewError(_("The accreditation cannot end before it starts."))
    accreditation = Accreditation.objects.create(
        observer=observer,
        organisation=organisation.strip(),
        document_number=document_number.strip(),
        valid_from=valid_from,
        valid_until=valid_until,
    )
    audit_record(action="observers.accreditation_added", actor=actor, obj=accreditation)
    return accreditation
