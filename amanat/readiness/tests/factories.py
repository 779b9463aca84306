"""A voter-list audit to test with: stations in two regions, each with an uploaded extract
of clearly fake people."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.geography.models import Region
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.tests.factories import ElectionFactory
from amanat.readiness.models import AuditProject
from amanat.readiness.services import extract_upload, project_draw_stations


class AuditProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditProject

    election = factory.SubFactory(ElectionFactory)
    name = factory.Sequence(lambda n: f"Audit {n}")
    stations_wanted = 4
    names_per_station = 5
    seed = 7
    purge_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


def extract_csv(prefix: str, size: int = 30, born: date = date(1980, 5, 1)) -> bytes:
    """`size` fake people: "<prefix> Testperson 1", … with one address per ten people."""
    lines = ["name,birth_date,address"]
    for i in range(1, size + 1):
        lines.append(f"{prefix} Testperson {i},{born.isoformat()},Fake street {prefix} {i // 10}")
    return ("\n".join(lines) + "\n").encode()


def audit_in(regions: tuple[str, ...] = ("KZ-71", "KZ-75"), per_region: int = 2, **kwargs):
    """A project whose draw takes every station made here (as many stations as wanted), with
    an extract uploaded for each: names "<region code> Testperson n"."""
    stations = []
    for code in regions:
        district = DistrictFactory(region=Region.objects.get(code=code))
        stations += [PollingStationFactory(district=district) for _ in range(per_region)]
    project = AuditProjectFactory(stations_wanted=len(stations), **kwargs)
    # Only these stations are in the frame: the draw takes them all.
    project_draw_stations(project=project, actor=None)
    admin = UserFactory(role=Role.ADMIN)
    for row in project.stations.select_related("region"):
        extract_upload(
            audit_station=row, data=extract_csv(row.region.code.replace("-", "")), actor=admin
        )
    return project
