"""An appeal as a document (DOCX, PDF) in its language, from the appeal's own facts."""

from django.utils import translation
from django.utils.translation import gettext as _

from amanat.legal.appeals import AppealFacts, appeal_compose
from amanat.legal.documents import document_docx, document_pdf

from .models import Appeal

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _reference(appeal: Appeal) -> str:
    """What the appeal follows, in one sentence (the promise first: it is the later step)."""
    if appeal.promise is not None:
        return _("This appeal follows the commitment of %(candidate)s: “%(promise)s”.") % {
            "candidate": appeal.promise.candidate, "promise": appeal.promise.title,
        }  # fmt: skip
    if appeal.mandate is not None:
        return _("This appeal follows the voters' mandate No. %(number)s “%(title)s”.") % {
            "number": appeal.mandate.pk, "title": appeal.mandate.title,
        }  # fmt: skip
    return ""


def appeal_facts(appeal: Appeal) -> AppealFacts:
    with translation.override(appeal.language):
        reference = _reference(appeal)
    return AppealFacts(
        body_name=appeal.body.name_in(appeal.language), body_address=appeal.body.address,
        applicant_name=appeal.applicant_name, applicant_contact=appeal.applicant_contact,
        applicant_phone=appeal.applicant_phone,
        subject=appeal.subject, text=appeal.text, basis=appeal.basis, language=appeal.language,
        reference=reference, filed_on=appeal.filed_on, due_on=appeal.due_on,
        extended_to=appeal.extended_to, extension_notice_on=appeal.extension_notice_on,
    )  # fmt: skip


def appeal_file_bytes(appeal: Appeal, fmt: str) -> bytes:
    document = appeal_compose(appeal_facts(appeal))
    render = document_pdf if fmt == "pdf" else document_docx
    return render(document, appeal.language)
