"""The demo's voter-list audit: in progress, with field results in several regions, and the
Astana extract's findings for the demo coordinator (and no one else)."""

import pytest
from django.urls import reverse

from amanat.accounts.models import User
from amanat.readiness.models import AuditProject, AuditStation, ListOutcome, PeopleCheck
from amanat.readiness.selectors import findings, list_results, people_results

pytestmark = pytest.mark.django_db


def test_an_audit_in_progress_with_results_in_several_regions(demo, client):
    project = AuditProject.objects.get(election__slug=demo.election)
    assert project.status == AuditProject.Status.FIELDWORK
    assert project.stations.count() == 30
    assert not project.stations.filter(uploaded_at=None).exists()
    # Every name the field reported on is a drawn one, and not every station is visited yet.
    assert not ListOutcome.objects.filter(name=None).exists()
    visited = set(ListOutcome.objects.values_list("name__audit_station", flat=True))
    assert 1 < len(visited) < 30
    names, people = list_results(project), people_results(project)
    assert len(names) > 3  # all stations and more than two regions
    assert len(people) == len(names)
    assert PeopleCheck.objects.filter(project=project).count() == 8 * len(visited)
    page = client.get(reverse("readiness:audit_results", kwargs={"pk": project.pk}))
    assert page.status_code == 200
    html = page.content.decode()
    assert "(демо " not in html  # aggregates only: no name ("… (демо 3-14)") …
    assert "Демо көшесі" not in html  # … and no address


def test_the_demo_coordinator_sees_the_astana_extracts_findings(demo, client):
    project = AuditProject.objects.get(election__slug=demo.election)
    astana = AuditStation.objects.filter(project=project, region__code="KZ-71").first()
    found = findings(astana)
    assert (len(found.duplicates), len(found.too_young), len(found.too_old)) == (1, 1, 1)
    assert found.crowded[0][1] == 14
    client.force_login(User.objects.get(username="coordinator"))
    url = reverse("readiness:audit_station", kwargs={"pk": project.pk, "number": astana.number})
    page = client.get(url).content.decode()
    assert "(демо " in page
    elsewhere = AuditStation.objects.filter(project=project).exclude(region__code="KZ-71").first()
    url = reverse("readiness:audit_station", kwargs={"pk": project.pk, "number": elsewhere.number})
    assert client.get(url).status_code == 404
