"""Readiness before election day: citizens' self-checks of the voter list in a few regions,
long-term observers' visits to Astana's commissions (some done by their reports, some overdue,
some due today), and the lawyers' register of refusals with an appealed case the court
overturned. Every row has a stable key, so loading again adds nothing."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from amanat.accounts.models import User
from amanat.checklists.ingestion import SubmissionInvalid, submission_receive
from amanat.elections.models import Election
from amanat.geography.models import ElectionCommission, PollingStation, Region
from amanat.observers.models import DeploymentStation
from amanat.readiness.models import MonitoringVisit, Refusal, SelfCheck
from amanat.readiness.refusals import refusal_save
from amanat.readiness.selfcheck import selfcheck_record

from .observers import SYNTHETIC_PREFIX
from .story import days_ago, demo_id

# (region, outcome, days before today, details)
SELF_CHECKS = [
    ("KZ-71", "correct", 9, ""), ("KZ-71", "correct", 8, ""), ("KZ-71", "error", 8,
     "Неверно указан год рождения."), ("KZ-71", "strangers", 6,
     "По моему адресу числятся трое незнакомых людей."), ("KZ-71", "missing", 4, ""),
    ("KZ-75", "correct", 7, ""), ("KZ-75", "error", 5, "Ошибка в фамилии."),
    ("KZ-79", "missing", 3, ""), ("KZ-79", "correct", 2, ""),
]  # fmt: skip
GOOD: dict[str, dict[str, Any]] = {
    "PC": {"A": True, "B": True, "C": True}, "PV": {"A": True, "B": True, "C": 3},
    "PE": {"A": True, "B": False, "C": False}, "PA": {"A": True, "B": True},
}  # fmt: skip


def readiness_conditions_load(election: Election) -> None:
    _self_checks()
    _visits(election)
    _refusals(election)


def _self_checks() -> None:
    for i, (code, outcome, days, details) in enumerate(SELF_CHECKS):
        stations = PollingStation.objects.filter(district__region__code=code)
        station = stations.order_by("number")[i % 3]
        check = selfcheck_record(client_id=demo_id("selfcheck", i), station_number=station.number,
                                 outcome=outcome, details=details)  # fmt: skip
        SelfCheck.objects.filter(pk=check.pk).update(created_at=days_ago(days, 10 + i))


def _visits(election: Election) -> None:
    """Four synthetic observers in Astana; each: a precinct visit (formation, done), a voter
    lists visit (done for two, overdue for two), a visit due today; the first also visits
    Astana's territorial commission (campaign environment, done from their station)."""
    astana = DeploymentStation.objects.filter(
        election=election, station__district__region__code="KZ-71",
        deployment__observer__user__username__startswith=SYNTHETIC_PREFIX,
    )  # fmt: skip
    links = list(
        astana.select_related("station__commission", "deployment__observer").order_by(
            "station__number"
        )[:4]
    )
    territorial = ElectionCommission.objects.get(level="territorial", region__code="KZ-71")
    coordinator = User.objects.filter(username="coordinator").first()
    today = timezone.localdate()
    for i, link in enumerate(links):
        plan = [("PC", link.station.commission, -12, -13), ("PA", link.station.commission, 0, None),
                ("PV", link.station.commission, -5, -6 if i < 2 else None)]  # fmt: skip
        if i == 0:
            plan.append(("PE", territorial, -3, -4))
        for form, commission, due, reported in plan:
            _visit(election, link, form, commission, today + timedelta(days=due), reported,
                   coordinator)  # fmt: skip


def _visit(election, link, form, commission, due_on, reported, coordinator) -> None:
    observer = link.deployment.observer
    visit, _created = MonitoringVisit.objects.get_or_create(
        election=election, commission=commission, form_code=form, observer=observer,
        defaults={"region": commission.region, "due_on": due_on, "created_by": coordinator},
    )  # fmt: skip
    if reported is None or visit.done_at is not None:
        return
    observed = days_ago(-reported, 11)
    try:
        submission_receive(
            client_id=demo_id(f"visit-{form}", visit.pk), form_code=form,
            station_number=link.station.number, observer=observer, election=election,
            answers=GOOD[form], channel="web", raw={"demo": True}, observed_at=observed,
        )  # fmt: skip
    except SubmissionInvalid:
        return  # stored before
    MonitoringVisit.objects.filter(pk=visit.pk).update(done_at=observed)


def _refusals(election: Election) -> None:
    lawyer = User.objects.filter(username="lawyer").first()
    astana = Region.objects.get(code="KZ-71")
    day = election.election_day
    entries = [
        {"candidate_name": "Ерболат Сейітқали", "kind": Refusal.Kind.REGISTRATION,
         "decided_on": day - timedelta(days=33), "body": "Центральная избирательная комиссия",
         "ground": "Недостаточно действительных подписей избирателей (признано недействительными "
                   "12 % подписей после проверки)",
         "appeal_on": day - timedelta(days=31), "appeal_body": "Верховный Суд Республики Казахстан",
         "court": Refusal.Court.OVERTURNED, "court_on": day - timedelta(days=27),
         "note": "Суд признал, что подписи отклонены без экспертизы почерка.",
         "is_published": True},
        {"candidate_name": "Гүлнар Әбдірахманова", "kind": Refusal.Kind.NOMINATION,
         "decided_on": day - timedelta(days=45), "body": "Центральная избирательная комиссия",
         "ground": "Не подтверждено владение государственным языком",
         "submitted_on": day - timedelta(days=50), "term_working_days": 5,
         "appeal_on": day - timedelta(days=43), "appeal_body": "Верховный Суд Республики Казахстан",
         "court": Refusal.Court.UPHELD, "court_on": day - timedelta(days=40),
         "is_published": True},
        {"candidate_name": "Марат Оспанов", "kind": Refusal.Kind.DEREGISTRATION,
         "decided_on": day - timedelta(days=6), "body": "Центральная избирательная комиссия",
         "ground": "Использование служебного положения в агитации",
         "kept_recorded": Refusal.Kept.UNKNOWN, "court": Refusal.Court.PENDING,
         "appeal_on": day - timedelta(days=5), "appeal_body": "Верховный Суд Республики Казахстан"},
    ]  # fmt: skip
    for data in entries:
        if Refusal.objects.filter(
            election=election, candidate_name=data["candidate_name"]
        ).exists():
            continue
        refusal_save(refusal=None, data={"election": election, "region": astana, **data},
                     actor=lawyer)  # fmt: skip
