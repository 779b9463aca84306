"""Appeals of the demo: a few state bodies, and appeals to them from the demo mandates by the
demo `citizen` and synthetic voters. The citizen's three tell the story of the deadlines: one
overdue (filed about 30 days ago, no answer), one answered on time, one extended. Idempotent:
the same client ids on every load, dates counted back from today."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.geography.models import Region
from amanat.mandates.models import Appeal, Mandate, StateBody, Topic
from amanat.mandates.services_appeals import (
    AppealInput,
    appeal_answer,
    appeal_extend,
    appeal_file,
    appeal_write,
)

from .story import demo_id

ONE_DAY = timedelta(days=1)
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
        applicant_contact="Абай даңғылы, 10, 12-пәтер",  # a street every demo city has
    ))  # fmt: skip
    return appeal


def _filed(appeal: Appeal, filed_on: date | None) -> Appeal:
    if appeal.filed_on is None and filed_on is not None:
        appeal = appeal_file(appeal=appeal, filed_on=filed_on, filed_via=Appeal.Via.E_OTINISH)
    return appeal


def _answered(appeal: Appeal, outcome: str, after_days: int | None = None) -> None:
    if appeal.outcome or appeal.filed_on is None:
        return
    answered_on = appeal.filed_on + timedelta(days=after_days) if after_days else None
    if answered_on is not None and answered_on > timezone.localdate():
        return  # filed too recently for this answer: still waiting
    appeal_answer(appeal=appeal, outcome=outcome, answered_on=answered_on)


def _body_for(mandate: Mandate, bodies: list[StateBody]) -> StateBody | None:
    """The competent body for a mandate: schools go to the Ministry, election matters to the
    CEC, the rest to the body of the mandate's own city; never a body of another city (None
    where the demo has no body of that region)."""
    astana, almaty, shymkent, ministry, cec = bodies
    if mandate.topic == Topic.SCHOOLS:
        return ministry
    if "сайлау" in mandate.title.lower() or "выбор" in mandate.title.lower():
        return cec
    code = mandate.region.code if mandate.region else ""
    return {"KZ-71": astana, "KZ-75": almaty, "KZ-79": shymkent}.get(code)


def _filing_day(mandate: Mandate, days_ago: int) -> date | None:
    """`days_ago`, but never before the day after the mandate was written (None: too new)."""
    today = timezone.localdate()
    day = max(today - timedelta(days=days_ago), timezone.localdate(mandate.created_at) + ONE_DAY)
    return day if day <= today else None


def _first(mandates: list[Mandate], bodies: list[StateBody], body: StateBody, topic=None):
    return next(m for m in mandates if _body_for(m, bodies) == body
                and (topic is None or m.topic == topic))  # fmt: skip


def _citizens_story(citizen: User, bodies: list[StateBody], mandates: list[Mandate]) -> None:
    today = timezone.localdate()
    astana, almaty, _shymkent, ministry, _cec = bodies
    roads = _first(mandates, bodies, astana, Topic.ROADS)
    overdue = _write(1, citizen, astana, roads, "ru")
    if overdue.filed_on is None:
        overdue = _filed(overdue, _filing_day(roads, 30))
    if overdue.due_by is None or overdue.due_by >= today:  # a month of holidays: file earlier
        appeal_file(appeal=overdue, filed_on=_filing_day(roads, 40) or today,
                    filed_via="e_otinish")  # fmt: skip
    school = _first(mandates, bodies, ministry)
    on_time = _filed(_write(2, citizen, ministry, school, "kk"), _filing_day(school, 40))
    _answered(on_time, Appeal.Outcome.REAL, after_days=12)
    city = _first(mandates, bodies, almaty)
    extended = _filed(_write(3, citizen, almaty, city, "ru"), _filing_day(city, 25))
    if extended.extended_to is None and extended.due_on is not None:
        notice = min(extended.due_on - timedelta(days=2), today)
        appeal_extend(appeal=extended, extended_to=extended.due_on + timedelta(days=20),
                      notice_on=notice)  # fmt: skip


# (days ago filed, outcome, days to the answer) for the synthetic voters' appeals: at most
# 58 days back, within the life of the demo's mandates
VOTERS_APPEALS = [
    (50, "real", 10), (45, "formal", 20), (58, "none", None), (35, "", None),
    (28, "real", 25), (20, "", None), (8, "", None), (56, "real", 30), (55, "formal", 14),
]  # fmt: skip


@transaction.atomic
def appeals_load(citizen: User, voters: list[User], mandates: list[Mandate]) -> int:
    """Returns the number of demo appeals."""
    bodies = _bodies()
    # read again: the mandates' dates may have been set back after they were written
    fresh = Mandate.objects.select_related("region").in_bulk([m.pk for m in mandates])
    mandates = [fresh[m.pk] for m in mandates]
    _citizens_story(citizen, bodies, mandates)
    fitting = [m for m in mandates if _body_for(m, bodies) is not None]
    for n, (ago, outcome, after) in enumerate(VOTERS_APPEALS, start=10):
        mandate = fitting[(n * 7) % len(fitting)]
        body = _body_for(mandate, bodies)
        assert body is not None  # noqa: S101 - fitting has a body
        appeal = _filed(
            _write(n, voters[n % len(voters)], body, mandate, "ru" if n % 2 else "kk"),
            _filing_day(mandate, ago),
        )
        if outcome:
            _answered(appeal, outcome, after)
    return Appeal.objects.filter(client_id__in=[demo_id("appeal", n) for n in range(1, 40)]).count()
