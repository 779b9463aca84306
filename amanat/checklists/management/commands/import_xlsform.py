import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amanat.checklists.loader import form_load
from amanat.checklists.models import Phase
from amanat.checklists.xlsform import xlsform_read


class Command(BaseCommand):
    help = "Import a checklist from an XLSForm (.xlsx); a changed form gets a new version."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--phase", required=True, choices=Phase.values)

    def handle(self, *args, file: Path, phase: str, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            version = form_load(xlsform_read(file.read_bytes(), phase=phase))
        # ValueError covers defusedxml's refusals (a DTD, entities) that openpyxl lets through.
        except (KeyError, ValueError, StopIteration, IndexError, zipfile.BadZipFile) as problem:
            raise CommandError(f"{file}: not a usable XLSForm ({problem})") from None
        self.stdout.write(f"{version.form.code}: version {version.number}")
