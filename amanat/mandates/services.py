"""Writes of mandates: writing one, supporting it once, merging duplicates."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.elections.models import Contest, Election
from amanat.geography.models import District, Region

from .models import Answer, Mandate, Sighting, Support
from .selectors import mandate_supporters, person_confirmed


class NotConfirmed(Exception):
    """Only a person whose phone or e-mail is confirmed writes or supports mandates."""


class ClientIdTaken(Exception):
    """The client_id names another person's mandate: their mandate is not returned."""


class MergeRefused(Exception):
    """A mandate is merged into another open one, never into itself."""


def _clean(text: str, limit: int) -> str:
    return text.replace("\x00", "").strip()[:limit]


@dataclass(frozen=True)
class MandateInput:
    title: str
    text: str
    topic: str
    region: Region
    district: District | None = None
    election: Election | None = None
    contest: Contest | None = None
    client_id: uuid.UUID | None = None


def mandate_write(
    *, author: User, data: MandateInput, request: HttpRequest | None = None
) -> tuple[Mandate, bool]:
    """(the mandate, created?). The same client_id again from the same author gives the
    mandate it made (from anyone else: ClientIdTaken); the author supports their mandate."""
    if not person_confirmed(author):
        raise NotConfirmed
    client_id = data.client_id or uuid.uuid4()
    existing = _made_with(client_id, author)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            mandate = Mandate.objects.create(
                client_id=client_id, title=_clean(data.title, 200), text=_clean(data.text, 5000),
                topic=data.topic, region=data.region, district=data.district,
                election=data.election, contest=data.contest,
            )  # fmt: skip
            mandate.authors.add(author)
            Support.objects.create(mandate=mandate, user=author)
            Sighting.objects.create(mandate=mandate, user=author)
            audit_record(action="mandates.written", actor=author, obj=mandate, request=request)
    except IntegrityError:  # the same client_id sent twice at once
        made = _made_with(client_id, author)
        if made is None:
            raise
        return made, False
    return mandate, True


def _made_with(client_id: uuid.UUID, author: User) -> Mandate | None:
    """The mandate the author made with this client_id; ClientIdTaken if someone else did."""
    existing = Mandate.objects.filter(client_id=client_id).first()
    if existing is not None and not existing.authors.filter(pk=author.pk).exists():
        raise ClientIdTaken
    return existing


def mandate_seen(*, mandate: Mandate, user: User) -> None:
    """A confirmed person opened the mandate (the denominator of the ranking)."""
    if person_confirmed(user):
        Sighting.objects.get_or_create(mandate=mandate, user=user)


def mandate_support(*, mandate: Mandate, user: User) -> int:
    """Support once: a second support changes nothing. Supporting a merged mandate supports
    the one it was merged into. Returns the number of distinct supporters."""
    if not person_confirmed(user):
        raise NotConfirmed
    target = mandate.merged_into or mandate
    with transaction.atomic():
        Support.objects.get_or_create(mandate=target, user=user)
        Sighting.objects.get_or_create(mandate=target, user=user)
    return mandate_supporters(target)


def mandate_merge(
    *, duplicate: Mandate, keeper: Mandate, moderator: User, request: HttpRequest | None = None
) -> Mandate:
    """Merge `duplicate` into `keeper`: every author stays an author, every supporter supports
    the keeper once (a person who supported both counts once: distinct, never the sum)."""
    with transaction.atomic():
        locked = {m.pk: m for m in Mandate.objects.select_for_update().filter(
            pk__in=[duplicate.pk, keeper.pk])}  # fmt: skip
        duplicate, keeper = locked[duplicate.pk], locked[keeper.pk]
        if duplicate.pk == keeper.pk or duplicate.merged_into_id or keeper.merged_into_id:
            raise MergeRefused
        keeper.authors.add(*duplicate.authors.all())
        for model in (Support, Sighting):
            already = model.objects.filter(mandate=keeper).values_list("user_id", flat=True)
            moving = model.objects.filter(mandate=duplicate).exclude(user_id__in=already)
            moving.update(mandate=keeper)
            model.objects.filter(mandate=duplicate).delete()
        _answers_move(duplicate, keeper)
        Mandate.objects.filter(merged_into=duplicate).update(merged_into=keeper)
        duplicate.merged_into = keeper
        duplicate.save(update_fields=["merged_into"])
        audit_record(
            action="mandates.merged", actor=moderator, obj=keeper, request=request,
            data={"duplicate": duplicate.pk},
        )  # fmt: skip
    return keeper


def _answers_move(duplicate: Mandate, keeper: Mandate) -> None:
    """A candidate who answered the duplicate but not the keeper keeps that answer (with its
    history) on the keeper; where the candidate answered both, the keeper's answer stands."""
    answered = Answer.objects.filter(mandate=keeper, is_current=True).values("candidate")
    Answer.objects.filter(mandate=duplicate).exclude(candidate__in=answered).update(mandate=keeper)
