"""The citizens' SMS syntax: forgiving of case, spaces, punctuation, Cyrillic and Latin
look-alikes, the three languages' words; junk is read as junk, never as a vote."""

import random
import string

import pytest

from amanat.channels.citizen_parser import MAX_VOTES, citizen_sms_parse


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("O 12 A", [(12, 1)]),
        ("О 12 А", [(12, 1)]),  # Cyrillic О and А
        ("o12a", [(12, 1)]),
        ("O 12 +", [(12, 1)]),
        ("О 12 +1", [(12, 1)]),
        ("O 12 1", [(12, 1)]),
        ("O 12 да", [(12, 1)]),
        ("O 12 иә", [(12, 1)]),
        ("vote 12 yes", [(12, 1)]),
        ("O 12 D", [(12, -1)]),
        ("O 12 -", [(12, -1)]),
        ("O 12 −1", [(12, -1)]),  # the minus sign
        ("O 12 – ", [(12, -1)]),  # an en dash
        ("O 12 нет", [(12, -1)]),
        ("O 12 жоқ", [(12, -1)]),
        ("O 12 Н", [(12, -1)]),  # Cyrillic Н: нет
        ("O 12 P", [(12, 0)]),
        ("O 12 0", [(12, 0)]),
        ("O 12 ?", [(12, 0)]),
        ("O 12 пас", [(12, 0)]),
        ("O, 12: A; 13 - 14 П", [(12, 1), (13, -1), (14, 0)]),
        ("ГОЛОС 7 ЗА", [(7, 1)]),
        ("дауыс 7 қарсы", [(7, -1)]),
        ("пікір 7 келісемін", [(7, 1)]),
    ],
)
def test_votes_typed_any_usual_way(text, votes):
    parsed = citizen_sms_parse(text)
    assert parsed is not None
    assert (parsed.kind, parsed.votes, parsed.unreadable) == ("opinion", votes, [])


@pytest.mark.parametrize(
    ("text", "mandate"),
    [("M 345", 345), ("М 345", 345), ("m345", 345), ("М345.", 345), ("наказ 345", 345),
     ("support #345", 345), ("қолдау 345", 345)],
)  # fmt: skip
def test_supports_typed_any_usual_way(text, mandate):
    parsed = citizen_sms_parse(text)
    assert parsed is not None
    assert (parsed.kind, parsed.mandate) == ("support", mandate)


@pytest.mark.parametrize(
    "text", ["OP 1234 A1 B2", "ОР 1 А1", "VT 1 A1", "INC 12 толпа у участка", "", "   ", "12 A"]
)
def test_observers_reports_and_other_texts_are_not_citizens(text):
    assert citizen_sms_parse(text) is None


@pytest.mark.parametrize(
    ("text", "votes", "unreadable"),
    [
        ("O", [], []),
        ("O 12", [], ["12"]),
        ("O 12 X", [], ["12 X"]),
        ("O X 12 A", [], ["X 12", "A"]),
        ("O 0 A", [], ["0 A"]),
        ("O 99999999999 A", [], ["99999999999 A"]),
        ("O 12 A 13 ЫЫ", [(12, 1)], ["13 ЫЫ"]),
    ],
)
def test_what_cannot_be_a_vote_is_kept_as_unreadable(text, votes, unreadable):
    parsed = citizen_sms_parse(text)
    assert parsed is not None
    assert (parsed.votes, parsed.unreadable) == (votes, unreadable)


def test_a_support_without_a_number_or_with_junk_names_no_mandate():
    assert citizen_sms_parse("M").mandate is None
    assert citizen_sms_parse("M abc").unreadable == ["ABC"]
    assert citizen_sms_parse("M 0").mandate is None
    assert citizen_sms_parse("M " + "9" * 40).mandate is None


def test_digits_that_are_not_decimal_are_not_numbers():
    # "²".isdigit() is true but int("²") fails: the parser reads decimal digits only.
    assert citizen_sms_parse("O ² A").votes == []
    assert citizen_sms_parse("M ①").mandate is None
    assert citizen_sms_parse("M ٣").mandate == 3  # Arabic-Indic three is a decimal digit


def test_at_most_ten_votes_are_read_from_one_sms():
    parsed = citizen_sms_parse("O " + " ".join(f"{n} A" for n in range(1, 30)))
    assert len(parsed.votes) == MAX_VOTES


def test_random_junk_never_raises():
    rng = random.Random(19)
    alphabet = string.printable + "ОМАДНПҚӘІ−–—+?\x00\u2028"
    for _ in range(2000):
        text = rng.choice(["O ", "M ", "О", "М", ""]) + "".join(
            rng.choice(alphabet) for _ in range(rng.randint(0, 40))
        )
        parsed = citizen_sms_parse(text)
        if parsed is not None:
            assert all(0 < s < 2**31 and v in (1, -1, 0) for s, v in parsed.votes)
