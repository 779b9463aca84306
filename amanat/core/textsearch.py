"""Word forms for search, the same on SQLite and PostgreSQL.

A crude stemmer: a word loses its ending and is then searched as a prefix, so "наблюдатель"
finds "наблюдателем" and "байқаушылар" finds "байқаушы". A Russian word has one ending; a
Kazakh one stacks them (plural, then case), so up to two are removed. A word is taken for
Kazakh when it has a letter Russian lacks: Kazakh endings such as "-та" or "-да" would cut
Russian words ("кандидата") to nothing. A stem keeps at least four letters, which keeps short
words ("урна", "шағым") whole. It errs towards finding more: a search that shows one extra
guide is better than one that shows none."""

import re

MIN_STEM = 4
MAX_ENDINGS = 2
WORD = re.compile(r"[^\W_]+")  # letters and digits: safe to quote in an FTS5 or tsquery term

_RUSSIAN = """иями ями ами ого его ому ему ыми ими ых их ия ие ий ый ой ая яя ое ее ые ую юю
    ом ем ам ям ах ях ов ев ей ть а я о е ы и у ю ь й"""
_KAZAKH = """ндағы ндегі дағы дегі тағы тегі лар лер дар дер тар тер ның нің дың дің тың
    тің нда нде дан ден тан тен нан нен мен бен пен ға ге қа ке на не ны ні ды ді ты ті да де та те
    сы сі ым ім ың ің а е ы і"""
_ENGLISH = "ing ed es s"
KAZAKH_LETTERS = set("әғқңөұүһі")


def _longest_first(endings: str) -> list[str]:
    return sorted(endings.split(), key=len, reverse=True)  # "ами" before "и"


RUSSIAN, KAZAKH, ENGLISH = map(_longest_first, (_RUSSIAN, _KAZAKH, _ENGLISH))


def fold(text: str) -> str:
    """Case-folded, "ё" written "е" as most people type it."""
    return text.casefold().replace("ё", "е")


def words(query: str, limit: int = 8) -> list[str]:
    return WORD.findall(fold(query))[:limit]


def stem(word: str) -> str:
    """The word without its endings; unchanged if it is not all letters (a number, "к-сі")."""
    if not word.isalpha():
        return word
    if word.isascii():
        endings, times = ENGLISH, 1
    elif KAZAKH_LETTERS.intersection(word):
        endings, times = KAZAKH, MAX_ENDINGS
    else:
        endings, times = RUSSIAN, 1
    for _ in range(times):
        ending = next((e for e in endings if word.endswith(e)), None)
        if ending is None or len(word) - len(ending) < MIN_STEM:
            break
        word = word[: -len(ending)]
    return word


def stems(query: str) -> list[str]:
    return [stem(word) for word in words(query)]
