"""The five directions of the mission, as the home page presents them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Direction:
    number: int
    title: Promise
    summary: Promise


DIRECTIONS = [
    Direction(
        1,
        _("Readiness"),
        _(
            "Monitoring the pre-election stage: voter-list checks, checklists, equal "
            "conditions for candidates and media coverage."
        ),
    ),
    Direction(
        2,
        _("Voter awareness"),
        _(
            "The election calendar and its deadlines, candidates and their programmes, "
            "how to complain, legal consultations and a course for first-time voters."
        ),
    ),
    Direction(
        3,
        _("Integrity"),
        _(
            "Trained observers at every polling station, rapid reporting on election day, "
            "incident response, protocols and parallel vote tabulation."
        ),
    ),
    Direction(
        4,
        _("Open dialogue"),
        _(
            "Discussion spaces for citizens, journalists, experts and scientists, online "
            "events and opinion maps that show where people agree."
        ),
    ),
    Direction(
        5,
        _("Cooperation"),
        _(
            "Voters' mandates and demands to candidates, the most pressing problems, and "
            "candidates' answers and promises followed up."
        ),
    ),
]
