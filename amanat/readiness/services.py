"""Writes of the voter-list audit: projects, the draw of stations and names, extracts, the
field's outcomes (from the form engine's reports) and the purge of extracts."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.elections.models import Election
from amanat.geography.models import PollingStation, Region

from .extracts import ExtractError, extract_rows
from .models import (
    AuditProject,
    AuditStation,
    ExtractEntry,
    ListOutcome,
    NameOutcome,
    PeopleCheck,
    PersonOutcome,
    SampledName,
)
from .sampling import pps_systematic, systematic

# The field forms (checklists/content/forms.toml) and their answers' values.
NAMES_FORM, PEOPLE_FORM = "NP", "PN"
NAME_CHOICES = dict(enumerate(NameOutcome.values, start=1))
PERSON_CHOICES = dict(enumerate(PersonOutcome.values, start=1))


class AuditError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def name_code(station_number: int, position: int) -> str:
    return f"L-{station_number:04d}-{position:02d}"


@transaction.atomic
def project_create(
    *,
    election: Election,
    name: str,
    region: Region | None,
    stations_wanted: int,
    names_per_station: int,
    purge_on: date,
    seed: int,
    actor: User,
) -> AuditProject:
    project = AuditProject.objects.create(
        election=election, name=name, region=region, stations_wanted=stations_wanted,
        names_per_station=names_per_station, purge_on=purge_on, seed=seed, created_by=actor,
    )  # fmt: skip
    audit_record(action="readiness.audit_created", actor=actor, obj=project)
    return project


@transaction.atomic
def project_draw_stations(*, project: AuditProject, actor: User | None) -> int:
    """Stations drawn with probability proportional to their registered voters (systematic
    PPS from the project's seed), once; the project goes to fieldwork."""
    project = AuditProject.objects.select_for_update().get(pk=project.pk)
    if project.stations.exists():
        raise AuditError(_("The stations of this audit are drawn already."))
    stations = PollingStation.objects.filter(
        country=project.election.country_id, is_abroad=False
    ).select_related("district")
    if project.region_id:
        stations = stations.filter(district__region=project.region_id)
    frame = list(stations.order_by("district__region__code", "number", "pk"))
    if not frame:
        raise AuditError(_("There are no stations to draw from."))
    chosen = pps_systematic(
        [s.registered_voters for s in frame], project.stations_wanted, project.seed
    )
    AuditStation.objects.bulk_create(
        AuditStation(
            project=project, station=frame[i], region_id=frame[i].district.region_id, number=n
        )
        for n, i in enumerate(chosen, start=1)
    )
    project.status = AuditProject.Status.FIELDWORK
    project.save(update_fields=["status"])
    audit_record(
        action="readiness.stations_drawn", actor=actor, obj=project, data={"drawn": len(chosen)}
    )
    return len(chosen)


@transaction.atomic
def extract_upload(*, audit_station: AuditStation, data: bytes, actor: User) -> int:
    """The station's extract replaces any earlier one, and its names are drawn at once by
    systematic sampling. Refused once the field has reported on this station's names, or
    after the purge. Returns the number of names drawn."""
    audit_station = AuditStation.objects.select_for_update().get(pk=audit_station.pk)
    project = audit_station.project
    if project.purged_at is not None or project.status == AuditProject.Status.CLOSED:
        raise AuditError(_("This audit no longer takes extracts."))
    if ListOutcome.objects.filter(name__audit_station=audit_station).exists():
        raise AuditError(_("The field has reported on this station's names: keep its extract."))
    try:
        rows = extract_rows(data)
    except ExtractError as error:
        raise AuditError(error.message) from None
    audit_station.names.all().delete()
    audit_station.entries.all().delete()
    entries = ExtractEntry.objects.bulk_create(
        ExtractEntry(audit_station=audit_station, position=i, full_name=row.full_name,
                     birth_date=row.birth_date, address=row.address)
        for i, row in enumerate(rows, start=1)
    )  # fmt: skip
    if entries[0].pk is None:  # backends that return no ids from a bulk insert
        entries = list(audit_station.entries.order_by("position"))
    seed = project.seed * 100_003 + audit_station.number
    picked = systematic(len(entries), project.names_per_station, seed)
    SampledName.objects.bulk_create(
        SampledName(audit_station=audit_station, entry=entries[i],
                    code=name_code(audit_station.number, j))
        for j, i in enumerate(picked, start=1)
    )  # fmt: skip
    audit_station.extract_size = len(entries)
    audit_station.uploaded_by, audit_station.uploaded_at = actor, timezone.now()
    audit_station.save(update_fields=["extract_size", "uploaded_by", "uploaded_at"])
    audit_record(
        action="readiness.extract_uploaded", actor=actor, obj=project,
        data={"station": audit_station.station.number, "names": len(entries)},
    )  # fmt: skip
    return len(picked)


def _project_for(election_id: int, region_id: int) -> AuditProject | None:
    projects = AuditProject.objects.filter(
        election_id=election_id, status=AuditProject.Status.FIELDWORK
    )
    return projects.filter(region_id=region_id).first() or projects.filter(region=None).first()


def list_outcome_record(
    *, submission_id: int, election_id: int, station_id: int, answers: dict[str, Any]
) -> ListOutcome:
    """A list-to-people report from a drawn station: the outcome of its name number A (the
    last number of the printed code, which every channel, SMS too, can send). The newest
    report of a name is its current outcome; a number that matches no drawn name is kept
    unmatched, never refusing the report."""
    earlier = ListOutcome.objects.filter(submission_id=submission_id).first()
    if earlier is not None:  # this report was recorded already
        return earlier
    audit_station = (
        AuditStation.objects.filter(station_id=station_id, project__election_id=election_id)
        .order_by("-project__created_at", "-project_id").first()
    )  # fmt: skip
    number = int(answers["A"])
    name = None
    if audit_station is not None:
        code = name_code(audit_station.number, number)
        name = (
            SampledName.objects.select_for_update()
            .filter(audit_station=audit_station, code=code)
            .first()
        )
    else:
        code = f"L-????-{number:02d}"
    if name is not None:
        ListOutcome.objects.filter(name=name, is_current=True).update(is_current=False)
    return ListOutcome.objects.create(
        submission_id=submission_id, election_id=election_id, name=name, code=code,
        station_id=station_id, outcome=NAME_CHOICES[int(answers["B"])],
    )  # fmt: skip


def people_check_record(
    *, submission_id: int, election_id: int, station_id: int, answers: dict[str, Any]
) -> PeopleCheck:
    region_id = PollingStation.objects.filter(pk=station_id).values_list(
        "district__region_id", flat=True
    )[0]
    project = _project_for(election_id, region_id)
    row, _created = PeopleCheck.objects.get_or_create(
        submission_id=submission_id,
        defaults={"election_id": election_id, "station_id": station_id, "region_id": region_id,
                  "project": project, "outcome": PERSON_CHOICES[int(answers["A"])]},
    )  # fmt: skip
    return row


def extracts_purge_due(today: date | None = None) -> int:
    """Every extract of a project whose purge date has come is deleted, and the deletion
    audit-logged; the names keep their codes and outcomes. Returns the entries deleted."""
    today = today or timezone.localdate()
    deleted = 0
    for project in AuditProject.objects.filter(purge_on__lte=today, purged_at=None):
        with transaction.atomic():
            count, _ = ExtractEntry.objects.filter(audit_station__project=project).delete()
            project.purged_at = timezone.now()
            project.save(update_fields=["purged_at"])
            audit_record(action="readiness.extracts_purged", obj=project, data={"entries": count})
        deleted += count
    return deleted
