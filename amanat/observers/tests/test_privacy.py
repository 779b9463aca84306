import pytest

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.observers.services.recruitment import application_submit
from amanat.observers.tests.factories import ObserverFactory, region, valid_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_regions(make_user):
    mine = ObserverFactory(region=region("KZ-71"))
    theirs = ObserverFactory(region=region("KZ-75"))
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    return mine, theirs, coordinator


def test_coordinator_sees_own_regions_observers_and_the_view_is_audited(client, two_regions):
    mine, theirs, coordinator = two_regions
    client.force_login(coordinator)

    assert client.get(f"/en/observers/people/{mine.pk}/").status_code == 200
    assert client.get(f"/en/observers/people/{theirs.pk}/").status_code == 404
    listing = client.get("/en/observers/people/").content.decode()
    assert f"/observers/people/{mine.pk}/" in listing
    assert f"/observers/people/{theirs.pk}/" not in listing
    viewed = AuditEntry.objects.filter(action="observers.observer_viewed", actor=coordinator)
    assert list(viewed.values_list("object_id", flat=True)) == [str(mine.pk)]


def test_coordinator_cannot_review_another_regions_application(client, two_regions):
    _mine, _theirs, coordinator = two_regions
    application, _ = application_submit(data=valid_input(region=region("KZ-75")))
    client.force_login(coordinator)
    response = client.post(f"/en/observers/applications/{application.pk}/", {"decision": "approve"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "submitted"


@pytest.mark.parametrize("role", [Role.OBSERVER, Role.CITIZEN, Role.ANALYST, Role.JOURNALIST])
def test_others_never_see_observers(client, two_regions, make_user, role):
    mine, _theirs, _coordinator = two_regions
    client.force_login(make_user(role=role, regions=[region("KZ-71")]))
    assert client.get(f"/en/observers/people/{mine.pk}/").status_code in (403, 404)
    assert client.get("/en/observers/people/").status_code == 403
