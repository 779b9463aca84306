"""Krippendorff's alpha against the published examples of Krippendorff (2011), "Computing
Krippendorff's Alpha-Reliability" (Annenberg School, University of Pennsylvania)."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from amanat.media.reliability import ReliabilityError, alpha, verdict

# Section C: four observers, twelve units, values 1..5, "." a missing coding.
TEXTBOOK = """\
1 2 3 3 2 1 4 1 2 . . .
1 2 3 3 2 2 4 1 2 5 . 3
. 3 3 3 2 3 4 2 2 5 1 .
1 2 3 3 2 4 4 1 2 5 1 ."""
# Section A: two observers, ten units, binary data.
BINARY = ("0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0")


def _codings(rows):
    return [
        (unit, f"obs{coder}", int(value))
        for coder, row in enumerate(rows)
        for unit, value in enumerate(row.split())
        if value != "."
    ]


@pytest.mark.parametrize(
    ("level", "expected"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_textbook_example_with_missing_codings_at_every_level(level, expected):
    result = alpha(_codings(TEXTBOOK.splitlines()), level=level)
    assert round(result.alpha, 3) == expected
    # Unit 12 was coded by one observer only: not pairable, neither it nor its value counts.
    assert (result.units, result.coders, result.values) == (11, 4, 40)


def test_binary_two_coder_example():
    result = alpha(_codings(BINARY), level="nominal")
    assert round(result.alpha, 3) == 0.095
    assert (result.units, result.coders, result.values) == (10, 2, 20)


def test_perfect_agreement_is_one_and_no_variation_is_undefined():
    assert alpha([(1, "a", "x"), (1, "b", "x"), (2, "a", "y"), (2, "b", "y")],
                 level="nominal").alpha == 1.0  # fmt: skip
    assert alpha([(1, "a", 3), (1, "b", 3)], level="interval").alpha is None


def test_bad_codings_are_refused():
    with pytest.raises(ReliabilityError, match="more than once"):
        alpha([(1, "a", 1), (1, "a", 2)], level="nominal")
    with pytest.raises(ReliabilityError, match="not a number"):
        alpha([(1, "a", "x"), (1, "b", 2)], level="interval")
    with pytest.raises(ReliabilityError, match="negative"):
        alpha([(1, "a", -1), (1, "b", 2)], level="ratio")


def test_verdicts_follow_the_thresholds():
    assert [verdict(v) for v in (0.9, 0.8, 0.799, 0.667, 0.666, None)] == [
        "good", "good", "warning", "warning", "tentative", "undefined",
    ]  # fmt: skip


def _csv(tmp_path, rows):
    path = tmp_path / "codings.csv"
    lines = ["unit,coder,tone"] + [f"{u},{c},{'' if v == '.' else v}" for u, c, v in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _long(rows):
    return [
        (unit + 1, f"obs{coder}", value)
        for coder, row in enumerate(rows)
        for unit, value in enumerate(row.split())
    ]


def test_command_prints_exactly_the_four_keys(tmp_path, capsys):
    path = _csv(tmp_path, _long(TEXTBOOK.splitlines()))
    call_command("media", "alpha", str(path), "--unit", "unit", "--coder", "coder",
                 "--value", "tone", "--level", "ordinal", "--json")  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["alpha", "units", "coders", "values"]
    assert round(out["alpha"], 3) == 0.815
    assert (out["units"], out["coders"], out["values"]) == (11, 4, 40)


@pytest.mark.parametrize(
    ("rows", "options", "message"),
    [
        ([(1, "a", "x"), (1, "b", "2")], ["--level", "ratio"], "'x' is not a number"),
        ([(1, "a", "1"), (1, "a", "2")], ["--level", "nominal"], "more than once"),
        ([(1, "a", "1")], ["--level", "nominal", "--value", "nope"], "no column nope"),
    ],
)
def test_command_bad_input_is_a_clear_error(tmp_path, rows, options, message):
    path = _csv(tmp_path, rows)
    arguments = ["--unit", "unit", "--coder", "coder", "--value", "tone", *options]
    with pytest.raises(CommandError, match=message):
        call_command("media", "alpha", str(path), *arguments)


def test_command_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("media", "alpha", str(tmp_path / "none.csv"), "--unit", "u",
                     "--coder", "c", "--value", "v", "--level", "nominal")  # fmt: skip
