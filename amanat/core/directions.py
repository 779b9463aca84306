"""The five directions of the mission, as the home page presents them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Direction:
    number: int
    title: Promise
    summary: Promise
    links: tuple[tuple[str, Promise], ...] = ()  # (URL name, label) of what is built so far


DIRECTIONS = [
    Direction(
        1,
        _("Readiness"),
        _(
            "Monitoring the pre-election stage: voter-list checks, checklists, equal "
            "conditions for candidates and media coverage."
        ),
        (("readiness:index", _("Pre-election readiness")),),
    ),
    Direction(
        2,
        _("Voter awareness"),
        _(
            "The election calendar and its deadlines, candidates and their programmes, "
            "how to complain, legal consultations and a course for first-time voters."
        ),
        (
            ("voterinfo:calendar", _("Election calendar")),
            ("voterinfo:guides", _("Guides for voters")),
            ("voterinfo:complaint", _("Complaint wizard")),
            ("legalhelp:ask", _("Ask a lawyer")),
            ("training:first_vote", _("First-time voter")),
        ),
    ),
    Direction(
        3,
        _("Integrity"),
        _(
            "Trained observers at every polling station, rapid reporting on election day, "
            "incident response, protocols and parallel vote tabulation."
        ),
        (
            ("incidents:report", _("Report a violation")),
            ("incidents:published", _("Violations reported")),
            ("observers:apply", _("Become an observer")),
            ("observers:public_coverage", _("Observer network")),
            ("checklists:public_summary", _("Election day in figures")),
            ("geography:station_finder", _("Find your polling station")),
        ),
    ),
    Direction(
        4,
        _("Open dialogue"),
        _(
            "Discussion spaces for citizens, journalists, experts and scientists, online "
            "events and opinion maps that show where people agree."
        ),
        (
            ("dialogue:debates", _("Debates")),
            ("dialogue:events", _("Online events")),
            ("dialogue:list", _("Opinion maps")),
        ),
    ),
    Direction(
        5,
        _("Cooperation"),
        _(
            "Voters' mandates and demands to candidates, the most pressing problems, and "
            "candidates' answers and promises followed up."
        ),
        (
            ("mandates:list", _("Voters' mandates")),
            ("mandates:pressing", _("Most pressing problems")),
            ("mandates:rates", _("Candidates' answer rates")),
            ("mandates:promises", _("Promises of the elected")),
            ("mandates:appeal_bodies", _("State bodies' accountability")),
            ("voterinfo:candidates", _("Candidates and programmes")),
        ),
    ),
]
