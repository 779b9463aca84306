"""The official results moved from results to elections with their table: a database that held
them before the move still holds every row after it, read through the model's new home."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from amanat.elections.models import Contest, Election, OfficialResult
from amanat.geography.models import Country
from amanat.geography.tests.factories import PollingStationFactory

BEFORE = [("elections", "0002_programmes"), ("results", "0002_pvt_sample")]
AFTER = [("elections", "0003_official_results"), ("results", "0003_official_results_to_elections")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_rows_stored_before_the_move_are_read_after_it():
    election = Election.objects.create(country=Country.objects.get(code="KZ"), slug="e2029",
                                       type=Election.Type.PRESIDENTIAL, name="Election 2029",
                                       election_day="2029-04-01")  # fmt: skip
    contest = Contest.objects.create(election=election, code="president", name="President",
                                     kind=Contest.Kind.NATIONAL)  # fmt: skip
    station = PollingStationFactory()
    try:
        old = _migrate(BEFORE).get_model("results", "OfficialResult")
        old.objects.create(contest_id=contest.pk, station_id=station.pk, source="CEC",
                           figures={"voters": 900, "option:1": 400})  # fmt: skip

        new = _migrate(AFTER).get_model("elections", "OfficialResult")
        assert new._meta.db_table == OfficialResult._meta.db_table == "results_officialresult"
        assert list(new.objects.values_list("contest_id", "station_id", "source", "figures")) == [
            (contest.pk, station.pk, "CEC", {"voters": 900, "option:1": 400})
        ]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert OfficialResult.objects.get().figures == {"voters": 900, "option:1": 400}
    assert contest.official_results.get().station == station
