"""Voters' mandates of the demo: the demo `citizen` is confirmed; about a hundred mandates in
four regions, written by confirmed demo voters, with supports, sightings (who opened them) and
a few near-duplicates for the moderator to merge."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.elections.models import Election
from amanat.geography.models import Region
from amanat.mandates.answers import answer_give
from amanat.mandates.models import (
    Answer,
    Confirmation,
    Mandate,
    Sighting,
    Support,
    TeamMember,
    Topic,
)
from amanat.mandates.services import MandateInput, mandate_write

from .appeals import appeals_load
from .story import demo_id

REGIONS = ["KZ-71", "KZ-75", "KZ-79", "KZ-35"]
# Accounts of the demo's voters and of a second candidate's team (none signs in).
SYNTHETIC_VOTER = "synthetic-voter-"
SECOND_TEAM = "synthetic-team-2"
VOTERS = 60
# (topic, title, text): kk and ru, as people write them.
PROBLEMS = [
    (Topic.ROADS, "Жолдарды жөндеу", "Көшедегі жолдар шұңқырға толы, көктемде су тұрады."),
    (Topic.ROADS, "Ремонт дорог во дворах", "Во дворах ямы, весной стоит вода."),
    (Topic.WATER, "Ауызсу құбырын тарту", "Ауылда таза ауызсу жоқ, суды алыстан тасимыз."),
    (Topic.WATER, "Отопление в старых домах", "Зимой в квартирах холодно, батареи еле тёплые."),
    (Topic.SCHOOLS, "Жаңа мектеп салу", "Мектеп үш ауысыммен оқытады, сыныптар толы."),
    (Topic.SCHOOLS, "Детский сад в микрорайоне", "Очередь в детский сад на три года вперёд."),
    (Topic.HEALTH, "Емханада дәрігер жетіспейді", "Дәрігерге жазылу екі аптаға созылады."),
    (Topic.HEALTH, "Скорая помощь едет час", "Скорая помощь в наш посёлок едет больше часа."),
    (Topic.ENVIRONMENT, "Қоқыс шығару", "Қоқыс жәшіктері аптасына бір рет қана босатылады."),
    (Topic.ENVIRONMENT, "Смог зимой", "Зимой над городом смог, дышать нечем."),
    (Topic.SAFETY, "Көше шамдары", "Кешке көшелер қараңғы, шамдар жанбайды."),
    (Topic.ROADS, "Автобус ходит редко", "Автобус до центра ходит раз в час, зимой люди мёрзнут."),
    (Topic.HOUSING, "Аварийный дом расселить", "Дом признан аварийным десять лет назад."),
    (Topic.JOBS, "Жастарға жұмыс орындары", "Жастар жұмыс таппай қалаға кетіп жатыр."),
    (Topic.GOVERNANCE, "Открытый бюджет акимата", "Публиковать расходы акимата по статьям."),
]  # fmt: skip
# Near-duplicates of the first problems: other endings, other words (for the moderator).
DUPLICATES = [
    (Topic.ROADS, "Жолды жөндеу керек", "Біздің көшедегі жолды жөндеу керек, шұңқыр көп."),
    (Topic.ROADS, "Отремонтировать дороги во дворе", "Во дворе ямы и лужи, нужен ремонт."),
    (Topic.WATER, "Ауыз су құбыры керек", "Ауылға ауыз су құбырын тартуды сұраймыз."),
    (Topic.SCHOOLS, "Построить детские сады", "Детских садов не хватает, очередь огромная."),
]  # fmt: skip
STREETS = ["Абай", "Сәтбаев", "Төле би"]


def _voters() -> list[User]:
    voters = []
    for n in range(1, VOTERS + 1):
        user, created = User.objects.get_or_create(
            username=f"{SYNTHETIC_VOTER}{n:03d}",
            defaults={"email": f"voter{n:03d}@demo.amanat.invalid", "first_name": "Сайлаушы"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        voters.append(user)
    return voters


def _confirm(users: list[User]) -> None:
    for user in users:
        Confirmation.objects.get_or_create(user=user, channel=Confirmation.Channel.EMAIL)


ANSWERS = [
    ("support", "Біз бұл талапты толық қолдаймыз: сайлансақ, бірінші жылы қаржы бөлінеді.",
     "Бірінші жылдың бюджетіне енгізу"),
    ("partly", "Частично поддерживаем: начнём с самых срочных адресов, остальное через два года.",
     ""),
    ("against", "Не поддерживаем: это вопрос республиканского бюджета, не местного.", ""),
]  # fmt: skip
COPY_PASTE = "Спасибо за обращение! Ваш наказ будет рассмотрен нашей командой."


def _answers(election: Election, mandates: list[Mandate]) -> None:
    """The demo `candidate_team` works for the first candidate and answers a third of the
    mandates (a few with the same copy-paste), a second team answers a few."""
    options = election.contests.get(code="president").options.filter(candidate__isnull=False)
    candidates = [o.candidate for o in options if o.candidate is not None]
    team = User.objects.get(username="candidate_team")
    second, _ = User.objects.get_or_create(
        username=SECOND_TEAM, defaults={"role": "candidate_team"}
    )
    for user, candidate in ((team, candidates[0]), (second, candidates[1])):
        TeamMember.objects.update_or_create(user=user, defaults={"candidate": candidate})
    for index, mandate in enumerate(mandates):
        for user, candidate, every in ((team, candidates[0], 3), (second, candidates[1], 7)):
            if index % every or Answer.objects.filter(mandate=mandate, candidate=candidate):
                continue
            if index % 15 == 0:
                position, text, commitment = "partly", COPY_PASTE, ""
            else:
                position, text, commitment = ANSWERS[index % len(ANSWERS)]
                text = f"{mandate.title}. {text}"
            answer_give(user=user, mandate=mandate, position=position, text=text,
                        commitment=commitment)  # fmt: skip


@transaction.atomic
def mandates_load(election: Election) -> int:
    """Idempotent: the same client ids, supports and sightings on every load."""
    citizen = User.objects.get(username="citizen")
    voters = _voters()
    _confirm([citizen, *voters])
    regions = {r.code: r for r in Region.objects.filter(code__in=REGIONS)}
    rng = random.Random(20)  # noqa: S311 - demo data, not security
    mandates: list[Mandate] = []
    plan = [(code, problem) for code in REGIONS for problem in PROBLEMS]
    plan += [(code, problem) for code in REGIONS for problem in DUPLICATES]
    plan += [
        (code, (topic, f"{title}: {street}", text))
        for code in REGIONS for street in STREETS for topic, title, text in PROBLEMS[:2]
    ]  # fmt: skip
    for index, (code, (topic, title, text)) in enumerate(plan):
        author = citizen if index % 17 == 0 else voters[index % VOTERS]
        data = MandateInput(
            title=title, text=text, topic=topic, region=regions[code],
            client_id=demo_id("mandate", index), election=election,
        )  # fmt: skip
        mandate, created = mandate_write(author=author, data=data)
        if created:  # written over the campaign, 60 to 90 days before election day
            written = timezone.now() - timedelta(days=60 + (index * 7) % 31, hours=index % 24)
            Mandate.objects.filter(pk=mandate.pk).update(created_at=written)
            mandate.created_at = written
        mandates.append(mandate)
        seen = rng.sample(voters, rng.randint(3, 40))
        agree = rng.random()
        for voter in seen:
            Sighting.objects.get_or_create(mandate=mandate, user=voter)
            if rng.random() < agree:
                Support.objects.get_or_create(mandate=mandate, user=voter)
    _answers(election, mandates)
    appeals_load(citizen, voters, [m for m in mandates if m.merged_into_id is None])
    return len(mandates)
