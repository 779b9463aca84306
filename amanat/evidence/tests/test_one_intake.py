"""Every upload goes through the evidence app: no other app opens pictures, hashes or copies
uploaded files, or writes into the private or the media folder itself."""

import re
from pathlib import Path

import amanat

ROOT = Path(amanat.__file__).parent
INTAKE = re.compile(
    r"Image\.open\(|\.chunks\(\)|settings\.(AMANAT_PRIVATE_DIR|MEDIA_ROOT)|exif_transpose"
)
# An analyst's results table is read once for an analysis and never kept (forensics).
ELSEWHERE = {"forensics/views.py": [".chunks()"]}


def test_no_app_but_evidence_takes_files_in():
    found = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        test_code = "/tests/" in relative or relative.endswith("conftest.py")
        if relative.startswith(("evidence/", "settings/")) or test_code:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#") or not (match := INTAKE.search(line)):
                continue
            if match.group(0) not in ELSEWHERE.get(relative, []):
                found.append(f"{relative}: {line.strip()}")
    assert found == []
