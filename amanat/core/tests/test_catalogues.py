import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

from amanat.core.catalogues import LOCALE_DIR, catalogue_files, check_all

PACKAGE = Path(__file__).resolve().parents[2]


def test_kk_and_ru_catalogues_have_no_untranslated_or_fuzzy_entry():
    assert {path.parts[-3] for path in catalogue_files()} >= {"kk", "ru"}
    assert check_all() == {}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_compiled_catalogue_matches_its_source(lang):
    po = polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo"))
    assert {e.msgid: e.msgstr for e in po.translated_entries()} == {
        e.msgid: e.msgstr for e in mo if e.msgid
    }, "run `make messages` to recompile the .mo files"


def test_every_interface_string_in_the_code_is_in_the_catalogues(tmp_path, settings, monkeypatch):
    """Extract the strings afresh from a copy of the code: nothing may be missing."""
    assert shutil.which("xgettext"), "GNU gettext is needed: apt-get install gettext"
    copy = tmp_path / "amanat"
    shutil.copytree(
        PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "tests", "static", "*.mo")
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)

    call_command("makemessages", locale=["kk", "ru"], no_obsolete=True, verbosity=0)

    assert check_all(copy / "locale") == {}
