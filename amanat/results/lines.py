"""The lines of a precinct results protocol and the control relations between them, for any
contest: the standard ballot-accounting lines, then one line of votes per ballot option
(candidate, party list, "against all", a referendum answer)."""

from django.utils import translation

from amanat.checklists.loader import FORBIDDEN_CODE_LETTERS
from amanat.elections.models import Contest, option_key

LANGS = ("kk", "ru", "en")

# key, SMS code, wording in kk / ru / en (as on the protocol form)
STANDARD = [
    ("voters", "A", "Тізімге енгізілген сайлаушылар саны",
     "Число избирателей, внесённых в списки", "Voters on the list"),
    ("received", "B", "Учаскелік комиссия алған бюллетеньдер саны",
     "Число бюллетеней, полученных участковой комиссией", "Ballots received by the commission"),
    ("issued", "C", "Сайлаушыларға берілген бюллетеньдер саны",
     "Число бюллетеней, выданных избирателям", "Ballots issued to voters"),
    ("cancelled", "D", "Өтелген пайдаланылмаған бюллетеньдер саны",
     "Число погашенных неиспользованных бюллетеней", "Unused ballots cancelled"),
    ("lost", "E", "Жоғалған бюллетеньдер саны", "Число утраченных бюллетеней", "Ballots lost"),
    ("found", "F", "Жәшіктерден табылған бюллетеньдер саны",
     "Число бюллетеней, обнаруженных в ящиках", "Ballots found in the boxes"),
    ("invalid", "G", "Жарамсыз бюллетеньдер саны", "Число недействительных бюллетеней",
     "Invalid ballots"),
    ("valid", "H", "Жарамды бюллетеньдер саны", "Число действительных бюллетеней",
     "Valid ballots"),
]  # fmt: skip
STANDARD_KEYS = [key for key, *_ in STANDARD]


def _option_codes():
    """J, K, M, … Z, then AA, AB, …: letters only (an SMS reads a code as letters before the
    number) and never I, L or O."""
    letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in FORBIDDEN_CODE_LETTERS]
    yield from (c for c in letters if c > "H")
    for first in letters:
        for second in letters:
            yield first + second


def _relations(code: dict[str, str]) -> list[dict]:
    votes = [c for key, c in code.items() if key.startswith("option:")]

    def relation(number, left, op, right, kk, ru, en):
        return {"code": f"R{number}", "left": left, "op": op, "right": right,
                "name": {"kk": kk, "ru": ru, "en": en}}  # fmt: skip

    a, b, c, d, e, f, g, h = (code[key] for key in STANDARD_KEYS)
    return [
        relation(1, [b], "=", [c, d, e],
                 f"алынғаны ({b}) = берілгені ({c}) + өтелгені ({d}) + жоғалғаны ({e})",
                 f"получено ({b}) = выдано ({c}) + погашено ({d}) + утрачено ({e})",
                 f"received ({b}) = issued ({c}) + cancelled ({d}) + lost ({e})"),
        relation(2, [f], "=", [h, g],
                 f"жәшіктерде ({f}) = жарамды ({h}) + жарамсыз ({g})",
                 f"в ящиках ({f}) = действительные ({h}) + недействительные ({g})",
                 f"found in boxes ({f}) = valid ({h}) + invalid ({g})"),
        relation(3, votes, "=", [h],
                 f"дауыстар қосындысы ({'+'.join(votes)}) = жарамды ({h})",
                 f"сумма голосов ({'+'.join(votes)}) = действительные ({h})",
                 f"sum of votes ({'+'.join(votes)}) = valid ({h})"),
        relation(4, [c], "<=", [a],
                 f"берілгені ({c}) ≤ тізімдегі сайлаушылар ({a})",
                 f"выдано ({c}) ≤ избирателей в списке ({a})",
                 f"issued ({c}) ≤ voters on the list ({a})"),
        relation(5, [f], "<=", [c],
                 f"жәшіктерде ({f}) ≤ берілгені ({c})",
                 f"в ящиках ({f}) ≤ выдано ({c})",
                 f"found in boxes ({f}) ≤ issued ({c})"),
    ]  # fmt: skip


def protocol_definition(contest: Contest, form_code: str) -> tuple[dict, dict[str, str]]:
    """A checklist form definition for the contest's protocol, and its code → line mapping."""
    questions, lines = [], {}
    for key, code, kk, ru, en in STANDARD:
        questions.append({"code": code, "kind": "integer", "min": 0, "max": 100000,
                          "text": {"kk": kk, "ru": ru, "en": en}})  # fmt: skip
        lines[code] = key
    codes = _option_codes()
    for option in contest.options.order_by("position"):
        code = next(codes)
        names = {}
        for lang in LANGS:
            with translation.override(lang):
                names[lang] = str(option)
        questions.append({"code": code, "kind": "integer", "min": 0, "max": 100000, "text": {
            "kk": f"Дауыс саны: {names['kk']}",
            "ru": f"Голосов: {names['ru']}",
            "en": f"Votes: {names['en']}",
        }})  # fmt: skip
        lines[code] = option_key(option.position)
    by_key = {key: code for code, key in lines.items()}
    names = {}
    for lang in LANGS:
        with translation.override(lang):
            names[lang] = str(contest)
    definition = {
        "code": form_code,
        "phase": "counting",
        "name": {
            "kk": f"Хаттама: {names['kk']}",
            "ru": f"Протокол: {names['ru']}",
            "en": f"Protocol: {names['en']}",
        },
        "questions": questions,
        "relations": _relations(by_key),
    }
    return definition, lines
