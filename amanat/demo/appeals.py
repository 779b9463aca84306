"""Appeals of the demo: a few state bodies, and appeals to them from the demo mandates by the
demo `citizen` and synthetic voters. The citizen's three tell the story of the deadlines: one
overdue (filed about 30 days ago, no answer), one answered on time, one extended. Idempotent:
the same client ids on every load, dates counted back from today."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.geography.models import Region
from amanat.mandates.models import Appeal, Mandate, StateBody
from amanat.mandates.services_appeals import (
    AppealInput,
    appeal_answer,
    appeal_extend,
    appeal_file,
    appeal_write,
)

from .story import demo_id

# (kind, region code or "", Kazakh name, Russian name, address)
BODIES = [
    ("akimat", "KZ-71", "Астана қаласының әкімдігі", "Акимат города Астаны",
     "Астана, Бейбітшілік көшесі, 11"),
    ("maslikhat", "KZ-75", "Алматы қалалық мәслихаты", "Маслихат города Алматы",
     "Алматы, Республика алаңы, 4"),
    ("akimat", "KZ-79", "Шымкент қаласының әкімдігі", "Акимат города Шымкента",
     "Шымкент, Тәуке хан даңғылы, 5"),
    ("ministry", "", "Қазақстан Республикасының Оқу-ағарту министрлігі",
     "Министерство просвещения Республики Казахстан", "Астана, Мәңгілік Ел даңғылы, 8"),
    ("election_commission", "", "Қазақстан Республикасының Орталық сайлау комиссиясы",
     "Центральная избирательная комиссия Республики Казахстан",
     "Астана, Мәңгілік Ел даңғылы, 4"),
]  # fmt: skip


def _bodies() -> list[StateBody]:
    regions = {r.code: r for r in Region.objects.filter(code__in=[b[1] for b in BODIES if b[1]])}
    bodies = []
    for kind, code, name_kk, name_ru, address in BODIES:
        body, _ = StateBody.objects.update_or_create(
            name_ru=name_ru,
            defaults={"kind": kind, "region": regions.get(code), "name_kk": name_kk,
                      "address": address},
        )  # fmt: skip
        bodies.append(body)
    return bodies


def _write(n: int, author: User, body: StateBody, mandate: Mandate, language: str) -> Appeal:
    appeal, _ = appeal_write(author=author, data=AppealInput(
        body=body, topic=mandate.topic, subject=mandate.title, text=mandate.text,
        language=language, mandate=mandate, client_id=demo_id("appeal", n),
        applicant_name=author.get_full_name() or author.username,
        applicant_contact=f"{author.username}@demo.amanat.invalid",
    ))  # fmt: skip
    return appeal


def _filed(appeal: Appeal, filed_on: date) -> Appeal:
    if appeal.filed_on is None:
        appeal = appeal_file(appeal=appeal, filed_on=filed_on, filed_via=Appeal.Via.E_OTINISH)
    return appeal


def _answered(appeal: Appeal, outcome: str, after_days: int | None = None) -> None:
    if appeal.outcome or appeal.filed_on is None:
        return
    answered_on = appeal.filed_on + timedelta(days=after_days) if after_days else None
    appeal_answer(appeal=appeal, outcome=outcome, answered_on=answered_on)


def _citizens_story(citizen: User, bodies: list[StateBody], mandates: list[Mandate]) -> None:
    today = timezone.localdate()
    astana, almaty, _shymkent, ministry, _cec = bodies
    overdue = _filed(_write(1, citizen, astana, mandates[0], "ru"), today - timedelta(days=30))
    if overdue.due_by is None or overdue.due_by >= today:  # a month of holidays: file earlier
        appeal_file(appeal=overdue, filed_on=today - timedelta(days=40), filed_via="e_otinish")
    on_time = _filed(_write(2, citizen, ministry, mandates[1], "kk"), today - timedelta(days=40))
    _answered(on_time, Appeal.Outcome.REAL, after_days=12)
    extended = _filed(_write(3, citizen, almaty, mandates[2], "ru"), today - timedelta(days=25))
    if extended.extended_to is None and extended.due_on is not None:
        notice = min(extended.due_on - timedelta(days=2), today)
        appeal_extend(appeal=extended, extended_to=extended.due_on + timedelta(days=20),
                      notice_on=notice)  # fmt: skip


# (days ago filed, outcome, days to the answer) for the synthetic voters' appeals
VOTERS_APPEALS = [
    (50, "real", 10), (45, "formal", 20), (60, "none", None), (35, "", None),
    (28, "real", 25), (20, "", None), (8, "", None), (70, "real", 30), (55, "formal", 14),
]  # fmt: skip


@transaction.atomic
def appeals_load(citizen: User, voters: list[User], mandates: list[Mandate]) -> int:
    """Returns the number of demo appeals."""
    bodies = _bodies()
    _citizens_story(citizen, bodies, mandates)
    today = timezone.localdate()
    for n, (ago, outcome, after) in enumerate(VOTERS_APPEALS, start=10):
        body = bodies[n % 4]  # not the commission: its five-day term is for the election period
        appeal = _filed(
            _write(n, voters[n % len(voters)], body, mandates[n], "ru" if n % 2 else "kk"),
            today - timedelta(days=ago),
        )
        if outcome:
            _answered(appeal, outcome, after)
    return Appeal.objects.filter(client_id__in=[demo_id("appeal", n) for n in range(1, 40)]).count()
