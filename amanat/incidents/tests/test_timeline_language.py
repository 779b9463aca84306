"""The moderation history is stored as codes and worded in the reader's language."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone, translation

from amanat.geography.models import Region
from amanat.incidents.case_response import report_assign
from amanat.incidents.models import Report, TimelineEvent
from amanat.incidents.moderation import report_triage

converting = importlib.import_module("amanat.incidents.migrations.0005_timeline_params")


@pytest.fixture
def report(db):
    return Report.objects.create(
        source="web", description="Урну вынесли.", occurred_at=timezone.now(),
        region=Region.objects.get(code="KZ-71"), follow_up_hash="x" * 64,
    )  # fmt: skip


def _messages(report, language: str) -> list[str]:
    with translation.override(language):
        return [event.message for event in report.timeline.order_by("pk")]


def test_a_status_set_in_russian_reads_kazakh_in_kazakh(report, make_user):
    moderator = make_user(role="moderator")
    with translation.override("ru"):
        report_triage(report=report, actor=moderator, status="verified", credibility="single",
                      note="Позвонили наблюдателю.")  # fmt: skip

    assert list(report.timeline.values_list("kind", "params", "text")) == [
        ("status", {"status": "verified"}, ""),
        ("note", {}, "Позвонили наблюдателю."),
    ]
    assert _messages(report, "kk") == ["Мәртебесі: Расталған.", "Позвонили наблюдателю."]
    assert _messages(report, "ru") == ["Статус: Подтверждено.", "Позвонили наблюдателю."]


def test_assignment_keeps_the_username_whatever_the_language(report, make_user):
    lawyer = make_user(role="lawyer", username="aigerim", regions=[report.region])
    with translation.override("ru"):
        report_assign(report=report, assignee=lawyer, actor=make_user(role="moderator"))

    assert report.timeline.get().params == {"who": "aigerim"}
    assert "aigerim" in _messages(report, "kk")[0]


def test_old_rows_written_in_russian_are_converted_to_codes(report):
    old = [
        TimelineEvent.objects.create(report=report, kind=kind, text=text, params=None)
        for kind, text in [
            ("received", "Сообщение получено."),
            ("status", "Статус: Подтверждено."),
            ("merged", "Это событие описывают сообщений: 3."),
            ("note", "Позвонили наблюдателю."),
            ("status", "something nobody wrote"),
        ]
    ]
    with translation.override("ru"):
        ru_texts = [str(event.message) for event in old]

    converting.convert(apps, None)

    assert list(report.timeline.order_by("pk").values_list("params", flat=True)) == [
        {}, {"status": "verified"}, {"count": 3}, {}, None,
    ]  # fmt: skip
    assert _messages(report, "ru") == ru_texts
    assert _messages(report, "kk")[:2] == ["Хабарлама алынды.", "Мәртебесі: Расталған."]
    assert _messages(report, "kk")[4] == "something nobody wrote"
