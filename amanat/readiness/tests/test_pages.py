import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.geography.models import Region
from amanat.readiness.models import AuditProject, ListOutcome, NameOutcome

from .factories import AuditProjectFactory, audit_in, extract_csv

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "ru", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"readiness:{name}", kwargs=kwargs)


def as_user(role: Role | None, *regions: str) -> Client:
    client = Client()
    if role is not None:
        user = UserFactory(role=role, regions=list(Region.objects.filter(code__in=regions)))
        client.force_login(user)
    return client


def every_page(project: AuditProject) -> list[str]:
    pages = [url("audits"), url("audit", pk=project.pk), url("audit_results", pk=project.pk),
             url("audit_results_csv", pk=project.pk), url("audit_new"),
             url("audit", pk=project.pk) + "?page=2"]  # fmt: skip
    pages += [
        url("audit_station", pk=project.pk, number=n)
        for n in project.stations.values_list("number", flat=True)
    ]
    return pages


def personal(prefix: str) -> list[str]:
    """What of the fake people of a region's extract may show: names, addresses, births."""
    return [f"{prefix} Testperson", f"Fake street {prefix}"]


BIRTH = ("01.05.1980", "1980-05-01")


def test_no_extract_data_reaches_anyone_outside_the_regions_audit_team():
    project = audit_in()  # KZ-71 and KZ-75, two stations each, fake people in each extract
    name = project.stations.get(number=1).names.first()
    ListOutcome.objects.create(election=project.election, name=name, code=name.code,
                               station_id=name.audit_station.station_id,
                               outcome=NameOutcome.FOUND, submission_id=1)  # fmt: skip
    people = {
        "admin": (as_user(Role.ADMIN), {"KZ71", "KZ75"}),
        "coordinator KZ-71": (as_user(Role.COORDINATOR, "KZ-71"), {"KZ71"}),
        "coordinator KZ-75": (as_user(Role.COORDINATOR, "KZ-75"), {"KZ75"}),
        "analyst": (as_user(Role.ANALYST), set()),
        "lawyer KZ-71": (as_user(Role.LAWYER, "KZ-71"), set()),
        "observer KZ-71": (as_user(Role.OBSERVER, "KZ-71"), set()),
        "media monitor": (as_user(Role.MEDIA_MONITOR), set()),
        "citizen": (as_user(Role.CITIZEN), set()),
        "visitor": (as_user(None), set()),
    }
    for who, (client, team_of) in people.items():
        seen = ""
        for page in every_page(project):
            response = client.get(page)
            assert response.status_code in (200, 302, 403, 404), (who, page)
            seen += response.content.decode()
        for prefix in ("KZ71", "KZ75"):
            shown = [text for text in personal(prefix) if text in seen]
            if prefix in team_of:
                assert shown == personal(prefix), (who, prefix)  # the team does see them
            else:
                assert shown == [], (who, prefix, shown)
        assert any(b in seen for b in BIRTH) == bool(team_of), who


def test_the_public_sees_results_as_aggregates_with_a_chart_in_every_language():
    project = audit_in()
    for row in project.stations.all():
        for i, name in enumerate(row.names.order_by("code")):
            outcome = NameOutcome.FOUND if i < 3 else NameOutcome.MOVED
            ListOutcome.objects.create(
                election=project.election, name=name, code=name.code, outcome=outcome,
                station_id=row.station_id, submission_id=row.pk * 100 + i,
            )  # fmt: skip
    for language in ("kk", "ru", "en"):
        response = Client().get(url("audit_results", language, pk=project.pk))
        assert response.status_code == 200
        html = response.content.decode()
        # Numbers in the chart never follow the locale: every attribute is a plain number.
        svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
        assert len(svgs) == 1  # the list-to-people test; the regions are a table
        assert html.count("<td>60.0 (60.0–60.0)</td>") == 2  # found, in each region
        for _name, value in re.findall(r'\s(x|y|x1|x2|width|height)="([^"]*)"', "".join(svgs)):
            float(value)
        with translation.override(language):
            assert str(NameOutcome.MOVED.label) in html
            # Regions are named in the reader's language.
            assert f"<td>{Region.objects.get(code='KZ-71').name}</td>" in html
    csv_text = Client().get(url("audit_results_csv", pk=project.pk)).content.decode()
    # 4 stations × 5 names: found 3, moved 2 at each: 0.6 with no spread, an interval of width 0
    assert "list_to_people,,4,20,found,12,0.6000,0.6000,0.6000" in csv_text
    assert "list_to_people,,4,20,moved,8,0.4000,0.4000,0.4000" in csv_text


def test_a_coordinator_creates_draws_and_uploads_in_their_region():
    from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory

    district = DistrictFactory(region=Region.objects.get(code="KZ-71"))
    for _ in range(3):
        PollingStationFactory(district=district)
    election = AuditProjectFactory().election
    client = as_user(Role.COORDINATOR, "KZ-71")
    bad = client.post(url("audit_new"), {"name": "", "election": election.pk})
    assert bad.status_code == 400
    assert not AuditProject.objects.filter(created_by__isnull=False).exists()
    answer = client.post(url("audit_new"), {
        "name": "Астана", "election": election.pk,
        "region": Region.objects.get(code="KZ-71").pk, "stations_wanted": 2,
        "names_per_station": 4, "purge_on": "2099-01-01", "seed": 5,
    })  # fmt: skip
    assert answer.status_code == 400  # more than a year ahead
    project_data = {
        "name": "Астана", "election": election.pk,
        "region": Region.objects.get(code="KZ-71").pk, "stations_wanted": 2,
        "names_per_station": 4, "seed": 5,
    }  # fmt: skip
    from datetime import timedelta

    from django.utils import timezone

    project_data["purge_on"] = (timezone.localdate() + timedelta(days=40)).isoformat()
    answer = client.post(url("audit_new"), project_data)
    project = AuditProject.objects.get(name="Астана")
    assert answer.status_code == 302
    client.post(url("audit_draw", pk=project.pk))
    assert project.stations.count() == 2
    station_page = url("audit_station", pk=project.pk, number=1)
    refused = client.post(station_page, {"file": SimpleUploadedFile("x.csv", b"nothing here")})
    assert refused.status_code == 400
    assert "name, birth_date" in refused.content.decode()
    uploaded = client.post(station_page, {"file": SimpleUploadedFile("x.csv", extract_csv("Q"))})
    assert uploaded.status_code == 302
    page = client.get(station_page).content.decode()
    assert "L-0001-04" in page
    assert "Q Testperson" in page
    # Another region's coordinator neither draws nor sees it.
    other = as_user(Role.COORDINATOR, "KZ-75")
    assert other.get(url("audit", pk=project.pk)).status_code == 404
    assert other.get(station_page).status_code == 404
    assert as_user(Role.CITIZEN).get(url("audits")).status_code == 403


def test_the_project_page_reads_a_fixed_number_of_queries(django_assert_max_num_queries):
    small = audit_in(per_region=1)
    client = as_user(Role.COORDINATOR, "KZ-71")
    client.get(url("audit", pk=small.pk))  # warm the session and the user's regions
    with django_assert_max_num_queries(12) as few:
        assert client.get(url("audit", pk=small.pk)).status_code == 200
    big = audit_in(per_region=5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("audit", pk=big.pk))
    assert response.content.decode().count('href="/ru/readiness/audits/') >= 5
