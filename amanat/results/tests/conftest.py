import pytest

# The channels' own fixtures, so that protocols travel exactly the way checklists do.
from amanat.channels.tests.test_openrosa import odk  # noqa: F401
from amanat.channels.tests.test_sms import sms_observer  # noqa: F401
from amanat.channels.tests.test_telegram import bot  # noqa: F401
from amanat.checklists.tests.test_ingestion import field  # noqa: F401
from amanat.results.services import protocol_form_load

from .protocol_setup import contest_create


@pytest.fixture
def protocol(field):  # noqa: F811
    """The contest's protocol form, with the field's election, station and observer."""
    election, station, observer = field
    return protocol_form_load(contest_create(election)), station, observer
