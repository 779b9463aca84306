"""Media monitoring in the demo: three outlets watched over the two campaign weeks before
today, every item coded by the media monitor and a third of them coded again by a second
monitor. The two agree on subjects, genres and time, but read the tone differently, so that
tone's reliability falls under 0.667 and the warning shows. One candidate's paid airtime, at
the outlets' rate cards, is worth more than the election fund he declared."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.accounts.services import digest_credential_set
from amanat.elections.models import Candidate, Election
from amanat.media import services
from amanat.media.models import FundDeclaration, Item, MonitoringPeriod, Outlet

from .people import DEMO_PASSWORD

# name, kind, owner, audience, rate card (per second, per cm², per 1,000 characters)
OUTLETS = [
    ("Дала TV (демо)", "tv", "«Дала Медиа» ЖШС (демо)", 2_400_000, Decimal(18_000)),
    ("«Кешкі газет» (демо)", "print", "«Баспа үйі» АҚ (демо)", 45_000, Decimal(1_200)),
    ("Жаңалық.kz (демо)", "online", "Жеке кәсіпкер (демо)", 600_000, Decimal(9_000)),
]
TITLES = {
    "tv": ["Кешкі жаңалықтар", "Апта", "Дебат-клуб", "Жарнама блогы", "Сайлау-2027"],
    "print": ["Бас мақала", "Сұхбат", "Сайлау шежіресі", "Ақылы материал"],
    "online": ["Лента новостей", "Мнение", "Онлайн-дебат", "Промо"],
}
GENRES = {"Жарнама блогы": "paid", "Ақылы материал": "paid", "Промо": "paid",
          "Дебат-клуб": "debate", "Онлайн-дебат": "debate", "Сайлау-2027": "free",
          "Апта": "current_affairs", "Мнение": "current_affairs"}  # fmt: skip
# Declared funds (tenge): Primerov's is far below what his TV spots cost at the rate card.
FUNDS = {"Aigerim Demokyzy": Decimal(90_000_000), "Baurzhan Ulgibayev": Decimal(120_000_000),
         "Sergei Primerov": Decimal(5_000_000)}  # fmt: skip


def second_monitor() -> User:
    user, _ = User.objects.update_or_create(
        username="media_monitor2",
        defaults={"role": Role.MEDIA_MONITOR, "email": "media_monitor2@demo.amanat.invalid",
                  "phone": "+77010000099", "first_name": "Жанар", "last_name": "Есенова",
                  "is_active": True},
    )  # fmt: skip
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    digest_credential_set(user=user, password=DEMO_PASSWORD)
    return user


def _periods(election: Election) -> list[MonitoringPeriod]:
    today = timezone.localdate()
    names = [("Үгіттің 1-аптасы", "Первая неделя агитации", "Campaign week 1"),
             ("Үгіттің 2-аптасы", "Вторая неделя агитации", "Campaign week 2")]  # fmt: skip
    periods = []
    for n, (kk, ru, en) in enumerate(names):
        starts = today - timedelta(days=15 - 7 * n)
        period, _ = MonitoringPeriod.objects.update_or_create(
            election=election, starts_on=starts,
            defaults={"ends_on": starts + timedelta(days=6), "name_kk": kk, "name_ru": ru,
                      "name_en": en},
        )  # fmt: skip
        periods.append(period)
    return periods


def media_load(election: Election) -> int:
    """Loads the media demo afresh (its items are replaced on every load); the items coded."""
    first = User.objects.get(username=Role.MEDIA_MONITOR.value)
    second = second_monitor()
    periods = _periods(election)
    Item.objects.filter(period__in=periods).delete()
    outlets = [
        Outlet.objects.update_or_create(name=name, defaults={
            "kind": kind, "owner": owner, "audience": audience, "rate": rate})[0]
        for name, kind, owner, audience, rate in OUTLETS
    ]  # fmt: skip
    found = Candidate.objects.filter(full_name_en__in=FUNDS)
    people = {getattr(c, "full_name_en"): c for c in found}  # noqa: B009 - modeltranslation's
    rng = random.Random(18)  # noqa: S311 - demo data, not a secret
    coded = 0
    for period in periods:
        for outlet in outlets:
            for day in range(7):
                title = rng.choice(TITLES[outlet.kind])
                item = services.item_create(period=period, outlet=outlet, title=title,
                                            date=period.starts_on + timedelta(days=day),
                                            coder=first)  # fmt: skip
                genre = GENRES.get(title, "news")
                apps = _appearances(rng, outlet, genre, people)
                _code(item, first, genre, apps)
                coded += 1
                if day % 3 == 0:  # a third of the items coded again, by the second monitor
                    item.second_coder = second
                    item.save(update_fields=["second_coder"])
                    _code(item, second, genre, [_reread(rng, a) for a in apps])
    # Waiting in the queues: a new item for the first monitor, a second coding for the other.
    last = periods[-1]
    services.item_create(period=last, outlet=outlets[0], date=last.ends_on, coder=first,
                         title="Кешкі жаңалықтар")  # fmt: skip
    waiting = Item.objects.filter(period=last, second_coder__isnull=True).order_by("-date")[1]
    waiting.second_coder = second
    waiting.save(update_fields=["second_coder"])
    for name, amount in FUNDS.items():  # as declared to the commission; no analyst's act
        FundDeclaration.objects.update_or_create(
            election=election, candidate=people[name], source="ОСК / ЦИК (демо)",
            defaults={"amount": amount, "declared_on": periods[0].starts_on},
        )  # fmt: skip
    return coded


def _appearances(rng, outlet, genre, people):
    ulgibayev, primerov = people["Baurzhan Ulgibayev"], people["Sergei Primerov"]
    if genre == "paid":
        who = [primerov] if rng.random() < 0.7 else [people["Aigerim Demokyzy"]]
    else:
        who = rng.sample(list(people.values()), rng.randint(1, 3))
        if ulgibayev not in who:
            who.insert(0, ulgibayev)  # the incumbent is in most news
    scale = {"tv": 60, "print": 120, "online": 1500}[outlet.kind]
    rows = []
    for candidate in who:
        incumbent = candidate == ulgibayev
        role = rng.choice(["official", "official", "candidate"]) if incumbent else "none"
        tone = 1 if incumbent and rng.random() < 0.6 else rng.choice([-1, 0, 0, 1])
        amount = scale * rng.randint(1, 4) * (2 if incumbent else 1)
        rows.append(services.AppearanceInput(
            subject_kind="candidate", candidate=candidate, party=None, official="",
            voice=rng.choice(["speaks", "spoken_about"]), role=role, topic="",
            amount=amount, tone=0 if genre == "paid" else tone,
        ))  # fmt: skip
    return rows


def _reread(rng, data):
    """The second monitor's reading: the same subject and nearly the same time, but the tone
    read differently half of the time."""
    tone = data.tone if rng.random() < 0.35 else rng.choice([-1, 0, 1])
    amount = data.amount if rng.random() < 0.8 else round(data.amount * 1.1)
    return services.AppearanceInput(**{**data.__dict__, "tone": tone, "amount": amount})


def _code(item, coder, genre, appearances):
    services.coding_genre_set(item=item, coder=coder, genre=genre)
    for data in appearances:
        services.appearance_add(item=item, coder=coder, data=data)
    services.coding_complete(item=item, coder=coder)
