"""Election day so far: observers checked in before the opening, opening (OP) and voting (VT)
reports from stations in every region, a few with critical answers, and SOS alerts."""

import random

from django.db.models import F, OuterRef, Subquery

from amanat.accounts.models import User
from amanat.checklists.ingestion import submission_receive
from amanat.checklists.models import CriticalAlert, Submission
from amanat.elections.models import Election
from amanat.observers.models import DeploymentStation
from amanat.observers.services.presence import checkin_record, sos_raise, sos_update

from .observers import SYNTHETIC_PREFIX
from .story import at, demo_id

EVERY = 12  # one synthetic station in 12 has reported: about 330, in all 20 regions
VOTING_SHARE = 0.8  # of those, the share that has sent a voting report too


def _opening(rng: random.Random, voters: int) -> dict:
    late = rng.random() < 0.02
    return {"A": not late, "B": rng.random() > 0.01, "C": voters + rng.randint(0, 40),
            "D": rng.random() > 0.02, "E": rng.random() < 0.03}  # fmt: skip


def _voting(rng: random.Random, voters: int) -> dict:
    stuffing = rng.random() < 0.02
    return {"A": stuffing, "B": rng.random() < 0.04, "C": rng.random() < 0.02,
            "D": int(voters * rng.uniform(0.25, 0.45)), "E": rng.random() < 0.02,
            "F": 4 if stuffing else rng.choice([1, 1, 2, 2, 2, 3])}  # fmt: skip


def _report(link, form_code: str, answers: dict, observed_at, election: Election) -> None:
    submission_receive(
        client_id=demo_id(form_code, link.station_id), form_code=form_code,
        station_number=link.station.number, observer=link.deployment.observer,
        election=election, answers=answers, channel="web", raw={"demo": True},
        observed_at=observed_at,
    )  # fmt: skip


def election_day_load(election: Election, seed: int = 2027) -> int:
    """Returns the stations that have reported. Every write has a stable id: loading again
    stores nothing new."""
    rng = random.Random(seed)  # noqa: S311 - demo data
    links = list(
        DeploymentStation.objects.filter(
            election=election, deployment__observer__user__username__startswith=SYNTHETIC_PREFIX
        )
        .select_related("station__district__region", "deployment__observer")
        .order_by("station__number", "pk")
    )
    reported = links[::EVERY]
    for index, link in enumerate(reported):
        minute = index % 40
        observer = link.deployment.observer
        voters = link.station.registered_voters
        checkin_record(observer=observer, election=election, station=link.station,
                       client_id=demo_id("checkin", link.station_id),
                       at=at(6, 10 + minute))  # fmt: skip
        _report(link, "OP", _opening(rng, voters), at(7, 5 + minute), election)
        if rng.random() < VOTING_SHARE:
            _report(link, "VT", _voting(rng, voters), at(10 + index % 4, minute), election)
    _observer_morning(election)
    _sos_load(election, links)
    _received_when_observed(election)
    return len(reported)


def _received_when_observed(election: Election) -> None:
    """Reports arrive as they are sent: the server's receipt and the alerts it raised carry
    the report's time, not the moment the demo was loaded."""
    demo = Submission.objects.filter(election=election, raw__demo=True)
    demo.update(received_at=F("observed_at"))
    observed = Submission.objects.filter(pk=OuterRef("submission_id")).values("observed_at")
    CriticalAlert.objects.filter(submission__in=demo).update(created_at=Subquery(observed[:1]))


def _observer_morning(election: Election) -> None:
    """The `observer` login has checked in at station 1 and sent its opening report; the
    voting report is left for whoever tries the demo (by SMS, the web or ODK)."""
    link = DeploymentStation.objects.select_related("station", "deployment__observer").get(
        election=election, deployment__observer__user__username="observer"
    )
    checkin_record(observer=link.deployment.observer, election=election, station=link.station,
                   client_id=demo_id("checkin", "observer"), at=at(6, 35))  # fmt: skip
    answers = {"A": True, "B": True, "C": link.station.registered_voters + 20, "D": True,
               "E": False}  # fmt: skip
    _report(link, "OP", answers, at(7, 10), election)


SOS = [
    # (region, local time, note, handled by, closed with outcome)
    ("KZ-71", (11, 40), "Председатель требует, чтобы я вышел с участка, и вызвал полицию.",
     "coordinator", ""),
    ("KZ-71", (9, 15), "Неизвестные у входа снимают меня на телефон и угрожают.", "lawyer",
     "resolved"),
    ("KZ-75", (12, 5), "Мені учаскеден шығарып жіберді, хаттаманы көрсетпеді.", "", ""),
]  # fmt: skip


def _sos_load(election: Election, links: list) -> None:
    """Three alerts: one open in Almaty, one being handled and one closed in Astana (where the
    demo coordinator and lawyer work, so their SOS pages have something)."""
    for index, (code, (hour, minute), note, handler, outcome) in enumerate(SOS):
        link = next(ln for ln in links if ln.station.district.region.code == code)
        alert, new = sos_raise(observer=link.deployment.observer, election=election,
                               station=link.station, client_id=demo_id("sos", index),
                               latitude=link.station.latitude, longitude=link.station.longitude,
                               note=note)  # fmt: skip
        if not new:
            continue
        alert.raised_at = at(hour, minute)
        alert.save(update_fields=["raised_at"])
        if handler:
            actor = User.objects.get(username=handler)
            sos_update(alert=alert, actor=actor, status="acknowledged")
        if outcome:
            alert = sos_update(
                alert=alert,
                actor=actor,
                status="closed",
                outcome=outcome,
                note="Юрист связался с полицией, наблюдатель продолжает работу.",
            )
            alert.closed_at = at(hour, minute + 25)
            alert.save(update_fields=["closed_at"])  # fmt: skip
