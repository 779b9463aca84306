import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> dict:
    out = StringIO()
    call_command("voterlist", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_sample_size_prints_the_four_figures():
    # As tests/test_sampling.py works out: 1068, 1.95, 2081, 105.
    result = run("sample-size", "--proportion", "0.5", "--margin", "0.03",
                 "--per-station", "20", "--icc", "0.05")  # fmt: skip
    assert result == {"simple": 1068, "design_effect": 1.95, "names": 2081, "stations": 105}


def test_sample_size_with_population_and_confidence():
    arguments = ["--proportion", "0.5", "--margin", "0.03", "--population", "5000"]
    arguments += ["--per-station", "20", "--icc", "0.05", "--confidence", "0.95"]
    result = run("sample-size", *arguments)
    assert (result["simple"], result["names"], result["stations"]) == (880, 1716, 86)


def write(tmp_path, text: str) -> str:
    path = tmp_path / "field.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_estimate_by_hand(tmp_path):
    # Stations A, B, C with 10 names each: found 8, 6, 10; moved 2, 4, 0.
    # found: p = 0.8, interval 0.573682 … 1 (test_sampling works it out); moved: p = 0.2,
    # y − p·m = 0, 2, −2, the same variance: 0.2 ± 0.226318 → 0 … 0.426318
    rows = ["station,outcome"]
    for station, found in (("A", 8), ("B", 6), ("C", 10)):
        rows += [f"{station},found"] * found + [f"{station},moved"] * (10 - found)
    rows.append("C,")  # not visited yet: left out
    result = run("estimate", write(tmp_path, "\n".join(rows)), "--station", "station",
                 "--outcome", "outcome")  # fmt: skip
    assert result["stations"] == 3
    assert result["names"] == 30
    assert set(result["outcomes"]) == {"found", "moved"}
    found, moved = result["outcomes"]["found"], result["outcomes"]["moved"]
    assert found["share"] == pytest.approx(0.8)
    assert found["low"] == pytest.approx(0.573682, abs=1e-6)
    assert found["high"] == 1.0
    assert moved["share"] == pytest.approx(0.2)
    assert moved["low"] == 0.0
    assert moved["high"] == pytest.approx(0.426318, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("post,outcome\nA,found\n", "no column station"),
        ("station,outcome\nA,found\nA,moved\n", "at least two stations"),
        ("station,outcome\n,found\nB,found\n", "line 2: the station is empty"),
    ],
)
def test_estimate_refuses_bad_files_clearly(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(CommandError, match=message):
        call_command("voterlist", "estimate", path, "--station", "station", "--outcome", "outcome")


def test_estimate_refuses_a_missing_or_binary_file(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("voterlist", "estimate", str(tmp_path / "none.csv"), "--station", "s",
                     "--outcome", "o")  # fmt: skip
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("voterlist", "estimate", str(binary), "--station", "s", "--outcome", "o")


def test_bad_confidence_is_a_clear_error():
    with pytest.raises(CommandError, match="--confidence"):
        call_command("voterlist", "sample-size", "--proportion", "0.5", "--margin", "0.03",
                     "--per-station", "20", "--icc", "0.05", "--confidence", "95")  # fmt: skip
