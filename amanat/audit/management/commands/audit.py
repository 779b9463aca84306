from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amanat.audit.anchors import AnchorConflict, anchor_latest, anchor_write
from amanat.audit.services import audit_verify


class Command(BaseCommand):
    help = (
        "Audit log tools. `amanat audit verify` checks the keyed hash chain against the latest "
        "anchor; `amanat audit anchor` appends the latest hash to the anchor file (run it "
        "every few minutes from a systemd timer or cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "anchor"])
        parser.add_argument(
            "--anchors",
            type=Path,
            default=None,
            help="the anchor file (default: AMANAT_AUDIT_ANCHOR_FILE)",
        )

    def handle(self, *args, action, anchors, **options):
        if action == "anchor":
            self._anchor(anchors)
        else:
            self._verify(anchors)

    def _anchor(self, path):
        try:
            anchor = anchor_write(path)
        except AnchorConflict as conflict:
            raise CommandError(f"audit log not anchored: {conflict}") from None
        if anchor is None:
            self.stdout.write("audit log empty: nothing to anchor")
        else:
            self.stdout.write(f"audit log anchored at row #{anchor.seq}")

    def _verify(self, path):
        anchor = anchor_latest(path)
        checked, broken = audit_verify(anchor)
        if broken is not None:
            raise CommandError(
                f"audit log broken at row #{broken.seq}: {broken.reason} "
                f"({checked} rows before it are intact)"
            )
        if anchor is None:
            self.stderr.write(
                "no anchor yet: rows deleted from the end cannot be detected; "
                "run `amanat audit anchor` on a schedule"
            )
            self.stdout.write(f"audit log intact: {checked} rows verified")
        else:
            self.stdout.write(
                f"audit log intact: {checked} rows verified; "
                f"row #{anchor.seq} matches its anchor of {anchor.at}"
            )
