"""The open data of the published incidents: a file per format rebuilt after every change, and
a withdrawn report out of it from the moment the withdrawal commits."""

import csv
import io
import json

import pytest

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.incidents import open_data
from amanat.incidents.models import Report
from amanat.incidents.moderation import (
    report_approve_publication,
    report_triage,
    report_withdraw_publication,
)

pytestmark = pytest.mark.django_db
SUMMARY = "Вброс бюллетеней на участке."


def _download(client, fmt="csv", query=""):
    response = client.get(f"/ru/incidents/export.{fmt}{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def _ids(client, query="") -> list[str]:
    rows = list(csv.reader(io.StringIO(_download(client, query=query).decode("utf-8-sig"))))
    assert rows[0][0] == "id"
    return [row[0] for row in rows[1:]]


@pytest.fixture
def moderator(make_user):
    return make_user(role=Role.MODERATOR)


def _publish(report, moderator, capture):
    report_triage(report=report, actor=moderator, status="verified", credibility="documented")
    with capture(execute=True):
        return report_approve_publication(report=report, actor=moderator, public_summary=SUMMARY)


def test_publishing_builds_the_files_and_downloads_serve_them(
    client, report, moderator, django_capture_on_commit_callbacks
):
    _publish(report, moderator, django_capture_on_commit_callbacks)
    path = open_data.open_data_file("csv")
    assert path is not None  # built by the task after the commit
    assert SUMMARY in path.read_text(encoding="utf-8-sig")
    path.write_bytes(path.read_bytes() + b"marker\r\n")  # the download is this file
    assert _download(client).endswith(b"marker\r\n")
    geo = json.loads(_download(client, "geojson"))
    assert [f["properties"]["summary"] for f in geo["features"]] == [SUMMARY]
    # The task handed over twice leaves the files as they are.
    assert open_data.open_data_build() == open_data.version_current()
    assert path.read_bytes().endswith(b"marker\r\n")


def test_a_withdrawn_report_leaves_the_open_data_before_the_task_runs(
    client, report, moderator, django_capture_on_commit_callbacks
):
    _publish(report, moderator, django_capture_on_commit_callbacks)
    assert _ids(client) == [str(report.pk)]
    before = open_data.open_data_file("csv")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        report_withdraw_publication(report=report, actor=moderator, reason="Не подтвердилось")
    # The rebuild has not run: the file of the version before is still on disk, not served.
    assert before is not None
    assert before.exists()
    assert _ids(client) == []
    assert json.loads(_download(client, "geojson"))["features"] == []
    for callback in queued:  # now the task runs: the old file goes
        callback()
    assert not before.exists()
    assert _ids(client) == []
    report.refresh_from_db()
    assert (report.is_published, report.approvals.count()) == (False, 0)
    assert AuditEntry.objects.filter(action="incidents.publication_withdrawn").count() == 1


def test_a_changed_status_of_a_published_report_is_in_the_next_download(
    client, report, moderator, django_capture_on_commit_callbacks
):
    _publish(report, moderator, django_capture_on_commit_callbacks)
    assert "documented" in _download(client).decode("utf-8-sig")
    report_triage(report=report, actor=moderator, status="verified", credibility="corroborated")
    text = _download(client).decode("utf-8-sig")
    assert "corroborated" in text
    assert "documented" not in text


def test_a_filtered_download_is_built_from_the_database(
    client, report, moderator, django_capture_on_commit_callbacks
):
    _publish(report, moderator, django_capture_on_commit_callbacks)
    assert _ids(client, "?region=KZ-71") == [str(report.pk)]
    assert _ids(client, "?region=KZ-75") == []


def test_moderators_withdraw_on_the_report_page_with_a_reason(
    client, report, moderator, django_capture_on_commit_callbacks
):
    _publish(report, moderator, django_capture_on_commit_callbacks)
    client.force_login(moderator)
    page = f"/ru/incidents/moderation/{report.pk}/"
    assert 'value="withdraw"' in client.get(page).content.decode()
    refused = client.post(page, {"action": "withdraw", "reason": " "})
    assert refused.status_code == 200
    assert Report.objects.get(pk=report.pk).is_published
    assert _ids(client) == [str(report.pk)]
    done = client.post(page, {"action": "withdraw", "reason": "Ошибка"}, follow=True)
    assert "больше нет в открытом списке" in done.content.decode()
    assert not Report.objects.get(pk=report.pk).is_published
    assert _ids(client) == []
    assert client.get(f"/ru/incidents/{report.pk}/").status_code == 404
