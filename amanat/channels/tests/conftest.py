import pytest

from amanat.accounts.services import digest_credential_set
from amanat.channels.tests.factories import PASSWORD


@pytest.fixture(name="observer")
def digest_observer(field):
    observer = field[2]
    observer.user.set_password(PASSWORD)
    observer.user.save()
    digest_credential_set(user=observer.user, password=PASSWORD)
    return observer
