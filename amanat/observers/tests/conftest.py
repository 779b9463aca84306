import pytest

from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region


@pytest.fixture
def network():
    election = ElectionFactory()
    astana = [
        PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number=str(n))
        for n in (1, 2, 3)
    ]
    almaty = PollingStationFactory(district=DistrictFactory(region=region("KZ-75")), number="9")
    observer = ObserverFactory()
    deployment_assign(election=election, observer=observer, stations=[astana[0]])
    deployment_assign(
        election=election, observer=ObserverFactory(region=region("KZ-75")), stations=[almaty]
    )
    return election, astana, almaty, observer
