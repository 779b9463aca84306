"""The chain of issue #20 end to end: a mandate → a candidate team's answer with a commitment →
a tracked promise → an appeal about it to a state body → its due date passes → it is listed
overdue → the citizen is asked and reports "no real answer" → the body's public page counts it.
Time is frozen by patching django.utils.timezone.now (appeals_clock)."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.answers import answer_give
from amanat.mandates.models import Appeal, Promise, TeamMember
from amanat.mandates.selectors_appeals import accountability
from amanat.mandates.services import MandateInput, mandate_write
from amanat.mandates.tasks_appeals import appeals_ask_overdue_task
from amanat.observers.tests.factories import ElectionFactory
from amanat.results.tests.protocol_setup import contest_create

from .appeals_clock import set_today
from .factories import ConfirmedFactory
from .factories_appeals import StateBodyFactory

pytestmark = pytest.mark.django_db


def test_a_mandate_becomes_a_promise_an_overdue_appeal_and_a_counted_non_answer(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    set_today(monkeypatch, date(2026, 11, 2))
    contest = contest_create(ElectionFactory())
    candidate = contest.options.filter(candidate__isnull=False).first().candidate
    team = UserFactory(role="candidate_team")
    TeamMember.objects.create(user=team, candidate=candidate)
    citizen = ConfirmedFactory(email="aset@example.org")
    akimat = StateBodyFactory(name_ru="Акимат города Астаны", name_kk="Астана қаласының әкімдігі")

    # 1. The mandate, and the candidate's answer with a commitment.
    mandate, _ = mandate_write(author=citizen, data=MandateInput(
        title="Аулалардағы жолдарды жөндеу", text="Аулаларда шұңқыр көп, көктемде су тұрады.",
        topic="roads", region=akimat.region, election=contest.election,
    ))  # fmt: skip
    answer = answer_give(user=team, mandate=mandate, position="support",
                         text="Қолдаймыз: 2027 жылы аулалардағы жолдар жөнделеді.",
                         commitment="2027 жылы аулалардағы жолдарды жөндеу")  # fmt: skip
    # 2. The elected candidate's commitment tracked as a promise.
    promise = Promise.objects.create(candidate=candidate, mandate=mandate, answer=answer,
                                     title=answer.commitment, text=answer.text)  # fmt: skip

    # 3. The citizen writes the appeal about the promise, and files it on Monday 2 November.
    client.force_login(citizen)
    with translation.override("ru"):
        write = reverse("mandates:appeal_write") + f"?promise={promise.pk}"
        form = client.get(write).content.decode()
        assert "2027 жылы аулалардағы жолдарды жөндеу" in form
        client.post(write, {
            "body": akimat.pk, "topic": "roads", "subject": promise.title,
            "text": "Прошу сообщить, когда начнётся ремонт дворов по обещанию кандидата.",
            "language": "ru", "applicant_name": "Асет Ержанов",
            "applicant_contact": "Астана, Абай 10",
            "client_id": "4b3e4c1e-0f59-4a43-9d1b-3c8e8f7a9c11",
        })  # fmt: skip
        appeal = Appeal.objects.get()
        assert (appeal.promise, appeal.mandate, appeal.body) == (promise, mandate, akimat)
        client.post(reverse("mandates:appeal_filing", kwargs={"pk": appeal.pk}),
                    {"filed_on": "2026-11-02", "filed_via": "e_otinish"})  # fmt: skip
    appeal.refresh_from_db()
    assert appeal.due_on == date(2026, 11, 23)  # 15 working days from Tuesday 3 November

    # 4. Within the term: not overdue, nobody asked.
    set_today(monkeypatch, date(2026, 11, 23))
    assert (
        "Акимат города Астаны"
        not in client.get(reverse("mandates:appeals_overdue")).content.decode()
    )
    assert appeals_ask_overdue_task() == 0

    # 5. The due date passes: listed overdue, the citizen is asked once by e-mail.
    set_today(monkeypatch, date(2026, 11, 26))
    with translation.override("ru"):
        listed = client.get(reverse("mandates:appeals_overdue")).content.decode()
    assert "Акимат города Астаны" in listed
    assert "<td>3</td>" in listed
    with django_capture_on_commit_callbacks(execute=True):
        assert appeals_ask_overdue_task() == 1
        assert appeals_ask_overdue_task() == 0
    (message,) = mail.outbox
    assert message.to == ["aset@example.org"]
    link = reverse("mandates:appeal_report", kwargs={"pk": appeal.pk})
    assert link in message.body

    # 6. The citizen follows the link (signing in again, weeks later) and reports that no
    # real answer came.
    client.force_login(citizen)
    assert client.get(link).status_code == 200
    client.post(link, {"outcome": "none"})
    appeal.refresh_from_db()
    assert (appeal.outcome, appeal.answered_on) == ("none", None)

    # 7. The body's public page counts it: received 1, no real answer, 1 overdue.
    (figures,) = accountability(today=date(2026, 11, 26))
    assert (figures.received, figures.real, figures.settled, figures.overdue) == (1, 0, 1, 1)
    assert figures.interval is not None
    assert (figures.interval.estimate, round(figures.interval.low, 4)) == (0.0, 0.0)
    assert round(figures.interval.high, 4) == 0.7935  # Wilson, 0 of 1, z = 1.96
    client.logout()
    with translation.override("en"):
        page = client.get(
            reverse("mandates:appeal_body", kwargs={"pk": akimat.pk})
        ).content.decode()
    assert "<td>1</td><td>0</td>" in page
    assert "0% <small>(0–79%)</small>" in page
    assert "Асет Ержанов" not in page
