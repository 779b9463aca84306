"""A citizen's self-check finding as a written challenge to the precinct election commission
of that station, in Kazakh or Russian, with the legal basis (legal.bases.VOTER_LIST), rendered
by legal's document builders (DOCX, PDF). Nothing typed here (name, address) is stored."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from amanat.legal.bases import VOTER_LIST, basis_text
from amanat.legal.documents import Document

from .models_conditions import SelfCheck


@dataclass(frozen=True)
class Signer:
    name: str
    contact: str
    address: str
    language: str


def commission_name(check: SelfCheck, language: str) -> str:
    """The precinct commission of the station, as the geography names it in that language."""
    commission = check.station.commission
    name = getattr(commission, f"name_{language}", "") if commission is not None else ""
    if name:
        return name
    with translation.override(language):
        return _("Precinct election commission of polling station No. %(number)s") % {
            "number": check.station.number
        }


def _found(check: SelfCheck) -> str:
    texts = {
        SelfCheck.Outcome.ERROR: _("my entry in the voter list has an error"),
        SelfCheck.Outcome.MISSING: _("I am not included in the voter list"),
        SelfCheck.Outcome.STRANGERS: _(
            "people who do not live at my address are registered in the voter list at it"
        ),
    }
    return texts[SelfCheck.Outcome(check.outcome)]


def _request(check: SelfCheck) -> str:
    texts = {
        SelfCheck.Outcome.ERROR: _("I ask you to correct the data about me in the voter list"),
        SelfCheck.Outcome.MISSING: _("I ask you to include me in the voter list"),
        SelfCheck.Outcome.STRANGERS: _(
            "I ask you to check who is registered at my address and to remove from the list "
            "those who do not live there"
        ),
    }
    return texts[SelfCheck.Outcome(check.outcome)] + _(
        ", or to give me a reasoned written decision."
    )


def challenge_compose(
    check: SelfCheck, signer: Signer, *, signed_on: date | None = None
) -> Document:
    """The challenge in the signer's language: addressed to the station's precinct commission,
    what the citizen found on which day, the legal basis, what is asked."""
    if not check.is_finding:
        raise ValueError("a correct entry is nothing to challenge")
    language = signer.language
    with translation.override(language):
        station = _("polling station No. %(number)s, %(region)s") % {
            "number": check.station.number,
            "region": check.region.name,
        }
        paragraphs = [
            _("On %(date)s I checked the voter list of %(station)s and found that %(found)s.")
            % {
                "date": date_format(timezone.localtime(check.created_at), "j E Y"),
                "station": station,
                "found": _found(check),
            },
        ]
        if signer.address:
            paragraphs.append(_("My address: %(address)s.") % {"address": signer.address})
        if check.details.strip():
            paragraphs.append(check.details.strip())
        basis = basis_text(VOTER_LIST)[language]
        paragraphs.append(_("Legal basis: %(basis)s.") % {"basis": basis})
        return Document(
            addressee=commission_name(check, language),
            sender=[_("From: %(name)s") % {"name": signer.name}]
            + ([_("Contact: %(contact)s") % {"contact": signer.contact}] if signer.contact else []),
            title=_("Application about an inaccuracy in the voter list"),
            paragraphs=paragraphs,
            request=_request(check),
            evidence=[],
            signature=_("Date: %(date)s    Signature: ____________")
            % {"date": date_format(signed_on or timezone.localdate(), "d.m.Y")},
        )
