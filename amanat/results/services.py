"""Writes for results: the protocol form of a contest, official results, protocol photos and
their entries by hand."""

from collections.abc import Callable, Mapping

from django.db import transaction

from amanat.checklists.loader import form_load
from amanat.checklists.relations import relations_check
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


def protocol_relations_checker(contest: Contest) -> Callable[[Mapping[str, object]], list[str]]:
    """A check of figures by line (an official protocol, an entry typed from a photo) against
    the contest's control relations, loaded once for many protocols; it returns the broken
    relations named as the ingestion service names them."""
    protocol_form = ProtocolForm.objects.filter(contest=contest).select_related("form").first()
    if protocol_form is None:
        return lambda figures: []
    newest = protocol_form.form.versions.order_by("-number").first()
    relations = newest.relations if newest is not None else []
    lines = protocol_form.lines

    def broken(figures: Mapping[str, object]) -> list[str]:
        by_code = {code: figures[key] for code, key in lines.items() if key in figures}
        return [
            error.message
            for error in relations_check(relations, by_code, by_code)
            if error.code == "relation_broken"
        ]

    return broken
