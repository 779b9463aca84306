from django.core.management.base import BaseCommand, CommandError

from amanat.audit.services import audit_verify


class Command(BaseCommand):
    help = "Audit log tools. `amanat audit verify` checks the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        checked, broken = audit_verify()
        if broken is not None:
            raise CommandError(
                f"audit log broken at row #{broken.seq}: {broken.reason} "
                f"({checked} rows before it are intact)"
            )
        self.stdout.write(f"audit log intact: {checked} rows verified")
