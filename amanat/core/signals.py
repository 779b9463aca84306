"""Events an app announces to apps beside or above it, which it may not import (the layers of
ARCHITECTURE.md): the listener imports the signal from here, the sender never knows who
listens."""

from django.dispatch import Signal

# Sent by the ingestion (checklists) for each newly stored report, inside the transaction that
# stores it, with the form's code as the sender: an app that owns what one form records (the
# voter-list audit's outcomes, a scheduled pre-election visit) connects with `sender=<code>`
# and writes its own rows, kept or rolled back with the report. Arguments: submission_id,
# election_id, observer_id, station_id, answers (the validated answers by question code).
# A listener that raises refuses the report (nothing is stored): listeners validate nothing
# the form's own rules should have said.
report_stored = Signal()
