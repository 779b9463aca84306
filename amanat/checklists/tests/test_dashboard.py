import io
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from PIL import Image

from amanat.accounts.roles import Role
from amanat.checklists import tallies
from amanat.checklists.ingestion import submission_receive
from amanat.checklists.models import ChecklistForm, Submission
from amanat.checklists.photos import checklist_photo_store
from amanat.checklists.services import form_version_current
from amanat.geography.models import Region
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents.tests.factories import photo_with_gps
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ObserverFactory, region

pytestmark = pytest.mark.django_db


def submit(election, station, observer, answers, form="VT"):
    return submission_receive(
        client_id=uuid.uuid4(), form_code=form, station_number=station.number,
        observer=observer, election=election, answers=answers, channel="api", raw={},
    )[0]  # fmt: skip


@pytest.fixture
def day(field):
    election, station, observer = field
    second = ObserverFactory()
    deployment_assign(election=election, observer=second, stations=[station])
    other_station = PollingStationFactory(
        district=DistrictFactory(region=region("KZ-71")), number="2", registered_voters=50
    )
    third = ObserverFactory()
    deployment_assign(election=election, observer=third, stations=[other_station])
    return election, station, other_station, observer, second, third


def test_tallies_count_each_observers_latest_answers(day):
    election, station, other, first, second, third = day
    submit(election, station, first, {"A": True, "D": 100})
    submit(election, station, first, {"A": False, "D": 150})  # resent: replaces the first
    submit(election, station, second, {"A": True, "D": 150})
    submit(election, other, third, {"A": False, "D": 60, "F": 4})
    form = ChecklistForm.objects.get(code="VT")
    latest = tallies.latest_submissions(election=election, form=form, regions=Region.objects.all())

    by_code = {t.question.code: t for t in tallies.tallies(latest, form_version_current("VT"))}
    assert (by_code["A"].counts[True], by_code["A"].counts[False]) == (1, 2)
    assert (by_code["D"].total, by_code["D"].mean) == (360, 120.0)
    assert by_code["F"].counts[4] == 1
    assert tallies.reporting_rate(election=election, form=form, regions=Region.objects.all()) == (
        2,
        2,
    )

    rows = tallies.latest_rows(election=election, form=form, regions=Region.objects.all())
    conflicts = tallies.conflicts(rows, form_version_current("VT"))
    assert [(c.station.number, c.question) for c in conflicts] == [("1", "A")]
    flagged = tallies.out_of_range(rows, form_version_current("VT"))
    assert [(s.number, q.code, value) for s, q, value, _limit in flagged] == [("2", "D", 60)]
    with translation.override("kk"):
        assert [c.shown for c in conflicts] == [["жоқ", "иә"]]


def test_missing_reports_by_a_time(day):
    election, station, other, first, _second, _third = day
    submit(election, station, first, {"A": True}, form="OP")
    form = ChecklistForm.objects.get(code="OP")
    later = timezone.now() + timedelta(minutes=1)
    missing = tallies.missing_reports(election=election, form=form, regions=Region.objects.all(),
                                      by=later)  # fmt: skip
    assert [s.number for s in missing] == ["2"]
    before = datetime(2000, 1, 1, tzinfo=ZoneInfo("Asia/Almaty"))
    assert len(tallies.missing_reports(election=election, form=form,
                                       regions=Region.objects.all(), by=before)) == 2  # fmt: skip


def test_dashboard_pages_scoped_and_public_summary_delayed(client, day, make_user, settings):
    election, station, _other, first, _second, _third = day
    submit(election, station, first, {"A": True, "D": 77})
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    client.force_login(coordinator)
    html = client.get("/ru/checklists/dashboard/").content.decode()
    assert "Отчитались: 1 из 2 участков с наблюдателем." in html
    # the critical answer in the alert feed, by the form's and the question's names
    assert "Голосование: Вы видели вброс бюллетеней? — да" in html
    assert client.get("/ru/checklists/quality/VT/").status_code == 200

    client.force_login(make_user(role=Role.CITIZEN))
    assert client.get("/ru/checklists/dashboard/").status_code == 403

    public = client.__class__()
    settings.AMANAT_PUBLIC_DELAY_MINUTES = 60
    assert "total: 77" not in public.get("/en/checklists/summary/").content.decode()
    settings.AMANAT_PUBLIC_DELAY_MINUTES = 0
    page = public.get("/en/checklists/summary/").content.decode()
    assert "total: 77" in page
    assert first.user.username not in page
    assert Submission.objects.count() == 1


def test_station_view_puts_observers_side_by_side_with_photos(client, day, make_user, settings,
                                                              tmp_path):  # fmt: skip
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    election, station, _other, first, second, _third = day
    photo = checklist_photo_store(observer=first, name="boxes.jpg", content=photo_with_gps())
    submit(election, station, first, {"A": True, "F": photo.sha256}, form="OP")
    submit(election, station, second, {"A": False}, form="OP")
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]))
    page = client.get(f"/en/checklists/station/{station.number}/").content.decode()
    assert "Observer 1" in page
    assert "Observer 2" in page
    assert "observers disagree" in page
    assert first.user.username not in page  # no names on this page
    image = client.get(f"/en/checklists/station/{station.number}/photo/{photo.sha256}.jpg")
    assert image.status_code == 200
    assert not Image.open(io.BytesIO(image.content)).getexif()
    stranger = client.get(f"/en/checklists/station/{station.number}/photo/{'0' * 64}.jpg")
    assert stranger.status_code == 404

    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-75")]))
    assert client.get(f"/en/checklists/station/{station.number}/").status_code == 404


def test_a_form_with_no_current_version_is_left_out_not_an_error(client, day, make_user):
    """An active form with no version yet (or activated since the versions were remembered)
    has no panel; its quality page, and an inactive form's, is not found."""
    ChecklistForm.objects.create(code="NEW", phase="voting", name="New")
    ChecklistForm.objects.filter(code="CL").update(is_active=False)
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]))
    assert client.get("/en/checklists/dashboard/").status_code == 200
    assert client.get("/en/checklists/quality/NEW/").status_code == 404
    assert client.get("/en/checklists/quality/CL/").status_code == 404
    assert client.get("/en/checklists/summary/").status_code == 200


def test_the_quality_page_reads_only_what_it_lists(day, client, make_user, monkeypatch):
    """Resent forms count once; the database picks the stations with two observers and the
    figures above the registered voters: of 40 reports from single-observer stations within
    range, not one is read into Python."""
    election, station, other, first, second, third = day
    submit(election, station, first, {"A": True, "D": 100})
    submit(election, station, first, {"A": False, "D": 150})  # resent: replaces the first
    submit(election, station, second, {"A": True, "D": 150})
    submit(election, other, third, {"A": False, "D": 60})
    submit(election, other, third, {"A": False, "D": 40})  # resent: 40 is within the 50
    district = DistrictFactory(region=region("KZ-71"))
    for n in range(40):
        quiet = PollingStationFactory(district=district, number=str(100 + n), registered_voters=900)
        observer = ObserverFactory()
        deployment_assign(election=election, observer=observer, stations=[quiet])
        submit(election, quiet, observer, {"A": True, "D": 300})
    outlier = PollingStationFactory(district=district, number="99", registered_voters=10)
    observer = ObserverFactory()
    deployment_assign(election=election, observer=observer, stations=[outlier])
    submit(election, outlier, observer, {"A": True, "D": 11})

    read = []
    monkeypatch.setattr(Submission, "__init__", _counting(Submission.__init__, read))
    client.force_login(make_user(role=Role.ADMIN))
    with translation.override("ru"):
        page = client.get("/ru/checklists/quality/vt/").content.decode()
    assert len(read) == 1  # the outlier's submission, nothing else
    assert '<a href="/ru/checklists/station/1/">№1</a>' in page
    assert "№99: " in page
    assert "№2: " not in page  # the resent 40 replaced the 60 above the limit
    form = ChecklistForm.objects.get(code="VT")
    latest = tallies.latest_rows(election=election, form=form, regions=Region.objects.all())
    reference = tallies.latest_submissions(election=election, form=form,
                                           regions=Region.objects.all())  # fmt: skip
    assert sorted(latest.values_list("pk", flat=True)) == sorted(s.pk for s in reference)


def _counting(init, read):
    def counted(self, *args, **kwargs):
        read.append(1)
        init(self, *args, **kwargs)

    return counted
