"""`amanat import-results` and the reconciliation of observers' copies with official figures."""

import csv
import io
import re
import time
import uuid

import pytest
from django.core.management import CommandError, call_command

from amanat.accounts.roles import Role
from amanat.checklists.ingestion import submission_receive
from amanat.elections.models import Candidate, OfficialResult
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.tests.factories import region
from amanat.results.selectors import reconciliation

from .protocol_setup import GOOD

pytestmark = pytest.mark.django_db
HEADER = (
    "УИК,Избиратели,Получено,Выдано,Погашено,Утрачено,В ящиках,Недейств.,Действ.,"
    "Сейітова,Әбенов,Против всех"
)
MAPPING = ["voters=Избиратели", "received=Получено", "issued=Выдано", "cancelled=Погашено",
           "lost=Утрачено", "found=В ящиках", "invalid=Недейств.", "valid=Действ.",
           "1=Сейітова", "2=Әбенов", "3=Против всех"]  # fmt: skip
# Station 1: 30 votes moved from Әбенов to Сейітова; station 2 balanced; station 3: 5 too many
# valid ballots for the votes counted (a broken relation in the official protocol itself).
ROWS = ["1,1000.0,900,600,300,0,598,8,590,430,120,40",
        "2,800,700,500,200,0,500,10,490,300,150,40",
        "3,700,600,400,200,0,400,5,395,200,150,40"]  # fmt: skip


@pytest.fixture
def stations(protocol):
    _form, station, _observer = protocol
    district = DistrictFactory(region=region("KZ-75"))
    return [station] + [PollingStationFactory(district=district, number=n) for n in ("2", "3")]


def results_file(tmp_path, rows):
    path = tmp_path / "cec.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def run(path, protocol, *extra):
    out, err = io.StringIO(), io.StringIO()
    election = protocol[0].contest.election
    call_command("import_results", str(path), "--election", election.slug, "--contest",
                 "president", "--station", "УИК", *[f"--map={m}" for m in MAPPING], *extra,
                 "--no-progress", stdout=out, stderr=err)  # fmt: skip
    return out.getvalue(), err.getvalue()


def test_import_stores_figures_and_warns_of_broken_relations(tmp_path, protocol, stations):
    out, err = run(results_file(tmp_path, ROWS), protocol)
    assert out.strip() == "stored 3, skipped 0, with broken control relations 1"
    assert "warning: line 4, 3: Control relation “sum of votes (J+K+M) = valid (H)”" in err
    figures = OfficialResult.objects.get(station=stations[0]).figures
    assert figures == {"voters": 1000, "received": 900, "issued": 600, "cancelled": 300,
                       "lost": 0, "found": 598, "invalid": 8, "valid": 590,
                       "option:1": 430, "option:2": 120, "option:3": 40}  # fmt: skip
    run(results_file(tmp_path, [ROWS[0].replace(",430,120,", ",400,150,")]), protocol)
    assert OfficialResult.objects.count() == 3
    assert OfficialResult.objects.get(station=stations[0]).figures["option:1"] == 400


def test_bad_rows_are_reported_and_nothing_is_stored(tmp_path, protocol, stations):
    rows = [*ROWS, "999,1,1,1,1,0,1,0,1,1,0,0", "2,800,7OO,500,200,0,500,10.5,490,300,150,40"]
    path = results_file(tmp_path, rows)
    with pytest.raises(CommandError, match="4 problem"):
        run(path, protocol)
    assert OfficialResult.objects.count() == 0
    out, err = run(path, protocol, "--skip-invalid")
    assert "error: line 5, УИК: no polling station 999" in err
    assert "error: line 6, УИК: station repeated (line 3)" in err
    assert "error: line 6, Получено: not a whole number: “7OO”" in err
    assert "error: line 6, Недейств.: not a whole number: “10.5”" in err
    assert out.startswith("stored 3, skipped 2")


def test_a_mapping_to_an_unknown_line_is_refused(tmp_path, protocol, stations):
    with pytest.raises(CommandError, match="Unknown protocol line option:9"):
        run(results_file(tmp_path, ROWS), protocol, "--map=9=Сейітова")


def observed(protocol, station_number="1"):
    form, _station, observer = protocol
    return submission_receive(
        client_id=uuid.uuid4(), form_code="PR", station_number=station_number,
        observer=observer, election=form.contest.election, answers=GOOD, channel="api", raw={},
    )  # fmt: skip


def test_reconciliation_names_lines_votes_moved_and_orders_by_size(tmp_path, protocol, stations):
    observed(protocol)
    run(results_file(tmp_path, ROWS), protocol)
    result = reconciliation(protocol[0].contest)
    [station] = result.differing
    assert station.station.number == "1"
    assert station.lines == [("option:1", 400, 430, 30), ("option:2", 150, 120, -30)]
    assert station.size == 60
    assert result.moved == {"option:1": 30, "option:2": -30}
    assert (result.matching, result.only_observed, result.only_official) == (0, 0, 2)


def exported(client, contest, capture) -> str:
    """Ask for the reconciliation CSV as the page does, let the task build it, download it."""
    with capture(execute=True):
        asked = client.post("/ru/results/reconciliation.csv", {"contest": contest.pk})
    assert asked.status_code == 302
    page = client.get(asked["Location"]).content.decode()
    [link] = re.findall(r'href="(/ru/exports/[0-9a-f-]+/download)"', page)
    return b"".join(client.get(link).streaming_content).decode("utf-8-sig")


def test_page_and_csv_for_analysts_scoped_for_coordinators(
    client, tmp_path, protocol, stations, make_user, django_capture_on_commit_callbacks
):
    observed(protocol)
    run(results_file(tmp_path, ROWS), protocol)
    client.force_login(make_user(role=Role.ANALYST))
    page = client.get("/ru/results/reconciliation/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "№1" in text
    assert "+30" in text
    assert "Айгүл Сейітова" in text
    contest = protocol[0].contest
    rows = list(csv.reader(io.StringIO(exported(client, contest,
                                                django_capture_on_commit_callbacks))))  # fmt: skip
    assert rows[0][0] == "участок"  # headings in the language it was asked in
    assert rows[1:] == [
        ["1", "KZ-71", "option:1", "Айгүл Сейітова", "400", "430", "30", "60"],
        ["1", "KZ-71", "option:2", "Нұрлан Әбенов", "150", "120", "-30", "60"],
    ]

    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-75")]))
    assert "№1" not in client.get("/ru/results/reconciliation/").content.decode()
    # The coordinator's export holds their regions only, as their page does.
    rows = list(csv.reader(io.StringIO(exported(client, contest,
                                                django_capture_on_commit_callbacks))))  # fmt: skip
    assert len(rows) == 1
    astana = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    client.force_login(astana)
    rows = list(csv.reader(io.StringIO(exported(client, contest,
                                                django_capture_on_commit_callbacks))))  # fmt: skip
    assert [row[0] for row in rows[1:]] == ["1", "1"]
    client.force_login(protocol[2].user)
    assert client.get("/ru/results/reconciliation/").status_code == 403


def test_analysts_run_the_forensics_on_the_official_results(client, tmp_path, protocol, stations,
                                                             make_user):  # fmt: skip
    run(results_file(tmp_path, ROWS), protocol)
    client.force_login(make_user(role=Role.ANALYST))
    page = client.get("/en/forensics/").content.decode()
    assert "Official results: President" in page
    response = client.post("/en/forensics/", {"official-option": "1"})
    russian = client.post("/ru/forensics/", {"official-option": "1"}).content.decode()
    assert "Участки с явкой 90 % и выше" in russian
    assert "%%" not in russian
    text = response.content.decode()
    assert "Айгүл Сейітова · 3 stations" in text
    assert 'src="data:image/png;base64,' in text
    assert text.count('class="bars"') == 4  # KZ-71 and KZ-75


def test_a_label_typed_as_a_formula_is_exported_as_text(
    client, tmp_path, protocol, stations, make_user, django_capture_on_commit_callbacks
):
    observed(protocol)
    run(results_file(tmp_path, ROWS), protocol)
    hostile = '=HYPERLINK("http://x","y")'
    names = {f"full_name_{lang}": hostile for lang in ("kk", "ru", "en")}
    first = protocol[0].contest.options.filter(position=1).values("candidate")
    assert Candidate.objects.filter(pk__in=first).update(**names) == 1
    client.force_login(make_user(role=Role.ANALYST))
    body = exported(client, protocol[0].contest, django_capture_on_commit_callbacks)
    rows = list(csv.reader(io.StringIO(body)))
    # The typed name becomes text; the negative difference, a number, stays as it is.
    assert rows[1:] == [
        ["1", "KZ-71", "option:1", "'" + hostile, "400", "430", "30", "60"],
        ["1", "KZ-71", "option:2", "Нұрлан Әбенов", "150", "120", "-30", "60"],
    ]


def test_a_real_worker_builds_the_reconciliation_export(task_worker, client, tmp_path, protocol,
                                                        stations, make_user):  # fmt: skip
    """PostgreSQL and a broker only: the request enqueues, a worker process builds the file."""
    from amanat.evidence.models import Export

    observed(protocol)
    run(results_file(tmp_path, ROWS), protocol)
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]))
    asked = client.post("/ru/results/reconciliation.csv", {"contest": protocol[0].contest.pk})
    export = Export.objects.get()
    assert asked["Location"] == f"/ru/exports/{export.public_id}/"
    assert export.status == Export.Status.PENDING  # nothing built in the request
    task_worker.start()
    deadline = time.monotonic() + 60
    while Export.objects.get().status == Export.Status.PENDING:
        assert time.monotonic() < deadline, task_worker.log()
        time.sleep(0.2)
    body = b"".join(client.get(f"/ru/exports/{export.public_id}/download").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row[:3] for row in rows[1:]] == [["1", "KZ-71", "option:1"], ["1", "KZ-71", "option:2"]]
