"""Checklist forms as the ingestion and the pages use them. Storing a report is
amanat.checklists.ingestion's."""

import re

from django.db.models import OuterRef, Subquery

from amanat.core.memo import ttl_memo

from .models import ChecklistForm, FormVersion

# A form's code as the loader accepts it (ChecklistForm.code, up to 8 characters; SMS-typable
# letters and digits, any case). Anything else names no form: refused before any lookup.
FORM_CODE = re.compile(r"[A-Za-z0-9]{1,8}")


def form_version_current(code: str) -> FormVersion | None:
    """The form's newest version with its questions, if the form is active. A code of any
    other shape is no form's; no lookup, and no memory, is spent on it."""
    if not FORM_CODE.fullmatch(code):
        return None
    versions: dict[str, FormVersion] = _versions_current()
    return versions.get(code.upper())


@ttl_memo(30, maxsize=1)
def _versions_current() -> dict[str, FormVersion]:
    """Every active form's newest version with its questions, by code; remembered for 30 s
    per worker (a new version only changes which version new reports use, never what old ones
    mean). One entry whatever codes clients send: none of them keys the memo."""
    newest = FormVersion.objects.filter(form=OuterRef("form")).order_by("-number").values("pk")
    versions = (
        FormVersion.objects.filter(form__is_active=True, pk=Subquery(newest[:1]))
        .select_related("form")
        .prefetch_related("questions")
    )
    return {version.form.code: version for version in versions}


def forms_active() -> list[ChecklistForm]:
    return list(ChecklistForm.objects.filter(is_active=True).order_by("code"))
