import csv

import numpy as np


def results_csv(tmp_path, n=800, forged=80):
    voters, turnout, votes = stations(n=n, forged=forged)
    path = tmp_path / "results.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["region", VOTERS, ISSUED[0], CAST[0], CAST[1], LEADER])
        for i in range(n):
            writer.writerow([f"R{i % 3}", int(voters[i]), int(turnout[i]), 0, int(turnout[i]),
                             int(votes[i])])  # fmt: skip
    return path, (voters, turnout, votes)


VOTERS = "Число избирателей, включенных в список избирателей"


ISSUED = [
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
    "Число избирательных бюллетеней, выданных в помещении для голосования в день голосования",
    "Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования",
]


CAST = ["Число недействительных избирательных бюллетеней",
        "Число действительных избирательных бюллетеней"]  # fmt: skip


LEADER = "Путин Владимир Владимирович"


def stations(n=4000, seed=7, forged=0):
    """Honest binomial stations; the first `forged` have turnout written to a whole percent."""
    rng = np.random.default_rng(seed)
    voters = rng.integers(300, 3000, n).astype(float)
    turnout = rng.binomial(voters.astype(int), rng.uniform(0.4, 0.8, n)).astype(float)
    turnout[:forged] = np.round(voters[:forged] * 0.85)
    turnout[:forged] = np.round(
        np.round(turnout[:forged] / voters[:forged] * 100) * voters[:forged] / 100
    )
    votes = rng.binomial(turnout.astype(int), rng.uniform(0.3, 0.7, n)).astype(float)
    return voters, turnout, votes
