import pytest

from amanat.incidents.services import categories_load


@pytest.fixture
def evidence_storage(settings, tmp_path):
    """Evidence files in a temporary folder, and the incident categories loaded."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    categories_load()
