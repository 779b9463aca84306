"""The opinion analysis on hand-worked cases, planted camps, and recomputations."""

import math

import numpy as np
import pytest

from amanat.dialogue.opinion import (
    analyse,
    command_view,
    division,
    next_statement,
    pa,
    pat,
    vote_matrix,
)
from amanat.dialogue.tests.factories import planted


def matrix_of(rows, moderated_out=(), previous=None):
    """rows: (participant, statement, vote[, time])."""
    people = [r[0] for r in rows]
    statements = [r[1] for r in rows]
    values = [r[2] for r in rows]
    times = [r[3] if len(r) > 3 else 0 for r in rows]
    return analyse(vote_matrix(people, statements, values, times), moderated_out, previous)


def test_pa_and_pat_by_hand():
    # 7 agree of 10 votes: pa = (7+1)/(10+2) = 8/12 = 0.6667;
    # pat = 2·√11·(8/11 − 0.5) = 2·3.3166·0.22727 = 1.5076
    assert pa(7, 10) == pytest.approx(8 / 12)
    assert pat(7, 10) == pytest.approx(1.5076, abs=1e-4)
    # Nobody voted: pa = 1/2, pat = 2·1·(1 − ½) = 1 (the +1 smoothing, no evidence either way).
    assert pa(0, 0) == 0.5
    assert pat(0, 0) == pytest.approx(1.0)
    # 3 of 3: pat = 2·2·(4/4 − ½) = 2.0 > 1.2816; 2 of 3: 2·2·(3/4 − ½) = 1.0 < 1.2816.
    assert pat(3, 3) == pytest.approx(2.0)
    assert pat(2, 3) == pytest.approx(1.0)


def test_last_vote_wins_by_time_not_by_order():
    votes = vote_matrix(["p", "p", "p"], ["s", "s", "s"], [1, -1, 0], [5, 9, 7])
    assert votes.matrix.tolist() == [[-1.0]]
    # Same time: the later row given wins.
    votes = vote_matrix(["p", "p"], ["s", "s"], [1, -1], [3, 3])
    assert votes.matrix.tolist() == [[-1.0]]


def test_a_vote_other_than_1_minus_1_0_is_refused():
    with pytest.raises(ValueError, match="agree"):
        vote_matrix(["p"], ["s"], [2], [0])


def _two_camps(moderated_out=()):
    """Camp A (a1…a4) agrees on 1, 2, 3; camp B (b1…b4) disagrees on 1, 2, agrees on 3;
    statement 4: A agree, B pass."""
    rows = []
    for p in ("a1", "a2", "a3", "a4"):
        rows += [(p, 1, 1), (p, 2, 1), (p, 3, 1), (p, 4, 1)]
    for p in ("b1", "b2", "b3", "b4"):
        rows += [(p, 1, -1), (p, 2, -1), (p, 3, 1), (p, 4, 0)]
    return matrix_of(rows, moderated_out)


def test_hand_worked_two_groups_representative_and_informed_consensus():
    result = _two_camps()
    # 4 statements: everyone has min(7, 4) = 4 votes, so all 8 are clustered.
    assert len(result["clustered"]) == 8
    members = sorted(sorted(g["members"]) for g in result["groups"])
    assert members == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]
    # Group-informed consensus of statement 3 (both groups 4 agree of 4):
    # (4+1)/(4+2) · (4+1)/(4+2) = 25/36 = 0.6944.
    assert result["group_informed_consensus"]["3"] == pytest.approx(25 / 36)
    # Statement 1 (A 4 of 4 agree, B 0 of 4): 5/6 · 1/6 = 5/36 = 0.1389.
    assert result["group_informed_consensus"]["1"] == pytest.approx(5 / 36)
    # Group A on statement 1: pat(4, 4) = 2·√5·(5/5 − ½) = 2.236 > 1.2816, and the z of
    # (4+1)/(4+1) against (0+1)/(4+1) is 2.58 > 1.2816: A agrees, representative.
    a_group = next(g for g in result["groups"] if "a1" in g["members"])
    b_group = next(g for g in result["groups"] if "b1" in g["members"])
    assert {"statement": 1, "direction": "agree"} in a_group["representative"]
    assert {"statement": 1, "direction": "disagree"} in b_group["representative"]
    # Agree first: every agree entry comes before every disagree entry.
    directions = [r["direction"] for r in a_group["representative"]]
    assert directions == sorted(directions)
    # Statement 3 is shared by all: not representative of either group.
    assert all(r["statement"] != 3 for g in result["groups"] for r in g["representative"])
    # Consensus over all 8: statement 3 has pa = 9/10, pat = 2·3·(9/9 − ½) = 3 → agreed.
    # Statement 4: 4 agree of 8 → pat = 2·3·(5/9 − ½) = 0.33 → not consensus.
    assert result["consensus"]["agree"] == [3]
    assert result["consensus"]["disagree"] == []


def test_moderated_out_statement_counts_for_nothing():
    result = _two_camps(moderated_out=[1])
    assert "1" not in result["group_informed_consensus"]
    assert all(r["statement"] != 1 for g in result["groups"] for r in g["representative"])
    # The column stays (votes on it count as 0): min(7, 4) = 4 votes, everyone has 4.
    assert len(result["clustered"]) == 8
    assert "1" not in result["statements"]
    assert result["consensus"]["agree"] == [3]


def test_a_statement_moderated_out_does_not_lower_the_threshold():
    # 10 participants vote on 8 statements; 99 votes once, on statement 0; 1…7 moderated
    # out. Still min(7, 8) = 7 votes needed: 99 (1 vote) is not clustered; had the columns
    # been dropped, min(7, 1) = 1 would have clustered them.
    rows = [(p, s, 1 if p < 5 else -1) for p in range(10) for s in range(8)]
    rows += [(99, 0, 1)]
    result = matrix_of(rows, moderated_out=range(1, 8))
    assert 99 not in result["clustered"]
    assert sorted(result["clustered"]) == list(range(10))
    assert list(result["group_informed_consensus"]) == ["0"]


def test_votes_on_a_statement_moderated_out_count_as_passes():
    # The map with statement 7 moderated out equals the map where every vote on 7 is a pass:
    # same threshold, same scaling √(8 statements / votes) for 98, who skipped statement 3.
    rows = [(p, s, 1 if (p < 5) == (s % 2 == 0) else -1) for p in range(10) for s in range(8)]
    rows += [(98, s, 1) for s in range(8) if s != 3]
    passes = [(p, s, 0 if s == 7 else v) for p, s, v in rows]
    moderated = matrix_of(rows, moderated_out=[7])
    as_passes = matrix_of(passes)
    assert moderated["clustered"] == as_passes["clustered"]
    assert 98 in moderated["clustered"]
    for p, point in as_passes["points"].items():
        assert moderated["points"][p][:2] == pytest.approx(point[:2])


def test_too_few_votes_are_not_clustered():
    rows = [(p, s, 1 if p < 5 else -1) for p in range(10) for s in range(8)]
    rows += [(99, 0, 1), (99, 1, 1)]  # 2 votes of 8 statements < min(7, 8)
    result = matrix_of(rows)
    assert 99 not in result["clustered"]
    assert result["participants"] == 11
    assert all(99 not in g["members"] for g in result["groups"])


@pytest.mark.parametrize("camps", [2, 3])
def test_planted_camps_are_recovered_and_consensus_comes_first(camps):
    camp, rows = planted(camps)
    result = matrix_of(rows)
    assert len(result["groups"]) == camps
    for group in result["groups"]:
        origins = np.bincount(camp[group["members"]], minlength=camps)
        assert origins.max() >= 0.95 * len(group["members"])  # each group is one camp
    assert sorted(result["consensus"]["agree"][:3]) == [0, 1, 2]
    assert result["consensus"]["disagree"][0] == 39
    informed = sorted(result["group_informed_consensus"].items(), key=lambda kv: -kv[1])
    assert {s for s, _ in informed[:3]} == {"0", "1", "2"}


def test_same_input_same_groups_and_ids():
    _, rows = planted(3)
    first, second = matrix_of(rows), matrix_of(list(reversed(rows)))
    # The reversed order changes nothing: the last vote is decided by time (no ties here
    # would matter: planted votes are one per participant and statement).
    assert command_view(first) == command_view(second)


def test_a_few_more_votes_keep_the_group_ids():
    camp, rows = planted(3)
    first = matrix_of(rows)
    previous = {g["id"]: g["members"] for g in first["groups"]}
    more = rows + [(p, 5, 1, 2000) for p in range(10)] + [(500, s, 1, 2000) for s in range(10)]
    second = matrix_of(more, previous=previous)
    for group in second["groups"]:
        before = set(previous[group["id"]])
        assert len(before & set(group["members"])) >= 0.9 * len(before)


def test_ids_follow_the_members_even_when_labels_come_out_in_another_order():
    camp, rows = planted(2)
    first = matrix_of(rows)
    swapped = {1 - g["id"]: g["members"] for g in first["groups"]}
    again = matrix_of(rows, previous=swapped)
    for group in again["groups"]:
        assert set(group["members"]) == set(swapped[group["id"]])


def test_next_statement_prefers_the_unseen_and_the_divisive():
    analysis = {
        "statements": {
            "1": {
                "agree": 50,
                "disagree": 0,
                "votes": 50,
                "groups": {"0": [25, 0, 25], "1": [25, 0, 25]},
            },
            "2": {
                "agree": 25,
                "disagree": 25,
                "votes": 50,
                "groups": {"0": [25, 0, 25], "1": [0, 25, 25]},
            },
        }
    }
    assert division(analysis["statements"]["2"]) > 0.9 > division(analysis["statements"]["1"])
    rng = np.random.default_rng(0)
    picks = [next_statement([1, 2, 3], {1: 50, 2: 50}, analysis, rng) for _ in range(400)]
    # Statement 3 (new, nobody has seen it) is drawn the most, then 2 (divides), then 1.
    counts = {s: picks.count(s) for s in (1, 2, 3)}
    assert counts[3] > counts[2] > counts[1]
    assert next_statement([], {}, analysis, rng) is None
    # The weights as documented: (¼ + division) / √(1 + seen).
    assert (0.25 + 0.5) / math.sqrt(1) > (0.25 + division(analysis["statements"]["2"])) / math.sqrt(
        51
    )
