"""Is a rendered page in its own language? A catalogue check on the visible text of an HTML page.

`strings_not_in_language(html, lang)` answers the visible strings that a reader of `lang` would
not understand or that are raw codes, each as "reason: text". It is used by the page-language
test (Django test client) and by the browser walker; both fail when it answers anything.

What counts as visible: text nodes and the attributes a reader sees (`placeholder`, `title`,
`aria-label`, `alt`, the `value` of buttons). What is skipped: `<script>`, `<style>`,
`<template>`; elements marked `lang="…"` with another language (the language switcher);
elements marked `translate="no"` and `<code>`, `<kbd>`, `<samp>` (usernames, codes a reader
types: the HTML way of saying "do not translate this").
Allowed code-like tokens (removed before the checks): URLs, e-mail addresses, SHA-256 digests.
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
SKIPPED_TAGS = {"script", "style", "template", "code", "kbd", "samp", "noscript"}
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
SEEN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
SNAKE_CASE = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/@-])")
REGION_CODE = re.compile(r"\bKZ-\d\d\b")
LANGUAGE_CODES = re.compile(r"(?:kk|ru|en)(?:\s*,\s*(?:kk|ru|en))*")  # "kk, ru" shown raw
ALLOWED_TOKENS = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[0-9a-f]{64}\b|/[\w./?=&%-]+",
)
LATIN_WORD = re.compile(r"[A-Za-z][a-z]{2,}")
# Names that stay as they are in every language: ours and the tools a reader is told to use.
BRANDS = {"amanat"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")


@cache
def catalogue(lang: str) -> dict[str, str]:
    """English msgid -> translation in `lang` (singular forms; plurals under each form)."""
    pairs: dict[str, str] = {}
    for entry in polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po")):
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            forms = list(entry.msgstr_plural.values())
            pairs.setdefault(entry.msgid, forms[0])
            pairs.setdefault(entry.msgid_plural, forms[-1])
        elif entry.msgstr:
            pairs.setdefault(entry.msgid, entry.msgstr)
    return pairs


@cache
def _translations(lang: str) -> frozenset[str]:
    return frozenset(_normal(text) for text in catalogue(lang).values())


@cache
def _translated_words(lang: str) -> frozenset[str]:
    """Latin words a translation itself uses (SMS, Telegram, PDF): not English on the page."""
    return frozenset(
        word.lower()
        for text in catalogue(lang).values()
        for word in LATIN_WORD.findall(PLACEHOLDER.sub(" ", text))
    )


@cache
def _english_words(lang: str) -> frozenset[str]:
    """Words of our English msgids that the `lang` translations never use themselves."""
    words = set()
    for msgid in catalogue(lang):
        words.update(w.lower() for w in LATIN_WORD.findall(PLACEHOLDER.sub(" ", msgid)))
    return frozenset(words - _translated_words(lang) - BRANDS)


@cache
def _english_msgids(lang: str) -> frozenset[str]:
    """English msgids whose translation differs: seen as such, they were never translated."""
    return frozenset(
        _normal(msgid)
        for msgid, text in catalogue(lang).items()
        if _normal(msgid) != _normal(text) and not PLACEHOLDER.search(msgid)
    )


@cache
def _russian_not_kazakh() -> frozenset[str]:
    """Russian translations that differ from the Kazakh one of the same msgid."""
    kazakh = catalogue("kk")
    return frozenset(
        _normal(text)
        for msgid, text in catalogue("ru").items()
        if msgid in kazakh and _normal(text) != _normal(kazakh[msgid]) and CYRILLIC.search(text)
    ) - _translations("kk")


def _normal(text: str) -> str:
    return " ".join(text.split()).strip(" :.…")


class _VisibleText(HTMLParser):
    """Collects the visible strings, leaving out the skipped elements and other languages."""

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.strings: list[str] = []
        self.declared: str | None = None  # <html lang="…">: the page's own language

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.declared = (attributes.get("lang") or "").split("-")[0] or None
            attributes.pop("lang", None)  # a page in another language is checked, not skipped
        other_language = (attributes.get("lang") or self.lang).split("-")[0] != self.lang
        skipped = (
            self._skipping()
            or tag in SKIPPED_TAGS
            or other_language
            or attributes.get("translate") == "no"
        )
        if not skipped:
            self._attributes(tag, attributes)
        if tag not in VOID_TAGS:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        if not self._skipping():
            self._attributes(tag, dict(attrs))

    def _attributes(self, tag, attributes):
        seen = [attributes.get(name) for name in SEEN_ATTRIBUTES]
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            seen.append(attributes.get("value"))
        self.strings += [value for value in seen if value and value.strip()]

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if data.strip() and not self._skipping():
            self.strings.append(data)


def _parsed(html: str, lang: str) -> _VisibleText:
    parser = _VisibleText(lang)
    parser.feed(html)
    parser.close()
    return parser


def visible_strings(html: str, lang: str) -> list[str]:
    return [_normal(text) for text in _parsed(html, lang).strings if _normal(text)]


def _problems(text: str, lang: str) -> list[str]:
    bare = ALLOWED_TOKENS.sub(" ", text)
    found = []
    if SNAKE_CASE.search(bare) or LANGUAGE_CODES.fullmatch(text):
        found.append("raw code")
    if REGION_CODE.search(bare):
        found.append("region code")
    if lang == "en":
        if CYRILLIC.search(bare):
            found.append("Cyrillic on an English page")
        return found
    if text in _english_msgids(lang):
        found.append("English msgid")
    elif english := [w for w in LATIN_WORD.findall(bare) if w.lower() in _english_words(lang)]:
        found.append(f"English words {', '.join(english)}")
    if lang == "kk" and text in _russian_not_kazakh():
        found.append("Russian on a Kazakh page")
    if lang == "ru" and KAZAKH_ONLY.search(bare):
        found.append("Kazakh letters on a Russian page")
    return found


def strings_not_in_language(html: str, lang: str) -> list[str]:
    """Visible strings of `html` that are not in `lang` or are raw codes, as "reason: text"."""
    lang = lang.split("-")[0]
    parser = _parsed(html, lang)
    found = []
    if parser.declared and parser.declared != lang:
        found.append(f"page language: {parser.declared}")
    texts = dict.fromkeys(_normal(text) for text in parser.strings if _normal(text))
    texts.pop("", None)
    return found + [f"{reason}: {text}" for text in texts for reason in _problems(text, lang)]
