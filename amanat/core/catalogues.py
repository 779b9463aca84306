"""Compiling and checking the gettext catalogues without GNU gettext (polib).

`python -m amanat.core.catalogues compile` writes the .mo files next to the .po files;
`check` exits non-zero when an entry in kk or ru is untranslated or fuzzy.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
CHECKED_LANGUAGES = ("kk", "ru")


def catalogue_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def catalogue_gaps(po_path: Path) -> list[str]:
    """msgids that are untranslated or fuzzy (obsolete entries do not count)."""
    catalogue = polib.pofile(str(po_path))
    gaps = [entry.msgid for entry in catalogue.untranslated_entries()]
    gaps += [entry.msgid for entry in catalogue.fuzzy_entries()]
    return gaps


def compile_all(locale_dir: Path = LOCALE_DIR) -> None:
    for po_path in catalogue_files(locale_dir):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def check_all(locale_dir: Path = LOCALE_DIR) -> dict[str, list[str]]:
    return {
        str(po): gaps
        for po in catalogue_files(locale_dir)
        if po.parts[-3] in CHECKED_LANGUAGES and (gaps := catalogue_gaps(po))
    }


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "compile":
        compile_all()
    else:
        problems = check_all()
        for path, gaps in problems.items():
            print(f"{path}: {len(gaps)} untranslated or fuzzy: {gaps[:5]}")
        sys.exit(1 if problems else 0)
