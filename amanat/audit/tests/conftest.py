import pytest


@pytest.fixture(autouse=True)
def anchor_file(settings, tmp_path):
    """Each test anchors into a file of its own, never the data folder's."""
    settings.AMANAT_AUDIT_ANCHOR_FILE = tmp_path / "audit-anchors.log"
    return settings.AMANAT_AUDIT_ANCHOR_FILE
