"""Demo results: official station protocols for the fictional election, observers' copies from
a PVT sample of stations, and a handful of stations where the "official" figures were moved,
so that reconciliation, the PVT page and the forensics page have something to show."""

import uuid

import numpy as np

from amanat.checklists.ingestion import submission_receive
from amanat.checklists.models import Submission
from amanat.elections.models import Contest, OfficialResult
from amanat.geography.models import PollingStation
from amanat.observers.models import DeploymentStation
from amanat.results.models import ProtocolForm, PvtSample
from amanat.results.pvt import pvt_sample_draw

from .story import DEMO_NAMESPACE

SHARES = [0.52, 0.27, 0.14, 0.07]  # by ballot position; the rest is renormalised
MOVED = 25  # stations whose official figures were "adjusted"
SAMPLE_SIZE = 400
SOURCE = "demo (fictional)"


def _protocol(rng, voters: int, positions: int) -> dict:
    issued = int(rng.binomial(voters, float(np.clip(rng.normal(0.64, 0.08), 0.3, 0.95))))
    invalid = int(rng.binomial(issued, 0.012))
    valid = issued - invalid
    shares = np.array((SHARES + [0.05] * positions)[:positions])
    votes = rng.multinomial(valid, shares / shares.sum())
    figures = {"voters": voters, "received": voters, "issued": issued,
               "cancelled": voters - issued, "lost": 0, "found": issued, "invalid": invalid,
               "valid": valid}  # fmt: skip
    figures.update({f"option:{p + 1}": int(v) for p, v in enumerate(votes)})
    return figures


def _moved(figures: dict, rng) -> dict:
    """Votes taken from the others and written to the first candidate."""
    moved = dict(figures)
    for key in [k for k in figures if k.startswith("option:") and k != "option:1"]:
        taken = int(rng.integers(0, figures[key] // 3 + 1))
        moved[key] -= taken
        moved["option:1"] += taken
    return moved


def demo_results_load(contest: Contest, seed: int = 2027) -> int:
    """Once per contest; returns the observers' protocols stored."""
    if OfficialResult.objects.filter(contest=contest).exists():
        return 0
    rng = np.random.default_rng(seed)
    positions = contest.options.count()
    stations = list(
        PollingStation.objects.order_by("number").values_list("pk", "registered_voters")
    )
    truth = {pk: _protocol(rng, max(voters, 100), positions) for pk, voters in stations}
    sample = pvt_sample_load(contest, seed)
    observed = _observer_copies(contest, sample.station_ids, truth)
    tampered = set(rng.choice(sorted(observed), size=min(MOVED, len(observed)), replace=False))
    OfficialResult.objects.bulk_create(
        [OfficialResult(contest=contest, station_id=pk, source=SOURCE,
                        figures=_moved(truth[pk], rng) if pk in tampered else truth[pk])
         for pk, _voters in stations],
        batch_size=2000,
    )  # fmt: skip
    return len(observed)


def _observer_copies(contest: Contest, station_ids: list[int], truth: dict) -> set[int]:
    protocol_form = ProtocolForm.objects.get(contest=contest)
    code_of = {key: code for code, key in protocol_form.lines.items()}
    links = DeploymentStation.objects.filter(election=contest.election, station_id__in=station_ids)
    stored = set()
    for link in links.select_related("station", "deployment__observer"):
        answers = {code_of[key]: value for key, value in truth[link.station_id].items()}
        submission_receive(
            client_id=uuid.uuid5(DEMO_NAMESPACE, f"protocol:{link.station_id}"),
            form_code=protocol_form.form.code, station_number=link.station.number,
            observer=link.deployment.observer, election=contest.election, answers=answers,
            channel="web", raw={"demo": True},
        )  # fmt: skip
        stored.add(link.station_id)
    return stored


def pvt_sample_load(contest: Contest, seed: int = 2027) -> PvtSample:
    """The PVT sample is drawn before election day; drawn once, not again on each load."""
    sample = PvtSample.objects.filter(contest=contest).first()
    return sample or pvt_sample_draw(contest=contest, size=SAMPLE_SIZE, seed=seed, actor=None)


def demo_results_remove(contest: Contest) -> int:
    """Before the polls close there are no results: remove those a load with --polls-closed
    stored (official figures and the observers' protocol copies)."""
    removed, _ = OfficialResult.objects.filter(contest=contest, source=SOURCE).delete()
    protocol_form = ProtocolForm.objects.filter(contest=contest).first()
    if protocol_form is not None:
        copies = Submission.objects.filter(version__form=protocol_form.form, raw__demo=True)
        removed += copies.delete()[0]
    return removed
