"""Demo observers: the `observer` login deployed in Astana, and synthetic certified observers
across the country, deployed automatically so that coverage has something to show."""

import random
import uuid

from django.utils import timezone

from amanat.accounts.models import Certificate, Program, User
from amanat.accounts.roles import Role
from amanat.elections.models import Election
from amanat.geography.models import PollingStation, Region
from amanat.observers.models import Application, Deployment, Observer
from amanat.observers.services.deployment import (
    deployment_apply_proposal,
    deployment_assign,
    deployment_propose,
)
from amanat.observers.services.recruitment import ApplicationInput, application_submit

from .story import days_ago, demo_id
from .training import observer_training_load

SYNTHETIC_PREFIX = "synthetic-observer-"
# Share of each unit's stations that synthetic observers will cover: varied, so the map shows it.
# Synthetic observers' names: common Kazakh first names and surnames (male and female forms).
FIRST_NAMES = (
    ("Арман", "Ерлан", "Нурлан", "Данияр", "Айдос", "Бауыржан", "Ержан", "Асхат", "Серик"),
    ("Айгерим", "Динара", "Асель", "Жанар", "Гульнара", "Сауле", "Мадина", "Алия", "Аружан"),
)
SURNAMES = ("Ахметов", "Садыков", "Жумабаев", "Касымов", "Омаров", "Искаков", "Тулегенов", "Абенов")
SHARE = {"KZ-71": 0.85, "KZ-75": 0.7, "KZ-79": 0.55, "KZ-61": 0.2, "KZ-62": 0.1}


def _certify(users: list[User]) -> None:
    have = set(
        Certificate.objects.filter(user__in=users, program=Program.OBSERVER).values_list(
            "user_id", flat=True
        )
    )
    Certificate.objects.bulk_create(
        Certificate(
            user=user,
            program=Program.OBSERVER,
            code=f"AMN-DEMO-{user.pk:06d}",
            holder_name=user.get_full_name() or user.username,
            issued_at=timezone.now(),
        )
        for user in users
        if user.pk not in have
    )


def demo_observer_load(election: Election) -> Observer:
    user = User.objects.get(username="observer")
    astana = Region.objects.get(code="KZ-71")
    observer, _ = Observer.objects.get_or_create(
        user=user, defaults={"region": astana, "languages": ["kk", "ru"]}
    )
    observer_training_load(user)  # certified by passing the courses, as any observer is
    if not Deployment.objects.filter(election=election, observer=observer).exists():
        station = PollingStation.objects.get(number="1", district__region=astana)
        deployment_assign(election=election, observer=observer, stations=[station])
    return observer


def _synthetic_name(rng: random.Random) -> dict[str, str]:
    female = rng.random() < 0.5
    surname = rng.choice(SURNAMES) + ("а" if female else "")
    return {"first_name": rng.choice(FIRST_NAMES[female]), "last_name": surname}


def synthetic_observers_load(election: Election, seed: int = 2027) -> int:
    """Create the synthetic observers once (no password: nobody signs in as them)."""
    if User.objects.filter(username__startswith=SYNTHETIC_PREFIX).exists():
        return 0
    rng = random.Random(seed)  # noqa: S311 - demo data
    names = random.Random(seed + 1)  # noqa: S311 - its own sequence: the usernames stay as they were
    users, profiles = [], []
    for region in Region.objects.order_by("code"):
        districts = list(region.districts.values_list("pk", flat=True))
        count = int(
            PollingStation.objects.filter(district__region=region).count()
            * SHARE.get(region.code, 0.4)
        )
        for _ in range(count):
            user = User(
                username=f"{SYNTHETIC_PREFIX}{uuid.UUID(int=rng.getrandbits(128)).hex[:12]}",
                role=Role.OBSERVER,
                **_synthetic_name(names),
            )
            user.set_unusable_password()
            users.append(user)
            profiles.append((region, rng.choice(districts) if districts else None))
    User.objects.bulk_create(users, batch_size=1000)
    Observer.objects.bulk_create(
        [
            Observer(user=user, region=region, district_id=district, languages=["ru"])
            for user, (region, district) in zip(users, profiles, strict=True)
        ],
        batch_size=1000,
    )
    User.regions.through.objects.bulk_create(
        [
            User.regions.through(user_id=user.pk, region_id=region.pk)
            for user, (region, _) in zip(users, profiles, strict=True)
        ],
        batch_size=1000,
    )
    _certify(users)
    proposals = deployment_propose(
        election=election, region_ids=Region.objects.values_list("pk", flat=True)
    )
    return deployment_apply_proposal(election=election, proposals=proposals, actor=None)


APPLICANTS = [
    # (name, phone, languages, availability, experience)
    ("Дана Сапарова", "+77010001001", ["kk", "ru"], ["election_day", "counting"],
     "Наблюдала на выборах в маслихат в 2023 году."),
    ("Ерлан Жақсылықов", "+77010001002", ["kk"], ["pre_election", "election_day"], ""),
    ("Olga Demidova", "+77010001003", ["ru", "en"], ["mobile"], "Student of law, 3rd year."),
]  # fmt: skip


def applications_load() -> int:
    """Volunteers who applied to observe in Astana, waiting for the demo coordinator."""
    astana = Region.objects.get(code="KZ-71")
    for index, (name, phone, languages, availability, experience) in enumerate(APPLICANTS):
        application, _code = application_submit(
            data=ApplicationInput(
                client_id=demo_id("application", index), full_name=name, phone=phone,
                region=astana, languages=languages, availability=availability,
                experience=experience, consent=True, pledge=True,
            )
        )  # fmt: skip
        # Sent in the last days before the election, consent and pledge with the form.
        sent = days_ago(3 - index, 19)
        Application.objects.filter(pk=application.pk).update(
            submitted_at=sent, consent_at=sent, pledge_accepted_at=sent
        )
    return len(APPLICANTS)
