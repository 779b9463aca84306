"""A fictional presidential election for the demo, with the legal stages of a real one."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from amanat.elections.models import BallotOption, Candidate, Contest, Election, ElectionStage, Party
from amanat.geography.models import Country

ALMATY = ZoneInfo("Asia/Almaty")
ELECTION_DAY = date(2027, 3, 21)

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
STAGES = [
    # code, kk, ru, en, starts (days, hour), ends (days, hour), legal basis
    ("nomination", "Кандидаттарды ұсыну", "Выдвижение кандидатов", "Nomination of candidates",
     (-58, 0), (-40, 18), "Art. 56"),
    ("registration", "Кандидаттарды тіркеу", "Регистрация кандидатов",
     "Registration of candidates", (-40, 18), (-30, 18), "Art. 57"),
    ("voter_lists_open", "Сайлаушылар тізімімен танысу", "Ознакомление со списками избирателей",
     "Voter lists open for checking", (-15, 0), (0, 0), "Art. 24"),
    ("campaign", "Сайлауалды үгіт", "Предвыборная агитация", "Campaign",
     (-30, 18), (-1, 0), "Art. 28"),
    ("silence_day", "Үнсіздік күні", "День тишины", "Silence day", (-1, 0), (0, 0), "Art. 28"),
    ("voting", "Дауыс беру", "Голосование", "Voting", (0, 7), (0, 20), "Art. 40"),
    ("counting", "Дауыстарды санау", "Подсчёт голосов", "Counting", (0, 20), (1, 8), "Art. 43"),
    ("results", "Қорытындыларды шығару", "Установление итогов", "Official results",
     (1, 8), (7, 18), "Art. 61"),
]  # fmt: skip


def _at(offset: tuple[int, int]) -> datetime:
    days, hour = offset
    return datetime.combine(ELECTION_DAY + timedelta(days=days), time(hour), tzinfo=ALMATY)


def demo_election_load(country: Country) -> Election:
    election, _ = Election.objects.update_or_create(
        slug="demo-presidential-2027",
        defaults={
            "country": country,
            "type": Election.Type.PRESIDENTIAL,
            "name_kk": "Президент сайлауы (демо, ойдан шығарылған)",
            "name_ru": "Выборы Президента (демо, вымышленные)",
            "name_en": "Presidential election (demo, fictional)",
            "election_day": ELECTION_DAY,
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
    for code, kk, ru, en, starts, ends, basis in STAGES:
        ElectionStage.objects.update_or_create(
            election=election,
            code=code,
            defaults={
                "name_kk": kk,
                "name_ru": ru,
                "name_en": en,
                "starts": _at(starts),
                "ends": _at(ends),
                "legal_basis_kk": f"«Сайлау туралы» Конституциялық заң, {basis}",
                "legal_basis_ru": f"Конституционный закон «О выборах», {basis}",
                "legal_basis_en": f"Constitutional Law “On Elections”, {basis}",
            },
        )
    return election
