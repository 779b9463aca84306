"""Exports built by a task: asked for once, built once, private to who asked, deleted after the
retention period. A builder registered here stands for the apps' own (results registers one)."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.evidence.exports import (
    Built,
    ExportKind,
    ExportRefused,
    export_builder_register,
    export_path,
    export_request,
    exports_purge,
)
from amanat.evidence.models import Export

pytestmark = pytest.mark.django_db
CALLS: list[tuple[int, dict]] = []


def _build(user, params):
    CALLS.append((user.pk, params))
    if params.get("refuse"):
        raise ExportRefused("not for you")
    if params.get("break"):
        raise RuntimeError("disk on fire")
    return Built(f"rows for {user.username}: {params['n']}\n".encode(), "test.csv", "text/csv")


@pytest.fixture(autouse=True)
def builder(storage):
    CALLS.clear()
    export_builder_register(ExportKind("test.rows", "Test rows", _build, lambda p: "/back/"))


def test_asking_twice_while_it_is_built_gives_the_same_export_built_once(
    make_user, django_capture_on_commit_callbacks
):
    user = make_user(role=Role.ANALYST)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = export_request(user=user, builder="test.rows", params={"n": 1})
        again = export_request(user=user, builder="test.rows", params={"n": 1})
    assert again.pk == first.pk
    assert len(queued) == 1  # enqueued after commit, once
    assert CALLS == []
    assert Export.objects.get(pk=first.pk).status == Export.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        other = export_request(user=user, builder="test.rows", params={"n": 2})
    assert other.pk != first.pk
    queued[0]()
    queued[0]()  # the task handed over twice builds nothing more
    assert CALLS == [(user.pk, {"n": 2}), (user.pk, {"n": 1})]
    built = Export.objects.get(pk=first.pk)
    content = export_path(built).read_bytes()
    assert content == f"rows for {user.username}: 1\n".encode()
    assert (built.status, built.size) == (Export.Status.READY, len(content))
    assert built.sha256 == hashlib.sha256(content).hexdigest()
    assert AuditEntry.objects.filter(action="evidence.export_requested").count() == 2
    # Once built, asking again makes a new export (the data may have changed).
    with django_capture_on_commit_callbacks(execute=True):
        assert export_request(user=user, builder="test.rows", params={"n": 1}).pk != first.pk


def test_a_refused_or_failing_build_says_so(make_user, django_capture_on_commit_callbacks):
    user = make_user(role=Role.ANALYST)
    with django_capture_on_commit_callbacks(execute=True):
        refused = export_request(user=user, builder="test.rows", params={"refuse": 1})
        broken = export_request(user=user, builder="test.rows", params={"break": 1})
    refused.refresh_from_db()
    broken.refresh_from_db()
    assert (refused.status, refused.error) == (Export.Status.FAILED, "not for you")
    assert broken.status == Export.Status.FAILED
    assert "disk on fire" in broken.error
    assert (refused.stored_name, broken.stored_name) == ("", "")
    assert not list(export_path(refused).iterdir())  # the exports' folder: no file was left


def test_only_who_asked_and_admins_download_it(client, make_user,
                                               django_capture_on_commit_callbacks):  # fmt: skip
    owner = make_user(role=Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(user=owner, builder="test.rows", params={"n": 7})
    page = f"/ru/exports/{export.public_id}/"
    download = f"{page}download"
    client.force_login(make_user(role=Role.ANALYST))
    assert client.get(page).status_code == 404
    assert client.get(download).status_code == 404
    client.force_login(make_user(role=Role.ADMIN))
    assert client.get(download).status_code == 200
    client.force_login(owner)
    text = client.get(page).content.decode()
    assert "Готово к скачиванию" in text
    assert hashlib.sha256(b"rows for %s: 7\n" % owner.username.encode()).hexdigest() in text
    assert "hx-get" not in text  # ready: the page stops polling
    response = client.get(download)
    assert b"".join(response.streaming_content) == f"rows for {owner.username}: 7\n".encode()
    assert response["Content-Disposition"] == 'attachment; filename="test.csv"'
    assert response["Repr-Digest"].startswith("sha-256=:")
    assert AuditEntry.objects.filter(action="evidence.export_downloaded").count() == 2
    listing = client.get("/ru/exports/").content.decode()
    assert page in listing


def test_the_page_polls_while_the_file_is_prepared(client, make_user,
                                                   django_capture_on_commit_callbacks):  # fmt: skip
    owner = make_user(role=Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=False):
        export = export_request(user=owner, builder="test.rows", params={"n": 1})
    client.force_login(owner)
    page = client.get(f"/kk/exports/{export.public_id}/").content.decode()
    assert f'hx-get="/kk/exports/{export.public_id}/"' in page
    assert "/download" not in page
    partial = client.get(f"/kk/exports/{export.public_id}/", headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith("<div")
    assert client.get(f"/kk/exports/{export.public_id}/download").status_code == 404


def test_exports_are_deleted_with_their_files_after_the_retention(
    make_user, settings, django_capture_on_commit_callbacks
):
    settings.AMANAT_EXPORT_RETENTION_HOURS = 24
    user = make_user(role=Role.ANALYST)
    with django_capture_on_commit_callbacks(execute=True):
        old = export_request(user=user, builder="test.rows", params={"n": 1})
        fresh = export_request(user=user, builder="test.rows", params={"n": 2})
    old.refresh_from_db()
    Export.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(hours=25))
    path = export_path(old)
    assert path.exists()
    assert exports_purge() == 1
    assert not path.exists()
    assert list(Export.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert exports_purge() == 0


def test_the_purge_is_a_periodic_task(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "evidence.exports_purge" in tasks
