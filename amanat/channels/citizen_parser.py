"""Reading citizens' SMS: votes on opinion statements and supports of mandates, as people type
them on any phone, in Kazakh, Russian or English.

    O 12 A          statement 12: agree      (О 12 +, O12A, o 12 1, ГОЛОС 12 ДА)
    O 12 D          disagree                 (О 12 -, O 12 -1, O 12 НЕТ, O 12 ЖОҚ)
    O 12 P          pass                     (О 12 0, O 12 ?, O 12 ПАС)
    O 12 A 13 D     several votes at once
    M 345           support mandate 345      (М 345, M345, НАКАЗ 345)

Any case, spaces and punctuation; Cyrillic letters that look like Latin ones are read as
Latin. A text that is neither returns None (it goes on to the observers' checklists)."""

import re
from dataclasses import dataclass, field

from .sms_parser import LOOKALIKES

MAX_VOTES = 10  # pairs read from one SMS; more is not a vote but noise
# A hyphen, a minus sign, an en and an em dash all read as minus.
DASHES = str.maketrans({"−": "-", "–": "-", "—": "-", "‐": "-"})
TOKEN = re.compile(r"[+-]?\d+|[+\-?]|[^\W\d_]+")
ID_MAX = 2**31 - 1


def _read(text: str) -> str:
    """Upper case, Cyrillic look-alikes as Latin, every dash a minus, Kazakh І as Latin I."""
    return text.upper().translate(LOOKALIKES).translate(DASHES).replace("І", "I")


def _words(*words: str) -> set[str]:
    return {_read(word) for word in words}


OPINION_WORDS = _words("O", "vote", "голос", "дауыс", "пікір")
SUPPORT_WORDS = _words("M", "support", "наказ", "поддержка", "қолдау")
# Д alone is "да" (Latin D is disagree); Н alone is "нет"; П alone is "пас".
VOTE_WORDS = {
    1: _words("A", "agree", "Y", "yes", "+", "1", "+1", "да", "д", "иә", "ия", "иа", "за",
              "согласен", "келісемін"),
    -1: _words("D", "disagree", "N", "no", "-", "-1", "нет", "н", "жоқ", "жок", "против",
               "қарсы", "карсы"),
    0: _words("P", "pass", "skip", "0", "?", "п", "пас", "пропуск", "өткізу", "незнаю",
              "білмеймін"),
}  # fmt: skip
VOTE_OF = {word: value for value, words in VOTE_WORDS.items() for word in words}


@dataclass
class CitizenSms:
    kind: str  # "opinion" or "support"
    votes: list[tuple[int, int]] = field(default_factory=list)  # (statement, value)
    mandate: int | None = None
    unreadable: list[str] = field(default_factory=list)


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(_read(text))


def _number(token: str) -> int | None:
    return int(token) if token.isdecimal() and 0 < int(token) <= ID_MAX else None


def citizen_sms_parse(text: str) -> CitizenSms | None:
    """The citizen's command in the text, or None when the text is none of them."""
    tokens = _tokens(text[:500])
    if not tokens:
        return None
    head = tokens[0]
    # "O12A" and "M345" glue the command to the number: split them again.
    glued = re.fullmatch(r"([OM])(\d+)", head)
    if glued:
        head, tokens = glued.group(1), [glued.group(1), glued.group(2), *tokens[1:]]
    if head in SUPPORT_WORDS:
        return _support(tokens[1:])
    if head in OPINION_WORDS:
        # "O 1234 A1 B2" is not a vote: observers' forms are at least two letters long, but
        # a lone O followed by a number and a vote word is ours.
        return _opinion(tokens[1:])
    return None


def _support(rest: list[str]) -> CitizenSms:
    parsed = CitizenSms("support")
    if rest:
        parsed.mandate = _number(rest[0])
    parsed.unreadable = rest[1:] if parsed.mandate else rest
    return parsed


def _opinion(rest: list[str]) -> CitizenSms:
    parsed = CitizenSms("opinion")
    position = 0
    while position < len(rest) and len(parsed.votes) < MAX_VOTES:
        statement = _number(rest[position])
        value = VOTE_OF.get(rest[position + 1]) if position + 1 < len(rest) else None
        if statement is None or value is None:
            parsed.unreadable.append(" ".join(rest[position : position + 2]))
            position += 2
            continue
        parsed.votes.append((statement, value))
        position += 2
    return parsed
