"""`amanat opinion analyze FILE [--moderated-out ID,ID…] --json`."""

import json

import pytest
from django.core.management import CommandError, call_command

from .factories import planted


def run(path, *extra):
    from io import StringIO

    out = StringIO()
    call_command("opinion", "analyze", str(path), *extra, "--json", stdout=out)
    return json.loads(out.getvalue())


def write(tmp_path, text, name="votes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_output_has_exactly_the_documented_shape(tmp_path):
    camp, rows = planted(2, participants=60, statements=12)
    lines = ["participant,statement,vote,time"] + [f"{p},{s},{v},{t}" for p, s, v, t in rows]
    result = run(write(tmp_path, "\n".join(lines)))
    assert set(result) == {
        "participants",
        "clustered",
        "groups",
        "consensus",
        "group_informed_consensus",
    }
    assert result["participants"] == 60
    assert len(result["groups"]) == 2
    for group in result["groups"]:
        assert set(group) == {"id", "members", "representative"}
        assert all(set(r) == {"statement", "direction"} for r in group["representative"])
        assert all(isinstance(m, int) for m in group["members"])
    assert set(result["consensus"]) == {"agree", "disagree"}
    assert set(result["group_informed_consensus"]) == {str(s) for s in range(12)}


def test_the_last_vote_by_time_wins_and_moderated_out_is_dropped(tmp_path):
    rows = ["participant,statement,vote,time"]
    for p in range(1, 9):
        for s in range(1, 5):
            rows.append(f"{p},{s},{1 if p <= 4 or s == 3 else -1},2026-12-05T10:00:00Z")
    # Participant 1 changes their mind on statement 3 later; the earlier row comes last.
    rows.insert(1, "1,3,-1,2026-12-05T11:00:00+00:00")
    path = write(tmp_path, "\n".join(rows))
    result = run(path)
    assert result["consensus"]["agree"] == [3]
    # 7 agree of 8 on statement 3 now (1 changed): still consensus, but not 8 of 8.
    result_out = run(path, "--moderated-out", "3,4")
    assert "3" not in result_out["group_informed_consensus"]
    assert "4" not in result_out["group_informed_consensus"]
    assert result_out["consensus"]["agree"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("participant,statement,time\n1,2,3\n", "missing column(s) vote"),
        ("participant,statement,vote,time\n1,2,5,0\n", "line 2: vote must be 1, -1 or 0"),
        ("participant,statement,vote,time\n1,2,1,yesterday\n", "line 2: time 'yesterday'"),
        ("participant,statement,vote,time\n,2,1,0\n", "line 2: participant and statement"),
        ("participant,statement,vote,time\n", "holds no votes"),
    ],
)
def test_bad_files_are_explained(tmp_path, text, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(write(tmp_path, text))


def test_a_missing_or_binary_file_is_explained(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run(tmp_path / "nope.csv")
    binary = tmp_path / "votes.csv"
    binary.write_bytes(b"\xff\xfe\x00participant")
    with pytest.raises(CommandError, match="not a UTF-8 CSV"):
        run(binary)


@pytest.mark.parametrize("given", ["2,x", "2,99", "x"])
def test_a_moderated_out_id_not_in_the_file_is_refused(tmp_path, given):
    path = write(tmp_path, "participant,statement,vote,time\n1,2,1,0\n1,3,-1,0\n")
    bad = given.split(",")[-1]
    with pytest.raises(CommandError, match=f"--moderated-out: {bad} is not a statement id"):
        run(path, "--moderated-out", given)
    # Ids that are in the file are taken, spaces and empty parts aside.
    assert run(path, "--moderated-out", " 2, ,3")["participants"] == 1
