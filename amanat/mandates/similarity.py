"""Similar mandates by character trigrams: pure functions, no database.

Kazakh and Russian inflect by endings (жол, жолдар, жолдарды; дорога, дороги, дорогу): whole
words rarely match, but most of a word's trigrams do. Text is normalised (Unicode NFKC,
lower case, ё → е, anything but letters and digits a space), each word padded with two spaces
in front and one behind (so a word's start weighs more than its ending), and two texts compared
by the Dice coefficient of their trigram sets: 2·|A ∩ B| / (|A| + |B|), 0 to 1.

A short query ("жолдарды жөндеу") against a long mandate would score low by Dice alone, so a
mandate's score is the better of Dice against its title and against its title with its text.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
MIN_SCORE = 0.3  # below this two texts share little more than common endings


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return " ".join(NON_WORD.sub(" ", text).split())


def trigrams(text: str) -> frozenset[str]:
    grams: set[str] = set()
    for word in normalise(text).split():
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass(frozen=True)
class Candidate:
    id: int
    title: str
    text: str


@dataclass(frozen=True)
class Match:
    id: int
    title: str
    score: float


def _score(wanted: frozenset[str], title: str, text: str) -> float:
    return max(dice(wanted, trigrams(title)), dice(wanted, trigrams(f"{title} {text}")))


def score(query: str, title: str, text: str = "") -> float:
    return _score(trigrams(query), title, text)


def best_matches(
    query: str, candidates: Iterable[Candidate], *, limit: int = 5, min_score: float = MIN_SCORE
) -> list[Match]:
    """The candidates most like the query, best first (ties: the newer, larger id, first)."""
    wanted = trigrams(query)
    if not wanted:
        return []
    found = []
    for item in candidates:
        value = _score(wanted, item.title, item.text)
        if value >= min_score:
            found.append(Match(item.id, item.title, round(value, 3)))
    found.sort(key=lambda m: (-m.score, -m.id))
    return found[:limit]
