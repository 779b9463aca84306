"""Opinion maps (the Pol.is method, implemented from its published formulas).

`analyse(votes, …)` takes every vote ever cast in a conversation and returns the map:

- the vote matrix: the last vote of a participant on a statement counts (by time, then by
  order given); statements moderated out keep their column, every vote on them counts as 0
  (they move no one, and are reported nowhere);
- participants with at least min(7, number of statements) votes are clustered: their rows are
  projected on two principal components and grouped by k-means, k = 2…5 by silhouette
  (clustering.py), keeping the ids of the previous analysis' groups;
- per group and statement, with a agrees, d disagrees and n votes (passes included):
  pa = (a+1)/(n+2) and pat = 2√(n+1)·((a+1)/(n+1) − ½), the same for disagree; a statement
  represents a group when pat and the z of the group against all other groups together
  (two-proportion test, every count plus 1) both pass 1.2816 (one-sided 90 %); up to 5 per
  group, agree first, each by the product of the two;
- consensus over everyone: pa > 0.5 and pat > 1.2816, top 5 by pa·pat, the same for
  disagree; group-informed consensus: Π over groups of (a+1)/(n+2).

Ids of participants and statements may be ints or strings (one kind each).
"""

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from amanat.core.statistics import two_proportion_z_test

from .clustering import Floats, Ints, cluster, project, stable_ids

VERSION = 1
Z_90 = 1.2816  # one-sided 90 %
MIN_VOTES = 7
REPRESENTATIVE_PER_GROUP = 5
CONSENSUS_TOP = 5


@dataclass(frozen=True)
class Votes:
    """The matrix: rows are `participants`, columns `statements`, NaN where no vote."""

    participants: list[Any]
    statements: list[Any]
    matrix: Floats


def vote_matrix(
    participants: Sequence[Hashable],
    statements: Sequence[Hashable],
    values: Sequence[float] | npt.NDArray[np.float64],
    times: Sequence[float] | npt.NDArray[np.float64],
    also_statements: Iterable[Hashable] = (),
) -> Votes:
    """The last vote (greatest time; on a tie, the later one given) of each participant on
    each statement. `also_statements` adds statements nobody voted on yet."""
    values_array = np.asarray(values, dtype=np.float64)
    if len(values_array) and not np.isin(values_array, (-1.0, 0.0, 1.0)).all():
        raise ValueError("a vote is 1 (agree), -1 (disagree) or 0 (pass)")
    people, rows = np.unique(_array(participants), return_inverse=True)
    extra = list(also_statements)
    every = _array(statements) if not extra else _array([*statements, *extra])
    topics, columns = np.unique(every, return_inverse=True)
    columns = columns[: len(values_array)]
    matrix = np.full((len(people), len(topics)), np.nan)
    if len(values_array):
        key = rows * len(topics) + columns
        order = np.lexsort((np.arange(len(key)), np.asarray(times, dtype=np.float64), key))
        ordered = key[order]
        last = np.append(ordered[1:] != ordered[:-1], True)
        chosen = order[last]
        matrix[rows[chosen], columns[chosen]] = values_array[chosen]
    return Votes(people.tolist(), topics.tolist(), matrix)


def _array(ids: Sequence[Hashable] | npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Ids as a numpy array of their own kind (ints or text), so sorting them is fast."""
    array = np.asarray(ids)
    return array if array.dtype.kind in "iuU" else np.asarray(ids, dtype=object)


def pa(a: float, n: float) -> float:
    """The smoothed share that agrees: (a+1)/(n+2)."""
    return (a + 1) / (n + 2)


def pat(a: float, n: float) -> float:
    """How far the agreement is from a coin toss: 2√(n+1)·((a+1)/(n+1) − ½)."""
    return 2 * math.sqrt(n + 1) * ((a + 1) / (n + 1) - 0.5)


def _counts(matrix: Floats, rows: npt.NDArray[np.bool_]) -> tuple[Floats, Floats, Floats]:
    part = matrix[rows]
    return (part == 1).sum(axis=0), (part == -1).sum(axis=0), (~np.isnan(part)).sum(axis=0)


def _representative(
    counts: dict[int, tuple[Floats, Floats, Floats]], group: int, statements: list[Any]
) -> list[dict[str, Any]]:
    a, d, n = counts[group]
    others = [counts[g] for g in counts if g != group]
    rest_a, rest_d, rest_n = (sum((c[i] for c in others), np.zeros_like(a)) for i in range(3))
    found: list[tuple[int, float, Any, str]] = []
    for j, statement in enumerate(statements):
        for rank, (direction, mine, theirs) in enumerate(
            (("agree", a[j], rest_a[j]), ("disagree", d[j], rest_d[j]))
        ):
            test = pat(mine, n[j])
            z = two_proportion_z_test(
                int(mine) + 1, int(n[j]) + 1, int(theirs) + 1, int(rest_n[j]) + 1
            ).z
            if test > Z_90 and z > Z_90:
                found.append((rank, -test * z, statement, direction))
    found.sort(key=lambda row: row[:2])
    return [
        {"statement": statement, "direction": direction}
        for _, _, statement, direction in found[:REPRESENTATIVE_PER_GROUP]
    ]


def _consensus(a: Floats, n: Floats, statements: list[Any]) -> list[Any]:
    scored = [
        (-pa(a[j], n[j]) * pat(a[j], n[j]), j)
        for j in range(len(statements))
        if pa(a[j], n[j]) > 0.5 and pat(a[j], n[j]) > Z_90
    ]
    return [statements[j] for _, j in sorted(scored)[:CONSENSUS_TOP]]


def analyse(
    votes: Votes,
    moderated_out: Iterable[Hashable] = (),
    previous_groups: Mapping[int, Iterable[Hashable]] | None = None,
) -> dict[str, Any]:
    """The map, groups and consensus of `votes` (see the module's docstring).

    `previous_groups` (group id → members) is the last analysis' groups: the new groups keep
    their ids. The result is JSON-ready; `statements` holds the counts behind the report.
    """
    out = set(moderated_out)
    live = votes.matrix.copy()
    active = np.array([s not in out for s in votes.statements], dtype=bool)
    # As in Pol.is, a statement moderated out keeps its column and every vote on it counts as
    # 0 (like a pass): it moves no one on the map, but neither the threshold min(7, number
    # of statements) nor the scaling √(statements / votes) changes because of moderation.
    live[:, ~active] = np.where(np.isnan(live[:, ~active]), np.nan, 0.0)
    voted = (~np.isnan(live)).sum(axis=1)
    needed = min(MIN_VOTES, len(votes.statements))
    clustered_rows = (voted >= needed) & (voted > 0)
    clustered = [p for p, c in zip(votes.participants, clustered_rows, strict=True) if c]

    groups: dict[int, list[Any]] = {}
    points: dict[str, list[float]] = {}
    labels_by_id: dict[int, npt.NDArray[np.bool_]] = {}
    if clustered:
        xy = project(live[clustered_rows])
        previous = _previous_labels(clustered, previous_groups or {})
        labels = cluster(xy, previous)
        ids = stable_ids(labels, previous)
        rows = np.flatnonzero(clustered_rows)
        for label, gid in sorted(ids.items(), key=lambda item: item[1]):
            mask = np.zeros(len(votes.participants), dtype=bool)
            mask[rows[labels == label]] = True
            labels_by_id[gid] = mask
            groups[gid] = [p for p, m in zip(votes.participants, mask, strict=True) if m]
        for p, (x, y), label in zip(clustered, xy.tolist(), labels.tolist(), strict=True):
            points[str(p)] = [round(x, 4), round(y, 4), ids[label]]

    # Statements moderated out are reported nowhere: not representative, not consensus.
    shown = live[:, active]
    statements = [s for s, keep in zip(votes.statements, active, strict=True) if keep]
    counts = {gid: _counts(shown, mask) for gid, mask in labels_by_id.items()}
    a, d, n = _counts(shown, np.ones(len(votes.participants), dtype=bool))
    informed = {
        str(s): float(np.prod([pa(c[0][j], c[2][j]) for c in counts.values()]))
        for j, s in enumerate(statements)
    }
    return {
        "version": VERSION,
        "participants": len(votes.participants),
        "clustered": clustered,
        "groups": [
            {
                "id": gid,
                "members": members,
                "representative": _representative(counts, gid, statements),
            }
            for gid, members in groups.items()
        ],
        "consensus": {
            "agree": _consensus(a, n, statements),
            "disagree": _consensus(d, n, statements),
        },
        "group_informed_consensus": informed if counts else {},
        "points": points,
        "statements": {
            str(s): {
                "agree": int(a[j]),
                "disagree": int(d[j]),
                "votes": int(n[j]),
                "groups": {
                    str(g): [int(c[0][j]), int(c[1][j]), int(c[2][j])] for g, c in counts.items()
                },
            }
            for j, s in enumerate(statements)
        },
    }


def _previous_labels(
    clustered: list[Any], previous_groups: Mapping[int, Iterable[Hashable]]
) -> Ints:
    where = {member: int(gid) for gid, members in previous_groups.items() for member in members}
    return np.array([where.get(p, -1) for p in clustered], dtype=np.intp)


COMMAND_KEYS = ("participants", "clustered", "groups", "consensus", "group_informed_consensus")


def command_view(result: dict[str, Any]) -> dict[str, Any]:
    """The part of the result `amanat opinion analyze --json` prints, exactly its keys."""
    return {key: result[key] for key in COMMAND_KEYS}


def division(counts: Mapping[str, Any] | None) -> float:
    """How much a statement divides opinion, 0…1: the widest gap between two groups' smoothed
    agree shares; with no groups yet, how evenly agree and disagree split."""
    if not counts:
        return 0.5  # nothing known: as if half-divisive
    shares = [pa(a, n) for a, _, n in counts.get("groups", {}).values()]
    if len(shares) >= 2:
        return max(shares) - min(shares)
    a, d = counts["agree"], counts["disagree"]
    return 1 - abs(a - d) / (a + d + 1)


def next_statement(
    candidates: Sequence[Hashable],
    seen: Mapping[Any, int],
    analysis: Mapping[str, Any] | None,
    rng: np.random.Generator,
) -> Hashable | None:
    """The statement to show next, drawn among `candidates` (those not yet voted on by the
    participant) with weight (¼ + division) / √(1 + how many have voted on it): statements few
    have seen come first while they are new, then those that divide the groups."""
    if not candidates:
        return None
    stats = (analysis or {}).get("statements", {})
    weights = np.array(
        [(0.25 + division(stats.get(str(s)))) / math.sqrt(1 + seen.get(s, 0)) for s in candidates]
    )
    return candidates[int(rng.choice(len(candidates), p=weights / weights.sum()))]
