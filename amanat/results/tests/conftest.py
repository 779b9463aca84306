import pytest

from amanat.results.services import protocol_form_load

from .protocol_setup import contest_create


@pytest.fixture
def protocol(field):
    """The contest's protocol form, with the field's election, station and observer."""
    election, station, observer = field
    return protocol_form_load(contest_create(election)), station, observer
