import uuid

from amanat.checklists.services import submission_receive


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
