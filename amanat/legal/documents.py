"""The complaint as a document to print or send: DOCX (python-docx) and PDF (reportlab)."""

import io
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from amanat.core.pdf_fonts import BOLD, REGULAR, fonts_register
from amanat.geography.models import Region

from .complaints import Body, Deadline, Route, What, Who


@dataclass(frozen=True)
class Facts:
    what: str
    who: str
    happened_at: datetime
    region: Region
    station: str
    place: str
    description: str
    evidence: str
    name: str
    contact: str
    language: str
    # What happened in the case's own words (an incident's category); else the wizard's answer.
    what_text: str = ""
    signed_on: date | None = None  # the day the complaint was filed; else today


@dataclass(frozen=True)
class Document:
    addressee: str
    sender: list[str]
    title: str
    paragraphs: list[str]
    request: str
    evidence: list[str]
    signature: str


def _addressee(body: str, region: Region) -> str:
    names: dict[str, str] = {
        Body.TERRITORIAL: _("Territorial election commission: %(region)s"),
        Body.CENTRAL: _("Central Election Commission of the Republic of Kazakhstan"),
        Body.PROSECUTOR: _("Prosecutor's office: %(region)s"),
        Body.POLICE: _("Police department: %(region)s"),
        Body.COURT: _("Court: %(region)s"),
    }
    return names[body] % {"region": region.name}


def document_compose(facts: Facts, chosen: Route, due: Deadline) -> Document:
    """The complaint's text in the language chosen (Kazakh, Russian or English), with times in
    local time (settings.TIME_ZONE) whatever zone the facts came in."""
    with translation.override(facts.language):
        return Document(
            addressee=_addressee(chosen.body, facts.region),
            sender=[_("From: %(name)s") % {"name": facts.name}]
            + ([_("Contact: %(contact)s") % {"contact": facts.contact}] if facts.contact else []),
            title=_("Complaint"),
            paragraphs=_paragraphs(facts, chosen, due),
            request=_(
                "I ask you to check these facts, to stop the violation, to hold those "
                "responsible to account, and to inform me of the decision in writing."
            ),
            evidence=[line.strip() for line in facts.evidence.splitlines() if line.strip()],
            signature=_("Date: %(date)s    Signature: ____________")
            % {"date": date_format(facts.signed_on or timezone.localdate(), "d.m.Y")},
        )


def _paragraphs(facts: Facts, chosen: Route, due: Deadline) -> list[str]:
    when = date_format(timezone.localtime(facts.happened_at), "j E Y, H:i")
    where = region_name = facts.region.name
    if facts.station:
        where = _("polling station No. %(number)s, %(region)s") % {
            "number": facts.station,
            "region": region_name,
        }
    if facts.place:
        where += f", {facts.place}"
    what = facts.what_text or (str(What(facts.what).label) if facts.what else "")
    paragraphs = [
        _("On %(when)s, at %(where)s, the following happened: %(what)s.")
        % {"when": when, "where": where, "what": what[:1].lower() + what[1:]}
        if what  # an uncategorised report: its own description says what happened
        else _("On %(when)s, at %(where)s, the following happened.")
        % {"when": when, "where": where},
        # Only a party the case names: no "someone else or unknown" when the case is silent.
        _("Involved: %(who)s.") % {"who": str(Who(facts.who).label).lower()}
        if facts.who and facts.who != Who.OTHER
        else "",
        facts.description.strip(),
        _("Legal basis: %(basis)s.") % {"basis": chosen.basis[facts.language]},
        (
            _("The law requires the complaint to be considered immediately.")
            if due.immediate
            else _("The law requires a decision within five days, by %(date)s.")
            % {"date": date_format(due.decide_by, "j E Y")}
        ),
    ]
    return [p for p in paragraphs if p]


def document_docx(document: Document, language: str) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    docx = Docx()
    right = docx.add_paragraph(document.addressee)
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in document.sender:
        docx.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    docx.add_heading(document.title, level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in document.paragraphs:
        docx.add_paragraph(paragraph)
    docx.add_paragraph(document.request)
    if document.evidence:
        with translation.override(language):
            docx.add_paragraph(_("Attached evidence:"))
        for item in document.evidence:
            docx.add_paragraph(item, style="List Number")
    docx.add_paragraph(document.signature)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def document_pdf(document: Document, language: str) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    fonts_register()
    normal = ParagraphStyle("n", fontName=REGULAR, fontSize=11, leading=15, spaceAfter=6)
    right = ParagraphStyle("r", parent=normal, alignment=2)
    title = ParagraphStyle("t", parent=normal, fontName=BOLD, fontSize=16, alignment=1,
                           spaceBefore=12, spaceAfter=12)  # fmt: skip
    flow = [Paragraph(escape(document.addressee), right)]
    flow += [Paragraph(escape(line), right) for line in document.sender]
    flow += [Paragraph(escape(document.title), title)]
    flow += [Paragraph(escape(p).replace("\n", "<br/>"), normal) for p in document.paragraphs]
    flow += [Paragraph(escape(document.request), normal)]
    if document.evidence:
        with translation.override(language):
            flow.append(Paragraph(escape(_("Attached evidence:")), normal))
        flow += [Paragraph(f"{i}. {escape(item)}", normal)
                 for i, item in enumerate(document.evidence, start=1)]  # fmt: skip
    flow += [Spacer(1, 0.5 * cm), Paragraph(escape(document.signature), normal)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=document.title).build(flow)
    return buffer.getvalue()
