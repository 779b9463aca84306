"""Writes for results: the protocol form of a contest, official results, protocol photos and
their entries by hand."""

from django.db import transaction

from amanat.checklists.loader import form_load
from amanat.checklists.models import ChecklistForm
from amanat.elections.models import Contest

from .lines import protocol_definition
from .models import ProtocolForm


@transaction.atomic
def protocol_form_load(contest: Contest, form_code: str = "PR") -> ProtocolForm:
    """Create or refresh the contest's protocol form; unchanged lines keep their version."""
    definition, lines = protocol_definition(contest, form_code)
    version = form_load(definition)
    protocol_form, _ = ProtocolForm.objects.update_or_create(
        contest=contest, defaults={"form": version.form, "lines": lines}
    )
    return protocol_form


def protocol_form_of(form: ChecklistForm) -> ProtocolForm | None:
    return ProtocolForm.objects.filter(form=form).select_related("contest").first()
