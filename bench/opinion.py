"""Opinion map of 5,000 participants × 300 statements in three planted camps.

    .venv/bin/python bench/opinion.py [--participants 5000] [--statements 300]

Prints the seconds to build the vote matrix (last vote wins) and to analyse it (projection,
k-means for k = 2…5 with silhouettes, representative statements, consensus), and checks that
the camps were recovered. The background task `dialogue.analyse` does the same work.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from amanat.dialogue.opinion import analyse, vote_matrix  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=5000)
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--share", type=float, default=0.3, help="share of statements voted on")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    people, topics = args.participants, args.statements
    camp = rng.integers(0, 3, people)
    stance = rng.choice([-1, 1], (3, topics))
    stance[:, :5] = 1
    voted = rng.random((people, topics)) < args.share
    rows, columns = np.nonzero(voted)
    values = stance[camp[rows], columns]
    noise = rng.random(len(rows)) < 0.15
    values[noise] = rng.choice([-1, 0, 1], noise.sum())
    times = rng.random(len(rows))
    print(f"{people} participants × {topics} statements, {len(rows):,} votes")
    start, cpu = time.perf_counter(), time.process_time()
    votes = vote_matrix(rows, columns, values, times)
    built = time.perf_counter()
    result = analyse(votes)
    done, cpu = time.perf_counter(), time.process_time() - cpu
    purity = [
        np.bincount(camp[g["members"]], minlength=3).max() / len(g["members"])
        for g in result["groups"]
    ]
    print(f"matrix {built - start:.2f} s, analysis {done - built:.2f} s (CPU {cpu:.2f} s in all)")
    print(f"groups {len(result['groups'])}, purity {min(purity):.3f}")
    print(f"consensus agree {result['consensus']['agree']}")


if __name__ == "__main__":
    main()
