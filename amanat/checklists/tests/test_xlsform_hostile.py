"""An XLSForm that is not one (not a zip, XML with a DTD: entity expansion) is refused with
a clear error by `amanat import_xlsform`, never a traceback (issue 16, finding 9)."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from amanat.checklists.loader import forms_load_all
from amanat.checklists.services import form_version_current
from amanat.checklists.xlsform import xlsform_build

pytestmark = pytest.mark.django_db

BOMB = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
)


def _with_dtd(content: bytes, member: str) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == member:
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = BOMB.encode() + body
            target.writestr(item, data)
    return out.getvalue()


# The sheets are read through defusedxml, which refuses the entity declarations (openpyxl
# reads workbook.xml with lxml and resolve_entities=False: a DTD there expands nothing).
@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
def test_xlsform_with_a_dtd_is_refused(tmp_path, member):
    forms_load_all()
    path = tmp_path / "form.xlsx"
    path.write_bytes(_with_dtd(xlsform_build(form_version_current("VT")), member))
    with pytest.raises(CommandError, match="not a usable XLSForm"):
        call_command("import_xlsform", str(path), "--phase", "opening")


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, content):
    path = tmp_path / "form.xlsx"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="not a usable XLSForm"):
        call_command("import_xlsform", str(path), "--phase", "opening")
