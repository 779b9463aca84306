"""The demo's media monitoring: two monitors, a tone that fails reliability, an overspender."""

from decimal import Decimal

import pytest

from amanat.accounts.models import User
from amanat.demo.people import DEMO_PASSWORD
from amanat.elections.selectors import election_current
from amanat.media import reports, selectors
from amanat.media.models import Outlet

pytestmark = pytest.mark.django_db


def test_three_outlets_coded_twice_with_tone_below_the_tentative_threshold(demo):
    assert Outlet.objects.filter(name__endswith="(демо)").count() == 3
    overall, pairs = selectors.reliability(election=election_current())
    verdicts = {v.code: v.verdict for v in overall}
    assert verdicts["tone"] == "tentative"
    assert all(verdicts[code] == "good" for code in ("subject", "genre", "time", "space"))
    assert len(pairs) == 1
    assert {pairs[0].first.username, pairs[0].second.username} == {"media_monitor",
                                                                   "media_monitor2"}  # fmt: skip


def test_each_monitor_has_an_item_waiting(demo):
    for username in ("media_monitor", "media_monitor2"):
        assert selectors.queue_for(User.objects.get(username=username)).count() == 1


def test_one_candidate_paid_for_more_airtime_than_his_declared_fund(demo):
    rows = reports.finance(election_current())
    over = [row for row in rows if row.exceeded]
    assert [row.candidate.full_name_en for row in over] == ["Sergei Primerov"]
    assert over[0].declared == Decimal(5_000_000)
    assert over[0].observed > over[0].declared


def test_second_monitor_signs_in(client, demo, settings):
    settings.AMANAT_REQUIRE_2FA = False
    response = client.post("/ru/accounts/login/",
                           {"username": "media_monitor2", "password": DEMO_PASSWORD})  # fmt: skip
    assert response.status_code == 302
    assert client.get("/ru/media/coding/").status_code == 200
