"""Writes of media monitoring: items, each monitor's coding of them, double coding, funds."""

import math
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.audit.services import audit_record
from amanat.elections.models import Candidate, Election, Party

from .models import Appearance, Coding, FundDeclaration, Item, MonitoringPeriod, Outlet


class CodingError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class AppearanceInput:
    subject_kind: str
    candidate: Candidate | None
    party: Party | None
    official: str
    voice: str
    role: str
    topic: str
    amount: int
    tone: int


def item_create(
    *, period: MonitoringPeriod, outlet: Outlet, date: date, title: str, coder: User
) -> Item:
    return Item.objects.create(period=period, outlet=outlet, date=date, title=title, coder=coder)


def _queue_check(item: Item, coder: User) -> None:
    from django.utils.translation import gettext as _

    if coder.pk not in (item.coder_id, item.second_coder_id):
        raise CodingError(_("This item is not in your queue."))


def _coding_of(item: Item, coder: User) -> Coding:
    from django.utils.translation import gettext as _

    _queue_check(item, coder)
    coding = Coding.objects.select_for_update().filter(item=item, coder=coder).first()
    if coding is None:
        raise CodingError(_("Choose the genre of the item first."))
    return coding


@transaction.atomic
def coding_genre_set(*, item: Item, coder: User, genre: str) -> Coding:
    _queue_check(item, coder)
    coding, created = Coding.objects.get_or_create(
        item=item, coder=coder, defaults={"genre": genre}
    )
    if not created and coding.genre != genre:
        coding.genre = genre
        coding.save(update_fields=["genre"])
    return coding


@transaction.atomic
def appearance_add(*, item: Item, coder: User, data: AppearanceInput) -> Appearance:
    """The next appearance of the monitor's coding of the item, numbered in order."""
    coding = _coding_of(item, coder)  # locked: two quick saves never take one number
    last = coding.appearances.aggregate(last=Max("position"))["last"] or 0
    return Appearance.objects.create(
        coding=coding,
        position=last + 1,
        subject_kind=data.subject_kind,
        candidate=data.candidate if data.subject_kind == Appearance.SubjectKind.CANDIDATE else None,
        party=data.party if data.subject_kind == Appearance.SubjectKind.PARTY else None,
        official=data.official if data.subject_kind == Appearance.SubjectKind.OFFICIAL else "",
        voice=data.voice,
        role=data.role,
        topic=data.topic,
        amount=data.amount,
        tone=data.tone,
    )


@transaction.atomic
def appearance_remove_last(*, item: Item, coder: User) -> int:
    """Removes the monitor's last appearance of the item; the number removed (0 or 1)."""
    coding = _coding_of(item, coder)
    last = coding.appearances.order_by("-position").first()
    if last is None:
        return 0
    last.delete()
    return 1


@transaction.atomic
def coding_complete(*, item: Item, coder: User) -> Coding:
    coding = _coding_of(item, coder)
    coding.completed_at = timezone.now()
    coding.save(update_fields=["completed_at"])
    return coding


def media_monitors() -> list[User]:
    return list(User.objects.filter(role=Role.MEDIA_MONITOR, is_active=True).order_by("pk"))


@transaction.atomic
def double_coding_assign(
    *, period: MonitoringPeriod, share: float, actor: User, seed: int | None = None
) -> int:
    """Gives a random `share` (0..1] of the period's coded items, not double-coded yet, to a
    second monitor other than the first, in turn; the number of items assigned."""
    coded = Coding.objects.filter(
        item=OuterRef("pk"), coder=OuterRef("coder"), completed_at__isnull=False
    )
    candidates = list(
        Item.objects.select_for_update()
        .filter(Exists(coded), period=period, second_coder__isnull=True)
        .order_by("pk")
    )
    monitors = media_monitors()
    chosen = random.Random(seed).sample(candidates, math.ceil(len(candidates) * share))  # noqa: S311 - a sample, not a secret
    assigned = 0
    for turn, item in enumerate(sorted(chosen, key=lambda i: i.pk)):
        others = [m for m in monitors if m.pk != item.coder_id]
        if not others:
            continue
        item.second_coder = others[turn % len(others)]
        item.save(update_fields=["second_coder"])
        assigned += 1
    audit_record(
        action="media.double_coding_assigned",
        actor=actor,
        obj=period,
        data={"share": share, "items": assigned},
    )
    return assigned


@transaction.atomic
def fund_declare(
    *,
    election: Election,
    candidate: Candidate,
    amount: Decimal,
    declared_on: date,
    source: str,
    actor: User,
) -> FundDeclaration:
    declaration = FundDeclaration.objects.create(
        election=election, candidate=candidate, amount=amount, declared_on=declared_on,
        source=source,
    )  # fmt: skip
    audit_record(action="media.fund_declared", actor=actor, obj=declaration,
                 data={"amount": str(amount)})  # fmt: skip
    return declaration
