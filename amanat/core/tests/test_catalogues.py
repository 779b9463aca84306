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


# Never shown by Amanat: names of languages we do not offer, Django's welcome page.
NOT_SHOWN = ("Django", "Tutorial", "Topics, references", "Connect, get help", "The install worked")
WELCOME_PAGE = ("docs.djangoproject.com", "Get started with Django")


def _key(entry: polib.POEntry) -> tuple[str | None, str, str]:
    return entry.msgctxt, entry.msgid, entry.msgid_plural


def _django_kk_gaps() -> set[tuple[str | None, str, str]]:
    """What Django's kk catalogues leave untranslated, fuzzy or out altogether.

    Out altogether: strings that the ru catalogue of the same app translates (so a Kazakh
    page would fall back to Russian, our LANGUAGE_CODE) but the kk one lacks.
    """
    import django
    from django.conf.global_settings import LANGUAGES

    language_names = {name for _, name in LANGUAGES}
    root = Path(django.__file__).parent
    gaps = set()
    for relative in ("contrib/admin", "contrib/auth", "conf"):
        kk = polib.pofile(str(root / relative / "locale/kk/LC_MESSAGES/django.po"))
        ru = polib.pofile(str(root / relative / "locale/ru/LC_MESSAGES/django.po"))
        translated = {_key(entry) for entry in kk.translated_entries()}
        # ru is the newer: kk's stale "Please correct the error below." is a plural there.
        current = {(entry.msgctxt, entry.msgid): _key(entry) for entry in ru}
        candidates = kk.untranslated_entries() + kk.fuzzy_entries() + ru.translated_entries()
        for entry in candidates:
            text = entry.msgid
            key = current.get((entry.msgctxt, text), _key(entry))
            if (
                key in translated
                or text in language_names
                or text.startswith(NOT_SHOWN)
                or any(w in text for w in WELCOME_PAGE)
            ):
                continue
            gaps.add(key)
    return gaps


def test_our_kazakh_supplement_covers_what_djangos_catalogue_lacks():
    supplement = polib.pofile(str(PACKAGE / "locale_django/kk/LC_MESSAGES/django.po"))
    assert supplement.untranslated_entries() == []
    assert _django_kk_gaps() - {_key(entry) for entry in supplement} == set()


@pytest.mark.django_db
def test_admin_speaks_kazakh(client, make_user):
    client.force_login(make_user(role="admin", is_staff=True, is_superuser=True))
    html = client.get("/kk/admin/").content.decode()
    assert "Соңғы әрекеттер" in html  # "Recent actions", missing from Django's kk catalogue
    assert "Сайлау учаскелері" in html  # our own model names
    assert "Recent actions" not in html
