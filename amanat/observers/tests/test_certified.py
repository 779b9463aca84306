""" "Certified" means a standing certificate of the observer programme (accounts.Certificate):
a revoked one, or one of another programme, counts for nothing in deployment, broadcasts or the
coordinators' list."""

import pytest
from django.utils import timezone

from amanat.accounts.models import Certificate, Program
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.models import Observer
from amanat.observers.selectors import observers_listed
from amanat.observers.services.broadcasts import broadcast_recipients
from amanat.observers.services.deployment import DeploymentError, deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    """One observer of each standing: certified, revoked, and certified only as a voter."""
    certified = ObserverFactory()
    revoked = ObserverFactory()
    Certificate.objects.filter(user=revoked.user).update(revoked_at=timezone.now())
    voter_only = ObserverFactory(certified=False)
    Certificate.objects.create(
        user=voter_only.user, program=Program.FIRST_TIME_VOTER, code="AMN-VOTE-0000-0001",
        holder_name="Voter", issued_at=timezone.now(),
    )  # fmt: skip
    return certified, revoked, voter_only


def test_only_a_standing_observer_certificate_lets_one_be_deployed(people):
    certified, revoked, voter_only = people
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))

    deployment_assign(election=election, observer=certified, stations=[station])
    for person in (revoked, voter_only):
        with pytest.raises(DeploymentError):
            deployment_assign(election=election, observer=person, stations=[station])

    assert list(election.deployments.values_list("observer_id", flat=True)) == [certified.pk]


def test_broadcasts_to_the_certified_reach_only_standing_certificates(people):
    certified, revoked, voter_only = people
    everyone = Observer.objects.all()

    yes = broadcast_recipients(observers=everyone, filters={"certified": "yes"})
    no = broadcast_recipients(observers=everyone, filters={"certified": "no"})

    assert set(yes.values_list("pk", flat=True)) == {certified.pk}
    assert set(no.values_list("pk", flat=True)) == {revoked.pk, voter_only.pk}


def test_the_coordinators_list_marks_only_standing_certificates(people):
    certified, revoked, voter_only = people

    listed = observers_listed(Observer.objects.all(), election=None)

    assert {o.pk: o.certified for o in listed} == {
        certified.pk: True,
        revoked.pk: False,
        voter_only.pk: False,
    }
