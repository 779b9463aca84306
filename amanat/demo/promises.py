"""Promises of the demo: before today's election, Baurzhan Ulgibayev (a candidate today) was
elected to the Almaty city maslikhat three years ago, with Gulnar Mysalova in the next
district. Their commitments, from their answers to that election's mandates and from their
programmes, are tracked with dated evidence: voters see the record of who asks for their
vote again. Idempotent: the same rows on every load."""

import datetime

from django.db import transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.elections.models import BallotOption, Candidate, Contest, Election
from amanat.geography.models import Country, Region
from amanat.mandates.answers import answer_give
from amanat.mandates.models import Answer, Elected, Mandate, Promise, PromiseUpdate
from amanat.mandates.services import MandateInput, mandate_write
from amanat.mandates.services_promises import (
    PromiseInput,
    RatingInput,
    elected_declare,
    promise_enter,
    promise_rate,
    promise_track,
)

from .mandates import SECOND_TEAM, SYNTHETIC_VOTER
from .story import demo_id

PAST_SLUG = "demo-maslikhat-almaty"
SOURCE = "https://almaty-maslikhat.demo.amanat.invalid"
Status = Promise.Status
# (title, text, commitment) of the past election's mandates in Ulgibayev's district.
PAST_MANDATES = [
    ("Аулаларға балалар алаңы", "Біздің аулаларда балалар ойнайтын бір де алаң жоқ.",
     "2024 жылы округтің бес ауласына балалар алаңын салу"),
    ("Автобус №37 ходит раз в полчаса", "Утром на остановке толпа, автобус раз в 30 минут.",
     "Добиться интервала 10 минут на маршруте №37 в часы пик"),
    ("Көше шамдары жанбайды", "Шағын аудандағы көшелер кешке қап-қараңғы.",
     "Округ көшелеріне 200 жаңа шам орнату"),
    # Answered but not tracked yet: for the moderator to try "Track as a promise".
    ("Саябақта орындық жоқ", "Саябақта қарттар отыратын бір де орындық жоқ.",
     "Саябаққа 50 орындық қою"),
]  # fmt: skip
# (day after election day, status, evidence, source path) per promise, oldest first.
RATINGS = {
    0: [(200, Status.IN_THE_WORKS, "Әкімдік 2024 жылғы жоспарға бес алаңды енгізді, "
         "мердігер анықталды.", "/plan-2024"),
        (560, Status.KEPT, "Бес ауланың бесеуінде де алаң ашылды; депутат пен тұрғындар "
         "қабылдау актісіне қол қойды.", "/playgrounds-opened")],
    1: [(300, Status.IN_THE_WORKS, "Акимат закупил 12 новых автобусов для маршрута №37.",
         "/buses-37"),
        (620, Status.COMPROMISE, "В часы пик интервал 15 минут вместо обещанных 10: автобусов "
         "больше, но водителей не хватает.", "/route-37-timetable")],
    2: [(700, Status.IN_THE_WORKS, "200 шамның 80-і орнатылды, қалғаны келесі жылдың "
         "бюджетінде.", "/lights-progress")],
    3: [(400, Status.BROKEN, "С 2023 года опубликован один отчёт депутата вместо "
         "ежеквартальных; на запрос ответа нет.", "/reports")],
    4: [(250, Status.IN_THE_WORKS, "Объявлен тендер на реконструкцию поликлиники №5.",
         "/tender-clinic-5"),
        (650, Status.STALLED, "Тендер дважды отменён, работы не начаты, средства "
         "перенесены на следующий год.", "/tender-cancelled")],
    6: [(500, Status.KEPT, "Жаңа балабақша 240 орынға ашылды, кезек екі есе қысқарды.",
         "/kindergarten")],
    7: [(600, Status.IN_THE_WORKS, "Жители двух подъездов из пяти переселены, снос "
         "назначен на следующий год.", "/resettlement")],
}  # fmt: skip
# Promises made outside the answers: (title, text, source path); index 3..5 Ulgibayev's.
DIRECT = [
    ("Ежеквартальный отчёт депутата", "Каждый квартал публиковать отчёт о работе депутата.",
     "/programme#reports"),
    ("Реконструкция поликлиники №5", "Добиться реконструкции поликлиники №5 за два года.",
     "/programme#clinic"),
    ("Веложол Сәтбаев көшесінде", "Сәтбаев көшесінде веложол салуға қол жеткізу.",
     "/programme#bikes"),
]  # fmt: skip
# Mysalova's programme promises (index 6, 7).
MYSALOVA = [
    ("Жаңа балабақша", "Шағын ауданда 240 орындық балабақша ашу.", "/mysalova#kindergarten"),
    ("Расселить аварийный дом", "Расселить аварийный дом по улице Абая, 12.",
     "/mysalova#housing"),
]  # fmt: skip


def _past_election(country: Country) -> tuple[Election, Contest, Contest]:
    today = timezone.localdate()
    day = datetime.date(today.year - 3, 3, 19)
    election, _ = Election.objects.update_or_create(
        slug=PAST_SLUG,
        defaults={
            "country": country, "type": Election.Type.MASLIKHAT, "election_day": day,
            "name_kk": "Алматы қалалық мәслихатының сайлауы (демо, өткен)",
            "name_ru": "Выборы в маслихат города Алматы (демо, прошедшие)",
            "name_en": "Almaty city maslikhat election (demo, past)",
        },
    )  # fmt: skip
    contests = []
    for number in (7, 12):
        contest, _ = Contest.objects.update_or_create(
            election=election, code=f"almaty-{number}",
            defaults={"kind": Contest.Kind.SINGLE_MEMBER,
                      "name_kk": f"Алматы, №{number} сайлау округі",
                      "name_ru": f"Алматы, избирательный округ №{number}",
                      "name_en": f"Almaty, electoral district no. {number}"},
        )  # fmt: skip
        contests.append(contest)
    return election, contests[0], contests[1]


def _candidates(seventh: Contest, twelfth: Contest) -> tuple[Candidate, Candidate]:
    ulgibayev = Candidate.objects.get(full_name_en="Baurzhan Ulgibayev")
    primerov = Candidate.objects.get(full_name_en="Sergei Primerov")
    mysalova, _ = Candidate.objects.update_or_create(
        full_name_en="Gulnar Mysalova (demo)",
        defaults={"full_name_kk": "Гүлнар Мысалова (демо)",
                  "full_name_ru": "Гульнар Мысалова (демо)"},
    )  # fmt: skip
    for contest, people in ((seventh, [ulgibayev, primerov]), (twelfth, [mysalova])):
        for position, candidate in enumerate(people, start=1):
            BallotOption.objects.update_or_create(
                contest=contest, position=position,
                defaults={"kind": BallotOption.Kind.CANDIDATE, "candidate": candidate},
            )  # fmt: skip
    return ulgibayev, mysalova


def _answered_mandates(election: Election, contest: Contest) -> list[Answer]:
    """The past election's mandates in district 7, answered by Ulgibayev's team, dated then."""
    region = Region.objects.get(code="KZ-75")
    team = User.objects.get(username=SECOND_TEAM)
    answers = []
    for index, (title, text, commitment) in enumerate(PAST_MANDATES):
        author = User.objects.get(username=f"{SYNTHETIC_VOTER}{index + 1:03d}")
        data = MandateInput(title=title, text=text, topic="other", region=region,
                            election=election, contest=contest,
                            client_id=demo_id("past-mandate", index))  # fmt: skip
        mandate, created = mandate_write(author=author, data=data)
        written = datetime.datetime.combine(
            election.election_day - datetime.timedelta(days=40 - index), datetime.time(12),
            tzinfo=datetime.UTC,
        )  # fmt: skip
        if created:
            Mandate.objects.filter(pk=mandate.pk).update(created_at=written)
        answer = Answer.objects.filter(mandate=mandate, is_current=True).first()
        if answer is None:
            answer = answer_give(user=team, mandate=mandate, position="support",
                                 text=f"{title}: қолдаймыз, сайлансақ орындаймыз.",
                                 commitment=commitment)  # fmt: skip
            Answer.objects.filter(pk=answer.pk).update(
                created_at=written + datetime.timedelta(days=10)
            )
        answers.append(answer)
    return answers


def _rate(promise: Promise, index: int, day: datetime.date, analyst: User) -> None:
    for offset, status, evidence, path in RATINGS.get(index, []):
        when = day + datetime.timedelta(days=offset)
        if PromiseUpdate.objects.filter(promise=promise, evidence_date=when).exists():
            continue
        data = RatingInput(status=status, evidence=evidence, evidence_date=when,
                           source_url=f"{SOURCE}{path}")  # fmt: skip
        promise_rate(promise=promise, data=data, user=analyst)


def _promise(candidate: Candidate, title: str, text: str, path: str, analyst: User) -> Promise:
    existing = Promise.objects.filter(candidate=candidate, title=title).first()
    if existing is not None:
        return existing
    data = PromiseInput(candidate=candidate, title=title, text=text,
                        source_url=f"{SOURCE}{path}")  # fmt: skip
    return promise_enter(data=data, user=analyst)


@transaction.atomic
def promises_load(country: Country) -> int:
    """The past election, who won it, and their promises with evidence; the number of
    promises."""
    analyst = User.objects.get(username="analyst")
    election, seventh, twelfth = _past_election(country)
    ulgibayev, mysalova = _candidates(seventh, twelfth)
    declared = election.election_day + datetime.timedelta(days=3)
    source = "Алматы қалалық сайлау комиссиясының қаулысы (демо)"
    for candidate, contest in ((ulgibayev, seventh), (mysalova, twelfth)):
        if Elected.objects.filter(candidate=candidate, contest=contest).exists():
            continue
        elected_declare(candidate=candidate, contest=contest, declared_on=declared,
                        source=source, source_url=f"{SOURCE}/results", user=analyst)  # fmt: skip
    answers = _answered_mandates(election, seventh)
    promises = [promise_track(answer=a, user=analyst)[0] for a in answers[:3]]
    promises += [_promise(ulgibayev, *row, analyst) for row in DIRECT]
    promises += [_promise(mysalova, *row, analyst) for row in MYSALOVA]
    for index, promise in enumerate(promises):
        _rate(promise, index, election.election_day, analyst)
    return len(promises)
