"""The complaint wizard's rules: from what happened, who was involved and when, to the body
to address, the legal basis and the deadline that applies. No personal data is stored."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .bases import basis_for_what, basis_text

DECISION_DAYS = 5  # days to decide a complaint during an election
URGENT_DAYS = 5  # within this many days before the vote, and on election day: at once


class What(models.TextChoices):
    VOTE_DENIED = "vote_denied", _("I was not allowed to vote or not found in the voter list")
    COMMISSION = "commission", _("A commission broke the procedure (count, protocol, observers)")
    VOTE_BUYING = "vote_buying", _("Money or gifts were offered for votes")
    PRESSURE = "pressure", _("People were pressured to vote, at work or at school")
    CAMPAIGN = "campaign", _("Illegal campaigning (silence day, state resources)")
    FRAUD = "fraud", _("Ballot stuffing, carousel voting, a falsified count")
    VIOLENCE = "violence", _("Violence or threats")


class Who(models.TextChoices):
    PRECINCT = "precinct", _("A precinct election commission")
    TERRITORIAL = "territorial", _("A territorial election commission")
    OFFICIAL = "official", _("An official or an employer")
    CANDIDATE = "candidate", _("A candidate, a party or their agents")
    POLICE = "police", _("The police")
    OTHER = "other", _("Someone else or unknown")


class Body(models.TextChoices):
    TERRITORIAL = "territorial", pgettext_lazy("addressee", "Territorial election commission")
    CENTRAL = "central", pgettext_lazy("addressee", "Central Election Commission")
    PROSECUTOR = "prosecutor", _("Prosecutor's office")
    POLICE = "police", _("Police")
    COURT = "court", _("Court")


@dataclass(frozen=True)
class Route:
    body: Body
    also: tuple[Body, ...]
    basis: dict[str, str]


def route(what: str, who: str) -> Route:
    """Where to complain. A commission's decisions go to the higher commission or a court;
    crimes (buying votes, pressure, fraud) to the prosecutor; violence to the police."""
    basis = basis_for_what(what)
    if what == What.VIOLENCE or who == Who.POLICE:
        body = Body.POLICE if what == What.VIOLENCE and who != Who.POLICE else Body.PROSECUTOR
        also = (Body.PROSECUTOR,) if body == Body.POLICE else ()
        return Route(body, also, basis_text(("obstruction", "liability")))
    if what in (What.VOTE_BUYING, What.PRESSURE, What.FRAUD):
        return Route(Body.PROSECUTOR, (Body.TERRITORIAL,), basis)
    if what == What.CAMPAIGN:
        return Route(Body.TERRITORIAL, (Body.PROSECUTOR,), basis)
    if who == Who.TERRITORIAL:
        return Route(Body.CENTRAL, (Body.COURT,), basis)
    return Route(Body.TERRITORIAL, (Body.COURT,), basis)


@dataclass(frozen=True)
class Deadline:
    immediate: bool
    decide_by: date


def deadline(*, filed_on: date, election_day: date | None) -> Deadline:
    """Five days to decide; at once within the last five days before the vote and on the day."""
    immediate = election_day is not None and 0 <= (election_day - filed_on).days <= URGENT_DAYS
    return Deadline(immediate, filed_on if immediate else filed_on + timedelta(days=DECISION_DAYS))
