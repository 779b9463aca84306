"""Reads for forensics: the contest whose official results the analysts' page offers, and those
results as the arrays the forensic tests take."""

import numpy as np

from amanat.elections.models import Contest, OfficialResult, option_key
from amanat.elections.selectors import election_current
from amanat.geography.models import Region

from .analysis import StationArrays


def official_contest_current() -> Contest | None:
    """The current election's first contest with official results stored, if any."""
    election = election_current()
    if election is None:
        return None
    contests = Contest.objects.filter(election=election, official_results__isnull=False)
    return contests.distinct().first()


def official_arrays(contest: Contest, option_position: int) -> StationArrays:
    """Official figures as the arrays the forensic tests take: turnout counts the ballots
    issued, the share is of the ballots found in the boxes. Regions are named in the reader's
    language, since stored results carry only codes (KZ-71)."""
    rows = list(
        OfficialResult.objects.filter(contest=contest)
        .order_by("station_id")
        .values_list("figures", "station__district__region__code")
    )
    names = {region.code: region.name for region in Region.objects.all()}
    key = option_key(option_position)

    def column(line: str) -> np.ndarray:
        return np.array([figures.get(line, np.nan) for figures, _ in rows], dtype=float)

    return StationArrays(
        voters=column("voters"),
        turnout_count=column("issued"),
        ballots=column("found"),
        votes=column(key),
        regions=np.array([names.get(code, code) for _, code in rows], dtype=object),
    )
