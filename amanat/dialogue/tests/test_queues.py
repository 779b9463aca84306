"""The moderation queue's reported posts and the voice queue's pending applications: paged
(?queue=, beside the page's other list) and searchable by text or name."""

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role

from .factories import StatementFactory
from .factories_voices import ReportFactory, VoiceApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_reported_posts_are_paged_and_searched(client, make_user):
    for n in range(23):
        ReportFactory(target=StatementFactory(text=f"Reported statement number {n:02d}"))
    rude = make_user(username="rude_one", first_name="Ержан", last_name="Қасымов")
    ReportFactory(target=StatementFactory(text="Something else entirely", author=rude))
    client.force_login(make_user(role=Role.MODERATOR))
    url = reverse("dialogue:moderation")
    first = client.get(url).content.decode()
    assert first.count('class="card reported-post"') == 20
    assert "1–20 of 24" in first
    assert 'href="?queue=2"' in first
    second = client.get(url, {"queue": 2}).content.decode()
    assert second.count('class="card reported-post"') == 4
    # The statements' own pages (?page=) are not moved by the queue's.
    assert "No statement waits for moderation." in second
    found = client.get(url, {"q": "қасымов"}).content.decode()
    assert found.count('class="card reported-post"') == 1
    assert "Something else entirely" in found
    by_text = client.get(url, {"q": "number 07"}).content.decode()
    assert by_text.count('class="card reported-post"') == 1
    none = client.get(url, {"q": "nothing like this"}).content.decode()
    assert "No reported post matches this search." in none


def test_pending_applications_are_paged_and_searched(client, make_user):
    for n in range(21):
        VoiceApplicationFactory(user=make_user(username=f"applicant{n:02d}"))
    VoiceApplicationFactory(
        user=make_user(username="scientist", first_name="Гүлнар", last_name="Сейітова"),
        organisation="Satbayev University",
    )
    client.force_login(make_user(role=Role.MODERATOR))
    url = reverse("dialogue:voice_queue")
    first = client.get(url).content.decode()
    assert first.count('class="card voice-application"') == 20
    assert "1–20 of 22" in first
    second = client.get(url, {"queue": 2}).content.decode()
    assert second.count('class="card voice-application"') == 2
    for term in ("Сейітова", "satbayev", "scientist"):
        found = client.get(url, {"applicant": term}).content.decode()
        assert found.count('class="card voice-application"') == 1, term
        assert "Гүлнар" in found
    none = client.get(url, {"applicant": "nobody"}).content.decode()
    assert "No application matches this search." in none
