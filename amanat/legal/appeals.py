"""Appeals of citizens to state bodies: the legal basis, the term of the answer and the document.

Terms (checked against published texts where a number is cited):
- Administrative Procedural Code of the Republic of Kazakhstan No. 350-VI of 29 June 2020,
  art. 76: an administrative procedure started by an appeal takes fifteen working days from the
  day the appeal is received, unless a law says otherwise; the head of the body (or a deputy)
  may extend it by a reasoned decision for a reasonable time, up to two months, and tells the
  applicant within three working days of the extension. Akimats, maslikhats and ministries
  answer citizens under this article.
- Election-related appeals to election commissions: the Constitutional Law "On Elections"
  (art. 20, as .bases and .complaints cite it) has the commissions decide complaints within
  five (calendar) days, and at once when filed within five days of the vote or on the day.
  NOT VERIFIED: whether every election-related request (not only a complaint) to a commission
  takes the five-day term, and which shorter term applies to an election-related request to
  an akimat; the Code's art. 76 defers to "unless a law says otherwise". Until a lawyer
  confirms, the five-day term is used only for an appeal to an election commission received
  while the campaign period of the election it concerns is open (our reading of "period":
  from the nomination, which opens once the election is called, to the publication of the
  results; amanat.mandates.services_appeals.election_period); any other appeal, to a
  commission out of that period too, takes the Code's fifteen working days. The document
  cites the article, not a guessed item number.
An appeal that arrives on a day off is registered on the next working day (state bodies'
published rules on appeals say so), and the count starts the day after registration: filed on
Saturday, registered on Monday, the first day counted is Tuesday. NOT VERIFIED: the article of
the Code that sets this registration rule.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .bases import ARTICLE, LAW
from .complaints import DECISION_DAYS, URGENT_DAYS
from .documents import Document
from .working_days import working_days_after

ADMINISTRATIVE_DAYS = 15  # working days, Administrative Procedural Code art. 76 item 1
EXTENSION_MONTHS = 2  # art. 76: extended "up to two months" in all
NOTICE_WORKING_DAYS = 3  # art. 76: the applicant is told within three working days

ADMINISTRATIVE = "administrative"
ELECTIONS = "elections"

PROCEDURAL_CODE = {
    "kk": "Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі",
    "ru": "Административный процедурно-процессуальный кодекс Республики Казахстан",
    "en": "Administrative Procedural and Process Code of the Republic of Kazakhstan",
}
IIN_BLANK = {"kk": "ЖСН / ИИН: ____________", "ru": "ИИН / ЖСН: ____________",
             "en": "IIN: ____________"}  # fmt: skip
SUBJECTS = {
    ADMINISTRATIVE: ("76", PROCEDURAL_CODE, {
        "kk": "өтініш бойынша әкімшілік рәсімнің мерзімі — он бес жұмыс күні",
        "ru": "срок административной процедуры по обращению — пятнадцать рабочих дней",
        "en": "the term of an administrative procedure on an appeal: fifteen working days",
    }),
    ELECTIONS: ("20", LAW, {
        "kk": "сайлау комиссияларына өтініштер мен шағымдарды қарау",
        "ru": "рассмотрение обращений и жалоб избирательными комиссиями",
        "en": "election commissions' consideration of appeals and complaints",
    }),
}  # fmt: skip


def basis_cited(basis: str, language: str) -> str:
    article, act, subject = SUBJECTS[basis]
    return f"{act[language]}, {ARTICLE[language].format(n=article)} ({subject[language]})"


def answer_due(*, basis: str, filed_on: date, election_day: date | None = None) -> date:
    """The day by which the body must answer: 15 working days after filing (the count starts
    the day after), or five days for an election commission (the day itself within the last
    five days before the vote and on election day)."""
    if basis == ELECTIONS:
        if election_day is not None and 0 <= (election_day - filed_on).days <= URGENT_DAYS:
            return filed_on
        return filed_on + timedelta(days=DECISION_DAYS)
    return working_days_after(received_on(filed_on), ADMINISTRATIVE_DAYS)


def received_on(filed_on: date) -> date:
    """The day an appeal is registered: the filing day, or the next working day after it."""
    return working_days_after(filed_on - timedelta(days=1), 1)


def extension_limit(filed_on: date) -> date:
    """The latest day an extension may reach: two months after filing (the same day of the
    month, or the month's last day when it has no such day)."""
    month = filed_on.month - 1 + EXTENSION_MONTHS
    year, month = filed_on.year + month // 12, month % 12 + 1
    day = min(filed_on.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@dataclass(frozen=True)
class AppealFacts:
    body_name: str
    body_address: str
    applicant_name: str
    applicant_contact: str  # the postal address (Code art. 63)
    subject: str
    text: str
    basis: str
    language: str
    reference: str = ""  # the mandate or promise the appeal follows, in a sentence
    filed_on: date | None = None
    due_on: date | None = None  # the first due date (15 working days), never the extended one
    extended_to: date | None = None
    extension_notice_on: date | None = None
    applicant_phone: str = ""


def appeal_compose(facts: AppealFacts) -> Document:
    """The appeal in its language: addressee, sender, subject, text, basis, term, request."""
    with translation.override(facts.language):
        addressee = facts.body_name + (f", {facts.body_address}" if facts.body_address else "")
        paragraphs = [_("Subject: %(subject)s") % {"subject": facts.subject}]
        if facts.reference:
            paragraphs.append(facts.reference)
        paragraphs += [
            facts.text.strip(),
            _("Legal basis: %(basis)s.") % {"basis": basis_cited(facts.basis, facts.language)},
            _term(facts),
        ]
        return Document(
            addressee=addressee,
            sender=_sender(facts),
            title=pgettext("document", "Appeal"),
            paragraphs=[p for p in paragraphs if p],
            request=_("I ask you to consider this appeal on its substance and to answer me "
                      "in writing within the term set by law."),
            evidence=[],
            signature=_("Date: %(date)s    Signature: ____________")
            % {"date": date_format(facts.filed_on or timezone.localdate(), "d.m.Y")},
        )  # fmt: skip


def _sender(facts: AppealFacts) -> list[str]:
    """Who writes (Code art. 63: full name, IIN if any, postal address); the IIN line is left
    blank to fill in by hand, the platform never stores it."""
    lines = [
        _("From: %(name)s") % {"name": facts.applicant_name},
        IIN_BLANK[facts.language],
        _("Postal address: %(address)s") % {"address": facts.applicant_contact},
    ]
    if facts.applicant_phone:
        lines.append(_("Phone: %(phone)s") % {"phone": facts.applicant_phone})
    return lines


def _term(facts: AppealFacts) -> str:
    if facts.basis == ELECTIONS:
        text = _("The law requires an election commission to decide within five days.")
    else:
        text = _("The law requires an answer within fifteen working days of receipt.")
    if facts.due_on is not None:
        text += " " + _("The answer is due by %(date)s.") % {
            "date": date_format(facts.due_on, "j E Y")
        }
    if facts.extended_to is not None and facts.extension_notice_on is not None:
        text += " " + _(
            "The body extended the term to %(date)s by its notice of %(notice)s."
        ) % {"date": date_format(facts.extended_to, "j E Y"),
             "notice": date_format(facts.extension_notice_on, "j E Y")}  # fmt: skip
    return text
