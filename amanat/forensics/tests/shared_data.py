"""Where the real election data lives: ../shared/data beside the clone, never copied in.

$AMANAT_SHARED_DATA points elsewhere; tests that need a file skip, saying why, when it is absent.
"""

import os
from pathlib import Path

import pytest

SHARED = Path(
    os.environ.get("AMANAT_SHARED_DATA", Path(__file__).resolve().parents[4] / "shared/data")
)


def needs(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is not beside this clone")
