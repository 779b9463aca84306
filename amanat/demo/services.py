"""Loading the demo data set: idempotent, so `make demo` can run it every time."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from amanat.checklists.loader import forms_load_all
from amanat.geography.selectors import country_default
from amanat.geography.services import ImportReport, stations_import_text
from amanat.incidents.services import categories_load
from amanat.results.services import protocol_form_load
from amanat.training.loader import courses_load_all
from amanat.voterinfo.services import guides_load

from .day import election_day_load
from .dialogue import dialogue_load
from .elections import demo_election_load
from .incidents import incidents_load
from .legal import legal_load
from .mandates import mandates_load
from .media import media_load
from .observers import applications_load, demo_observer_load, synthetic_observers_load
from .people import demo_users_load
from .promises import promises_load
from .readiness_audit import readiness_audit_load
from .readiness_conditions import readiness_conditions_load
from .results import demo_results_load, demo_results_remove, pvt_sample_load
from .stations import synthetic_station_csv


@dataclass(frozen=True)
class DemoReport:
    users: list[str]
    stations: ImportReport
    election: str


@transaction.atomic
def demo_load(
    *, progress: Callable[[int], None] | None = None, polls_closed: bool = False
) -> DemoReport:
    """The demo as of now on election day (story.py). With `polls_closed`, the count is done
    too: official results, observers' protocol copies, reconciliation and PVT to look at."""
    country = country_default()
    users = demo_users_load()
    report = stations_import_text(text=synthetic_station_csv(), country=country, progress=progress)
    if not report.applied:
        raise RuntimeError(f"demo stations rejected: {report.errors[:3]}")
    election = demo_election_load(country)
    courses_load_all()
    guides_load()
    forms_load_all()
    contest = election.contests.get(code="president")
    protocol_form_load(contest)
    categories_load()
    demo_observer_load(election)
    synthetic_observers_load(election)
    applications_load()
    election_day_load(election)
    incidents_load()
    mandates_load(election)
    promises_load(country)  # after the mandates: their second team answers past ones
    legal_load()
    media_load(election)
    readiness_conditions_load(election)
    dialogue_load()
    pvt_sample_load(contest)
    readiness_audit_load(election)
    if polls_closed:
        demo_results_load(contest)
    else:
        demo_results_remove(contest)  # a demo loaded before with --polls-closed
    return DemoReport(users=[u.username for u in users], stations=report, election=election.slug)
