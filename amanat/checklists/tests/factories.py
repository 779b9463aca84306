import uuid

from amanat.checklists.ingestion import submission_receive
from amanat.checklists.loader import forms_load_all
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

REGIONS = ("KZ-71", "KZ-75", "KZ-79")


def receive(field, answers, form="VT", client_id=None, **kwargs):
    election, station, observer = field
    return submission_receive(
        client_id=client_id or uuid.uuid4(),
        form_code=form,
        station_number=kwargs.get("station", station.number),
        observer=kwargs.get("observer", observer),
        election=election,
        answers=answers,
        channel="api",
        raw={"answers": answers},
    )


def staffed(observers_per_station=(1, 2, 1, 3, 2, 1)):
    """An election with stations in three regions and 1–3 observers at each."""
    forms_load_all()
    election = ElectionFactory()
    pairs = []
    for number, many in enumerate(observers_per_station, start=1):
        station = PollingStationFactory(
            district=DistrictFactory(region=region(REGIONS[number % 3])), number=str(number)
        )
        for _ in range(many):
            observer = ObserverFactory()
            deployment_assign(election=election, observer=observer, stations=[station])
            pairs.append((station, observer))
    silent = PollingStationFactory(district=DistrictFactory(region=region(REGIONS[0])), number="99")
    deployment_assign(election=election, observer=ObserverFactory(), stations=[silent])
    return election, pairs


def send(election, station, observer, form, answers, client_id):
    return submission_receive(
        client_id=client_id, form_code=form, station_number=station.number, observer=observer,
        election=election, answers=answers, channel="api", raw={},
    )  # fmt: skip
