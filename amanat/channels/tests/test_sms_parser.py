import random
import string

import pytest

from amanat.channels.sms_parser import sms_normalise, sms_parse


@pytest.mark.parametrize(
    "text",
    [
        "OP 1234 A1 B2 C15",
        "op 1234 a1 b2 c15",
        "  OP   1234  A 1, B 2; C-15 ",
        "ОР 1234 А1 В2 С15",  # Cyrillic О, Р, А, В, С
        "OP1234 A1 B2 C15",
        "OP 1234 A1B2C15",
    ],
)
def test_forgiving_forms_of_the_same_message(text):
    parsed = sms_parse(text)
    assert (parsed.form, parsed.station) == ("OP", "1234")
    assert parsed.values == {"A": 1, "B": 2, "C": 15}
    assert parsed.unreadable == []


def test_what_cannot_be_read_is_kept_to_tell_the_sender():
    parsed = sms_parse("VT 77 A1 hello B2 ?? C")
    assert parsed.values == {"A": 1, "B": 2}
    assert parsed.unreadable == ["HELLO", "C"]
    assert sms_parse("VT 77 A1 A2").repeated == ["A"]
    assert sms_parse("hello").form == ""


def test_normalise_maps_every_cyrillic_lookalike():
    assert sms_normalise("АВСЕКМНОРТХ авсекмнортх") == "ABCEKMHOPTX ABCEKMHOPTX"


def test_fuzz_never_raises_and_only_returns_digits_for_values():
    rng = random.Random(7)
    alphabet = string.printable + "АВСЕКМНОРТХжқәңөүұіһ№"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        parsed = sms_parse(text)
        assert all(isinstance(v, int) and v >= 0 for v in parsed.values.values())
        assert all(code.isalpha() and code.isupper() for code in parsed.values)
