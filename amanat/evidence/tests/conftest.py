import pytest


@pytest.fixture
def storage(settings, tmp_path):
    """Private originals and shown copies in a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    return tmp_path
