"""Writes for voter information: the computed calendar, reminders, guides."""

import logging
import tomllib
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from amanat.core.textsearch import fold
from amanat.elections.models import Election, ElectionStage
from amanat.legal.stages import stages_compute

from .models import GUIDE_FTS_TABLE, Guide, ReminderSent, ReminderSubscription

log = logging.getLogger(__name__)
CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGS = ("kk", "ru", "en")


def election_stages_generate(*, election: Election, overwrite: bool = False) -> int:
    """Create the election's stages from the law's rules. Stages staff have edited (an early
    election's decree dates) are kept unless `overwrite`."""
    created = 0
    for stage in stages_compute(
        election_type=election.type,
        election_day=election.election_day,
        timezone=election.timezone,
    ):
        values = {
            "starts": stage.starts,
            "ends": stage.ends,
            **{f"name_{lang}": stage.names[lang] for lang in LANGS},
            **{f"legal_basis_{lang}": stage.legal_basis[lang] for lang in LANGS},
        }
        if overwrite:
            _row, new = ElectionStage.objects.update_or_create(
                election=election, code=stage.code, defaults=values
            )
        else:
            _row, new = ElectionStage.objects.get_or_create(
                election=election, code=stage.code, defaults=values
            )
        created += new
    return created


def reminder_subscribe(*, email: str, election: Election, language: str) -> ReminderSubscription:
    subscription, _created = ReminderSubscription.objects.update_or_create(
        email=email.strip().lower(),
        election=election,
        defaults={"language": language, "unsubscribed_at": None},
    )
    return subscription


def reminder_unsubscribe(*, token: uuid.UUID | str) -> ReminderSubscription | None:
    from django.utils import timezone

    subscription = ReminderSubscription.objects.filter(token=token).first()
    if subscription is not None and subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


def reminders_send(*, now: datetime, ahead: timedelta = timedelta(hours=24)) -> int:
    """E-mail each subscriber once about every stage that starts within `ahead`. Safe to run
    every few minutes: a reminder already sent is never sent again."""
    sent = 0
    stages = ElectionStage.objects.filter(starts__gt=now, starts__lte=now + ahead)
    for stage in stages.select_related("election"):
        subscriptions = ReminderSubscription.objects.filter(
            election=stage.election, unsubscribed_at__isnull=True
        ).exclude(remindersent__stage=stage)
        for subscription in subscriptions:
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(subscription=subscription, stage=stage)
                    _reminder_mail(subscription, stage)
                sent += 1
            except IntegrityError:
                continue  # another run sent it
    return sent


def _reminder_mail(subscription: ReminderSubscription, stage: ElectionStage) -> None:
    from django.utils import timezone

    with translation.override(subscription.language):
        starts = timezone.localtime(stage.starts).strftime("%d.%m.%Y %H:%M")
        subject = _("Soon: %(stage)s") % {"stage": stage.name}
        unsubscribe = settings.AMANAT_BASE_URL + reverse(
            "voterinfo:unsubscribe", kwargs={"token": subscription.token}
        )
        body = _("%(stage)s (%(election)s) starts on %(starts)s.") % {
            "stage": stage.name,
            "election": stage.election.name,
            "starts": starts,
        }
        body += "\n\n" + _("Stop these reminders: %(url)s") % {"url": unsubscribe}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [subscription.email])


def guide_search_text(guide: Guide) -> str:
    parts = [getattr(guide, f"{field}_{lang}") or "" for field in ("title", "summary", "body")
             for lang in LANGS]  # fmt: skip
    return fold(" ".join(parts))


def guide_save(*, guide: Guide) -> Guide:
    guide.search_text = guide_search_text(guide)
    with transaction.atomic():
        guide.save()
        guide_index(guide)
    return guide


def guide_index(guide: Guide) -> None:
    """Keep the guide's row of the SQLite full-text table in step with its search text."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {GUIDE_FTS_TABLE} WHERE rowid = %s", [guide.pk])  # noqa: S608
        cursor.execute(f"INSERT INTO {GUIDE_FTS_TABLE} (rowid, text) VALUES (%s, %s)",  # noqa: S608
                       [guide.pk, guide.search_text])  # fmt: skip


def guides_load(path: Path = CONTENT_DIR / "guides.toml") -> int:
    """The shipped guides (idempotent: keyed by slug)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for position, item in enumerate(data["guides"], start=1):
        guide = Guide.objects.filter(slug=item["slug"]).first() or Guide(slug=item["slug"])
        guide.category, guide.position = item["category"], position
        for field in ("title", "summary", "body"):
            for lang in LANGS:
                setattr(guide, f"{field}_{lang}", item[field][lang].strip())
        guide_save(guide=guide)
    return len(data["guides"])
