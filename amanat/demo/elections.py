"""A fictional presidential election for the demo, held on the current day, with the legal
stages of a real one computed from that day."""

from django.utils import timezone

from amanat.core.memo import memo_clear
from amanat.elections.models import BallotOption, Candidate, Contest, Election, Party
from amanat.geography.models import Country
from amanat.voterinfo.services import election_stages_generate

from .programmes import positions_load

PARTIES = [
    ("Жасыл дала (демо)", "Партия «Зелёная степь» (демо)", "Green Steppe Party (demo)", "ЗС"),
    ("Еңбек пен әділет (демо)", "Партия «Труд и справедливость» (демо)",
     "Labour and Justice Party (demo)", "ТС"),
]  # fmt: skip
CANDIDATES = [
    ("Айгерім Демоқызы", "Айгерим Демокызы", "Aigerim Demokyzy", 0),
    ("Бауыржан Үлгібаев", "Бауыржан Ульгибаев", "Baurzhan Ulgibayev", 1),
    ("Сергей Примеров", "Сергей Примеров", "Sergei Primerov", None),
]


def demo_election_load(country: Country) -> Election:
    memo_clear()  # the current election may change
    election, _ = Election.objects.update_or_create(
        slug="demo-presidential-2027",
        defaults={
            "country": country,
            "type": Election.Type.PRESIDENTIAL,
            "name_kk": "Президент сайлауы (демо, ойдан шығарылған)",
            "name_ru": "Выборы Президента (демо, вымышленные)",
            "name_en": "Presidential election (demo, fictional)",
            # Held on the current day, so that election day can be tried out at any time.
            "election_day": timezone.localdate(),
        },
    )
    contest, _ = Contest.objects.update_or_create(
        election=election,
        code="president",
        defaults={
            "kind": Contest.Kind.NATIONAL,
            "name_kk": "Қазақстан Республикасының Президенті",
            "name_ru": "Президент Республики Казахстан",
            "name_en": "President of the Republic of Kazakhstan",
        },
    )
    parties = [
        Party.objects.update_or_create(
            country=country,
            abbreviation=abbr,
            defaults={"name_kk": kk, "name_ru": ru, "name_en": en},
        )[0]
        for kk, ru, en, abbr in PARTIES
    ]
    for position, (kk, ru, en, party) in enumerate(CANDIDATES, start=1):
        candidate, _ = Candidate.objects.update_or_create(
            full_name_en=en,
            defaults={
                "full_name_kk": kk,
                "full_name_ru": ru,
                "party": parties[party] if party is not None else None,
            },
        )
        BallotOption.objects.update_or_create(
            contest=contest,
            position=position,
            defaults={"kind": BallotOption.Kind.CANDIDATE, "candidate": candidate},
        )
    BallotOption.objects.update_or_create(
        contest=contest,
        position=len(CANDIDATES) + 1,
        defaults={
            "kind": BallotOption.Kind.AGAINST_ALL,
            "label_kk": "Барлығына қарсы",
            "label_ru": "Против всех",
            "label_en": "Against all",
        },
    )
    election_stages_generate(election=election, overwrite=True)
    positions_load(contest)
    return election
