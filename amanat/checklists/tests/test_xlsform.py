import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from amanat.accounts.roles import Role
from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import FormVersion
from amanat.checklists.services import form_version_current
from amanat.checklists.xlsform import xform_build, xlsform_build

pytestmark = pytest.mark.django_db


def test_xlsform_has_three_languages_and_the_sms_yes_no_list():
    forms_load_all()
    book = load_workbook(io.BytesIO(xlsform_build(form_version_current("VT"))))
    header = [c.value for c in book["survey"][1]]
    assert header[:5] == ["type", "name", "label::Kazakh (kk)", "label::Russian (ru)",
                          "label::English (en)"]  # fmt: skip
    rows = {r[1]: r for r in book["survey"].iter_rows(min_row=2, values_only=True)}
    assert rows["A"][0] == "select_one yes_no"
    assert rows["D"][header.index("constraint")] == ". >= 0 and . <= 10000"
    choices = [r[:2] for r in book["choices"].iter_rows(min_row=2, values_only=True)]
    assert ("yes_no", "1") in choices
    assert ("list_F", "4") in choices
    assert "<h:title>Голосование</h:title>" in xform_build(form_version_current("VT"))


def test_import_of_an_edited_xlsform_makes_a_new_version(tmp_path):
    forms_load_all()
    book = load_workbook(io.BytesIO(xlsform_build(form_version_current("CL"))))
    survey = book["survey"]
    survey.append(["integer", "J", "Жарамсыз", "Недействительные", "Invalid", None,
                   ". >= 0 and . <= 5000", None])  # fmt: skip
    path = tmp_path / "cl.xlsx"
    book.save(path)

    call_command("import_xlsform", str(path), "--phase", "counting", stdout=io.StringIO())

    version = form_version_current("CL")
    assert version.number == 2
    added = version.questions.get(code="J")
    assert (added.kind, added.minimum, added.maximum, added.text_ru) == (
        "integer", 0, 5000, "Недействительные")  # fmt: skip
    assert version.questions.get(code="A").kind == "yes_no"
    assert FormVersion.objects.filter(form__code="CL").count() == 2


def test_xlsform_download_is_for_coordinators(client, make_user):
    forms_load_all()
    client.force_login(make_user(role=Role.OBSERVER))
    assert client.get("/ru/checklists/OP/xlsform.xlsx").status_code == 403
    client.force_login(make_user(role=Role.COORDINATOR))
    response = client.get("/ru/checklists/OP/xlsform.xlsx")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_a_label_typed_as_a_formula_is_text_in_the_xlsform():
    forms_load_all()
    version = form_version_current("VT")
    hostile = '=HYPERLINK("http://x","y")'
    version.questions.filter(code="A").update(text_ru=hostile)
    survey = load_workbook(io.BytesIO(xlsform_build(version)))["survey"]
    [cell] = [row[3] for row in survey.iter_rows(min_row=2) if row[1].value == "A"]
    assert (cell.value, cell.data_type) == (hostile, "s")  # a formula's type would be "f"
