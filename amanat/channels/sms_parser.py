"""Reading checklist SMS as people type them on phones.

Format: `<FORM> <STATION> <CODE><VALUE> <CODE><VALUE> …`, e.g. `OP 1234 A1 B2 C15`. Any case,
extra spaces and punctuation are fine, and Cyrillic letters that look like Latin ones are read
as Latin (a phone on a Russian or Kazakh keyboard types `ОР` for `OP`)."""

import hashlib
import re
from dataclasses import dataclass, field

LOOKALIKES = str.maketrans("АВСЕКМНОРТХ", "ABCEKMHOPTX")
PUNCTUATION = re.compile(r"[.,;:!?\-_/\\|()\[\]{}'\"+*=#]+")
PAIR = re.compile(r"([A-Z]+)\s*(\d+)")


@dataclass
class ParsedSms:
    form: str = ""
    station: str = ""
    values: dict[str, int] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)


def sms_normalise(text: str) -> str:
    text = text.upper().translate(LOOKALIKES)
    return " ".join(PUNCTUATION.sub(" ", text).split())


def sms_text_key(text: str) -> str:
    """The same for two texts that read the same: how a repeated report is recognised."""
    return hashlib.sha256(sms_normalise(text).encode()).hexdigest()


def sms_parse(text: str) -> ParsedSms:
    """Split into form, station and code→number pairs; keep what could not be read."""
    parsed = ParsedSms()
    words = sms_normalise(text).split()
    if len(words) < 2:
        parsed.unreadable = words
        return parsed
    parsed.form = words[0]
    # The station number may be glued to the form code by mistake: "OP1234".
    if not words[1].isdigit():
        glued = re.fullmatch(r"([A-Z]+)(\d+)", words[0])
        if glued:
            parsed.form, parsed.station = glued.groups()
            rest = " ".join(words[1:])
        else:
            parsed.unreadable = words[1:]
            return parsed
    else:
        parsed.station, rest = words[1], " ".join(words[2:])
    position = 0
    for match in PAIR.finditer(rest):
        leftover = rest[position : match.start()].strip()
        if leftover:
            parsed.unreadable.append(leftover)
        code, value = match.groups()
        if code in parsed.values:
            parsed.repeated.append(code)
        parsed.values[code] = int(value)
        position = match.end()
    if rest[position:].strip():
        parsed.unreadable.append(rest[position:].strip())
    return parsed
