"""The coordinator's list of observers: pages with controls, search, filters, region scope,
the audit of each view, and a number of queries that does not grow with the page."""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    return make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])


def listed(response) -> list[int]:
    """The observers' numbers in the list, in order."""
    return [int(n) for n in re.findall(r'/observers/people/(\d+)/"', response.content.decode())]


def test_every_observer_is_reachable_through_the_pages(client, coordinator):
    people = [ObserverFactory(certified=False) for _ in range(53)]
    client.force_login(coordinator)

    first = client.get("/en/observers/people/")
    last = client.get("/en/observers/people/?page=2")

    assert len(listed(first)) == 50
    assert sorted(listed(first) + listed(last)) == sorted(o.pk for o in people)
    page = first.content.decode()
    assert "1–50 of 53" in page
    assert 'href="?page=2" rel="next"' in page
    assert "51–53 of 53" in last.content.decode()
    assert 'href="?page=1" rel="prev"' in last.content.decode()


def test_the_page_links_keep_the_search_and_filters(client, coordinator):
    for n in range(51):
        ObserverFactory(certified=False, user__last_name=f"Ахметов{n}")
    client.force_login(coordinator)

    page = client.get("/en/observers/people/?q=ахметов&status=not_certified").content.decode()

    assert "1–50 of 51" in page
    query = urlencode({"q": "ахметов", "status": "not_certified", "page": 2})
    assert f'href="?{query.replace("&", "&amp;")}" rel="next"' in page


@pytest.mark.parametrize(
    ("query", "who"),
    [("айгерим", "aigerim"), ("Сапарова", "aigerim"), ("8 701 555-12-34", "aigerim"),
     ("555 1234", "aigerim"), ("bolat_k", "bolat"), ("117", "bolat"), ("№117", "bolat")],
)  # fmt: skip
def test_search_by_name_phone_username_and_station_number(client, coordinator, query, who):
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="117")
    people = {
        "aigerim": ObserverFactory(
            user__first_name="Айгерим",
            user__last_name="Сапарова",
            user__phone="+77015551234",
            user__username="aigerim_s",  # a sequence number (user117…) would match "117"
        ),
        "bolat": ObserverFactory(user__username="bolat_k", user__phone="+77770001111"),
    }
    deployment_assign(election=election, observer=people["bolat"], stations=[station])
    client.force_login(coordinator)

    response = client.get("/en/observers/people/", {"q": query})

    assert listed(response) == [people[who].pk]


def test_filters_by_training_account_and_station(client, coordinator):
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))
    deployed = ObserverFactory()
    certified = ObserverFactory()
    novice = ObserverFactory(certified=False)
    gone = ObserverFactory(certified=False, user__is_active=False)
    deployment_assign(election=election, observer=deployed, stations=[station])
    client.force_login(coordinator)

    def only(**filters):
        return sorted(listed(client.get("/en/observers/people/", filters)))

    assert only(status="certified") == [deployed.pk, certified.pk]
    assert only(status="not_certified") == [novice.pk, gone.pk]
    assert only(status="inactive") == [gone.pk]
    assert only(station="assigned") == [deployed.pk]
    assert only(station="unassigned") == [certified.pk, novice.pk, gone.pk]
    assert only(status="certified", station="unassigned") == [certified.pk]


def test_an_empty_result_says_why_and_how_to_widen_it(client, coordinator):
    ObserverFactory()
    client.force_login(coordinator)

    searched = client.get("/en/observers/people/?q=nobody-like-this").content.decode()
    empty = client.get("/en/observers/people/", {"status": "inactive"}).content.decode()

    assert "No observer in your regions matches this search and these filters." in searched
    assert "No observer in your regions matches" in empty
    assert "<table" not in searched


def test_other_regions_stay_out_of_the_search_and_the_search_is_audited(client, coordinator):
    mine = ObserverFactory(user__last_name="Нурланов")
    ObserverFactory(region=region("KZ-75"), user__last_name="Нурланов")
    client.force_login(coordinator)

    response = client.get("/en/observers/people/", {"q": "Нурланов", "station": "unassigned"})

    assert listed(response) == [mine.pk]
    entry = AuditEntry.objects.get(action="observers.list_viewed", actor=coordinator)
    assert entry.data == {"page": 1, "q": "Нурланов", "station": "unassigned"}


def test_the_number_of_queries_does_not_grow_with_the_page(
    client, coordinator, django_assert_num_queries
):
    election = ElectionFactory()
    district = DistrictFactory(region=region("KZ-71"))

    def deployed(count: int) -> None:
        for _ in range(count):
            observer = ObserverFactory(district=district, languages=["kk"])
            station = PollingStationFactory(district=district)
            deployment_assign(election=election, observer=observer, stations=[station])

    client.force_login(coordinator)
    client.get("/en/observers/people/")  # the current election is remembered from here on
    deployed(2)
    with django_assert_num_queries(QUERIES):
        assert len(listed(client.get("/en/observers/people/?q=user"))) == 2
    deployed(48)
    with django_assert_num_queries(QUERIES):
        assert len(listed(client.get("/en/observers/people/?q=user"))) == 50


# The session and the user with their regions, the count and the page, the station numbers
# of the page, the audit entry (on PostgreSQL one more: the audit chain's advisory lock); the
# same for 2 rows as for 50.
QUERIES = 12 if connection.vendor == "postgresql" else 11


def test_the_uncovered_stations_of_a_region_page_with_the_same_controls(client, coordinator):
    ElectionFactory()
    district = DistrictFactory(region=region("KZ-71"))
    for n in range(101):
        PollingStationFactory(district=district, number=str(5000 + n))
    client.force_login(coordinator)

    first = client.get("/ru/observers/coverage/KZ-71/").content.decode()
    second = client.get("/ru/observers/coverage/KZ-71/?page=2").content.decode()

    assert "1–100 из 101" in first
    assert 'href="?page=2" rel="next"' in first
    assert "101–101 из 101" in second
    assert "№5100 ·" in second
