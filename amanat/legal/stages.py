"""The stages of an election computed from its election day (E), after Kazakhstan's
Constitutional Law "On Elections" of 28 September 1995 No. 2464, as amended.

Each rule gives the stage's start and end as (days from E, local time). Dates that a decree
fixes (the start of nomination of an early election) are defaults to be edited per election.
The law counts these periods in calendar days (working days: .working_days).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .bases import ARTICLE, LAW

END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class Rule:
    code: str
    names: dict[str, str]
    starts: tuple[int, time]
    ends: tuple[int, time]
    articles: str = ""  # article numbers; empty where the law's article is not cited
    note: dict[str, str] | None = None


def _names(kk: str, ru: str, en: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru, "en": en}


COMMON = [
    Rule("voter_lists_delivered",
         _names("Сайлаушылар тізімі учаскелік комиссияларға беріледі",
                "Списки избирателей передаются участковым комиссиям",
                "Voter lists reach the precinct commissions"),
         (-20, time(0)), (-20, END_OF_DAY)),
    Rule("voter_lists_open",
         _names("Сайлаушылар тізімімен танысу", "Ознакомление со списками избирателей",
                "Voter lists open for checking"),
         (-15, time(0)), (0, time(20)),
         note=_names("жабық учаскелерде — E−5 күннен бастап",
                     "на закрытых участках — с E−5",
                     "at closed stations from E−5")),
    Rule("campaign", _names("Сайлауалды үгіт", "Предвыборная агитация", "Campaign"),
         (-30, time(18)), (-1, time(0)), "27"),
    Rule("silence_day", _names("Үнсіздік күні", "День тишины", "Silence day"),
         (-1, time(0)), (-1, END_OF_DAY), "27"),
    Rule("station_opening",
         _names("Учаскенің ашылуы, жәшіктерді бос күйінде көрсету",
                "Открытие участка, показ пустых урн", "Station opens, boxes shown empty"),
         (0, time(6)), (0, time(7)), "40"),
    Rule("voting", _names("Дауыс беру", "Голосование", "Voting"),
         (0, time(7)), (0, time(20)), "38"),
    Rule("counting", _names("Дауыстарды санау", "Подсчёт голосов", "Counting"),
         (0, time(20)), (1, time(8)), "43"),
]  # fmt: skip

NOMINATION = [
    Rule("nomination", _names("Кандидаттарды ұсыну", "Выдвижение кандидатов",
                              "Nomination of candidates"),
         (-58, time(0)), (-40, time(18)), "55",
         note=_names("басталуы сайлауды тағайындау туралы Жарлыққа байланысты",
                     "начало зависит от указа о назначении выборов",
                     "the start depends on the decree calling the election")),
    Rule("registration", _names("Кандидаттарды тіркеу", "Регистрация кандидатов",
                                "Registration of candidates"),
         (-40, time(18)), (-30, time(18)), "59"),
]  # fmt: skip

RESULTS_DAYS = {"presidential": 7, "mazhilis": 10, "maslikhat": 7, "referendum": 7}
RESULTS_ARTICLES = {"presidential": "65"}


def _results(election_type: str) -> Rule:
    days = RESULTS_DAYS[election_type]
    return Rule(
        "results",
        _names("Сайлау қорытындыларын шығару", "Установление итогов выборов",
               "Official results"),
        (1, time(8)),
        (days, END_OF_DAY),
        RESULTS_ARTICLES.get(election_type, ""),
        note=_names(f"E+{days} күннен кешіктірмей", f"не позднее E+{days}",
                    f"no later than E+{days}"),
    )  # fmt: skip


def rules_for(election_type: str) -> list[Rule]:
    if election_type not in RESULTS_DAYS:
        raise ValueError(f"unknown election type: {election_type}")
    nomination = NOMINATION if election_type != "referendum" else []
    return [*nomination, *COMMON, _results(election_type)]


@dataclass(frozen=True)
class Stage:
    code: str
    names: dict[str, str]
    starts: datetime
    ends: datetime
    legal_basis: dict[str, str]


def legal_basis(rule: Rule) -> dict[str, str]:
    basis: dict[str, str] = {}
    for lang, law in LAW.items():
        text = law
        if rule.articles:
            text += ", " + ARTICLE[lang].format(n=rule.articles)
        if rule.note:
            text += f" ({rule.note[lang]})"
        basis[lang] = text
    return basis


def stages_compute(
    *, election_type: str, election_day: date, timezone: str = "Asia/Almaty"
) -> list[Stage]:
    zone = ZoneInfo(timezone)

    def at(offset: tuple[int, time]) -> datetime:
        days, clock = offset
        return datetime.combine(election_day + timedelta(days=days), clock, tzinfo=zone)

    stages = [
        Stage(rule.code, rule.names, at(rule.starts), at(rule.ends), legal_basis(rule))
        for rule in rules_for(election_type)
    ]
    return sorted(stages, key=lambda stage: (stage.starts, stage.ends))
