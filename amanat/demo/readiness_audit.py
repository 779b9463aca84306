"""The demo's voter-list audit, in progress: stations drawn across the country, each with a
list extract of clearly fake people ("(демо)" in every name), and field reports of both
tests sent through the form engine by the observers deployed at those stations."""

import random
from datetime import date, timedelta

from django.utils import timezone

from amanat.accounts.models import User
from amanat.checklists.ingestion import submission_receive
from amanat.elections.models import Election
from amanat.observers.models import DeploymentStation
from amanat.readiness.models import AuditProject, AuditStation
from amanat.readiness.services import (
    NAMES_FORM,
    PEOPLE_FORM,
    extract_upload,
    project_draw_stations,
)

from .observers import FIRST_NAMES, SURNAMES
from .story import demo_id

NAMES = {
    "name_kk": "Сайлаушылар тізімінің аудиті (демо)",
    "name_ru": "Аудит списков избирателей (демо)",
    "name_en": "Voter-list audit (demo)",
}
EXTRACT_SIZE = 60
# The chances of each outcome in the field: most names are found, a few moved or died.
NAME_OUTCOMES = ((1, 0.8), (2, 0.1), (3, 0.03), (4, 0.05), (5, 0.02))
PERSON_OUTCOMES = ((1, 0.88), (2, 0.07), (3, 0.05))


def _extract(rng: random.Random, number: int, day: date, findings: bool) -> bytes:
    """Fake people; with `findings`, one of each computer test's findings too."""
    lines = ["name,birth_date,address"]
    for i in range(1, EXTRACT_SIZE + 1):
        sex = rng.randrange(2)
        surname = rng.choice(SURNAMES) + ("а" if sex else "")
        name = f"{surname} {rng.choice(FIRST_NAMES[sex])} (демо {number}-{i})"
        born = date(rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28))
        lines.append(f"{name},{born.isoformat()},Демо көшесі {rng.randint(1, 40)} пәтер {i}")
    if findings:
        lines.append(lines[1])  # the same person twice
        lines.append(f"Жас Демо (демо {number}),{(day - timedelta(days=3000)).isoformat()},Демо 1")
        lines.append(f"Кәрі Демо (демо {number}),1899-01-01,Демо 2")
        lines += [f"Демо Көп {k} (демо),1980-01-01,Демо көшесі 99" for k in range(14)]
    return ("\n".join(lines) + "\n").encode()


def _pick(rng: random.Random, outcomes: tuple[tuple[int, float], ...]) -> int:
    return rng.choices([o for o, _ in outcomes], weights=[w for _, w in outcomes])[0]


def readiness_audit_load(election: Election, seed: int = 2026) -> AuditProject:
    """Idempotent: the project, its draw, the extracts and the reports are made once."""
    rng = random.Random(seed)  # noqa: S311 - demo data
    project, _created = AuditProject.objects.get_or_create(
        election=election,
        name_ru=NAMES["name_ru"],
        defaults={**NAMES, "stations_wanted": 30, "names_per_station": 10, "seed": 11,
                  "purge_on": timezone.localdate() + timedelta(days=60)},
    )  # fmt: skip
    if not project.stations.exists():
        project_draw_stations(project=project, actor=None)
    coordinator = User.objects.get(username="coordinator")
    links = {
        link.station_id: link
        for link in DeploymentStation.objects.filter(deployment__election=election)
        .select_related("station", "deployment__observer")
        .order_by("-id")
    }
    rows = list(AuditStation.objects.filter(project=project).select_related("region"))
    # The demo coordinator's region (Astana) shows the computer tests' findings.
    astana = min((r.number for r in rows if r.region.code == "KZ-71"), default=1)
    for row in sorted(rows, key=lambda r: r.number):
        if row.uploaded_at is None:
            extract = _extract(rng, row.number, election.election_day, row.number == astana)
            extract_upload(audit_station=row, data=extract, actor=coordinator)
        link = links.get(row.station_id)
        if link is None or row.number % 5 == 0:  # no observer there, or not visited yet
            continue
        for name in row.names.order_by("code"):
            number = int(name.code.rsplit("-", 1)[1])  # the code's last number
            _send(link, election, NAMES_FORM, name.code,
                  {"A": number, "B": _pick(rng, NAME_OUTCOMES)})  # fmt: skip
        for k in range(8):
            _send(link, election, PEOPLE_FORM, f"{row.pk}-{k}",
                  {"A": _pick(rng, PERSON_OUTCOMES)})  # fmt: skip
    return project


def _send(link: DeploymentStation, election: Election, form: str, key: str, answers: dict) -> None:
    submission_receive(
        client_id=demo_id(f"audit-{form}", key), form_code=form,
        station_number=link.station.number, observer=link.deployment.observer,
        election=election, answers=answers, channel="web", raw={"demo": True},
    )  # fmt: skip
