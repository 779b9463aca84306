"""Pages of voices and moderation: who may see the queues, reporting with htmx, the
moderator's decisions, bans, warnings, the public log and policy."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.dialogue import services_moderation
from amanat.dialogue.models import Ban, Statement
from amanat.dialogue.models_moderation import ModerationAction, Report, Warning
from amanat.dialogue.models_voices import VoiceApplication
from amanat.dialogue.posts import Visibility

from .factories import StatementFactory
from .factories_voices import VoiceApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _report_url(post):
    ct = ContentType.objects.get_for_model(post).pk
    return reverse("dialogue:post_report", kwargs={"ct": ct, "pk": post.pk})


STAFF_PAGES = ["dialogue:moderation", "dialogue:voice_queue", "dialogue:bans"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_only_moderators_and_admins_see_the_queues(client, make_user, name):
    url = reverse(name)
    assert client.get(url).status_code == 302  # anonymous: to the login
    for role in (Role.CITIZEN, Role.EXPERT, Role.ANALYST, Role.COORDINATOR):
        client.force_login(make_user(role=role))
        assert client.get(url).status_code == 403
    for role in (Role.MODERATOR, Role.ADMIN):
        client.force_login(make_user(role=role))
        assert client.get(url).status_code == 200


def test_anonymous_readers_are_sent_to_the_login_to_report(client):
    statement = StatementFactory()
    url = _report_url(statement)
    for response in (client.get(url), client.post(url, {"reason": "spam"})):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert not Report.objects.exists()
    page = client.get(reverse("dialogue:vote", args=[statement.conversation.pk]))
    assert page.status_code == 302  # voting needs a sign-in too


def test_reporting_with_htmx_answers_in_place_and_only_once(client, make_user):
    statement = StatementFactory(author=make_user())
    client.force_login(make_user())
    url = _report_url(statement)
    response = client.post(url, {"reason": "abuse", "text": "Rude"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "a moderator will review the post" in body
    assert "<html" not in body
    again = client.post(url, {"reason": "spam"}, headers={"HX-Request": "true"})
    assert "already reported" in again.content.decode()
    bad = client.post(url, {"reason": "nonsense"})
    assert bad.status_code == 400
    assert list(Report.objects.values_list("reason", "text")) == [("abuse", "Rude")]


def test_reports_are_rate_limited(client, make_user):
    statement = StatementFactory()
    client.force_login(make_user())
    url = _report_url(statement)
    codes = [client.post(url, {"reason": "spam"}).status_code for _ in range(31)]
    assert codes[-1] == 429
    assert Report.objects.count() == 1


def test_a_hidden_post_is_gone_for_the_public_and_marked_for_moderators(client, make_user):
    statement = StatementFactory(author=make_user(), text="Buy cheap watches here")
    for _ in range(3):
        services_moderation.post_report(post=statement, reporter=make_user(), reason="spam")
    citizen = make_user()
    client.force_login(citizen)
    vote_page = client.get(reverse("dialogue:vote", args=[statement.conversation.pk]))
    assert "Buy cheap watches" not in vote_page.content.decode()
    assert client.get(_report_url(statement)).status_code == 404
    client.force_login(make_user(role=Role.MODERATOR))
    queue = client.get(reverse("dialogue:moderation")).content.decode()
    assert "Buy cheap watches" in queue
    assert "3 complaints" in queue
    assert "Hidden until reviewed" in queue


def test_a_moderator_removes_warns_and_bans_from_the_queue(client, make_user):
    author = make_user(username="loud")
    statement = StatementFactory(author=author)
    services_moderation.post_report(post=statement, reporter=make_user(), reason="abuse")
    client.force_login(make_user(role=Role.MODERATOR))
    ct = ContentType.objects.get_for_model(statement).pk
    decide = reverse("dialogue:post_decide", kwargs={"ct": ct, "pk": statement.pk})
    refused = client.post(decide, {"decision": "remove"}, follow=True)
    assert "Choose a reason." in refused.content.decode()
    assert Statement.objects.get().visibility == Visibility.VISIBLE
    response = client.post(decide, {"decision": "warn", "reason": "abuse", "note": "Be civil"})
    assert response.status_code == 302
    response = client.post(decide, {"decision": "remove", "reason": "abuse"}, follow=True)
    assert "The post is removed" in response.content.decode()
    assert Statement.objects.get().visibility == Visibility.REMOVED
    bans = reverse("dialogue:bans")
    assert 'value="loud"' in client.get(bans, {"user": "loud"}).content.decode()
    response = client.post(
        bans, {"username": "loud", "reason": "abuse", "text": "Three insults", "days": "7"},
        follow=True,
    )  # fmt: skip
    assert "The ban is in force" in response.content.decode()
    ban = Ban.objects.get(user=author)
    assert ban.until is not None
    assert (
        client.post(bans, {"username": "nobody", "reason": "abuse", "text": "x"}).status_code == 400
    )
    client.post(reverse("dialogue:ban_lift", args=[ban.pk]))
    ban.refresh_from_db()
    assert ban.lifted_at is not None
    kinds = sorted(ModerationAction.objects.values_list("kind", flat=True))
    assert kinds == ["banned", "lifted", "removed", "warned"]
    # The author reads the warning on their page.
    client.force_login(author)
    mine = client.get(reverse("dialogue:warnings")).content.decode()
    assert "Be civil" in mine
    assert Warning.objects.get().user == author


def test_the_public_log_counts_without_names_or_texts(client, make_user):
    moderator = make_user(username="mod-secret", role=Role.MODERATOR)
    statement = StatementFactory(author=make_user(username="author-secret"), text="Secret words")
    services_moderation.post_remove(post=statement, moderator=moderator, reason="privacy")
    services_moderation.author_warn(
        user=statement.author, moderator=moderator, reason="privacy", text="Hidden message"
    )
    body = client.get(reverse("dialogue:moderation_log")).content.decode()
    assert "Removed" in body
    assert "Warning" in body
    assert body.count("Someone&#x27;s personal data") == 2
    for secret in ("mod-secret", "author-secret", "Secret words", "Hidden message"):
        assert secret not in body
    empty = client.get(reverse("dialogue:policy"))
    assert "Moderation policy" in empty.content.decode()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_policy_and_log_are_translated(client, language):
    with translation.override(language):
        policy = client.get(reverse("dialogue:policy")).content.decode()
        log = client.get(reverse("dialogue:moderation_log")).content.decode()
    assert "Moderation policy" not in policy
    assert "No moderation action yet." not in log


def test_apply_then_approval_then_the_applicant_reads_the_status(client, make_user):
    applicant = make_user(first_name="Dana", last_name="Expert")
    client.force_login(applicant)
    url = reverse("dialogue:voice_apply")
    data = {
        "capacity": "journalist",
        "organisation": "Vlast.kz",
        "statement": "I report on elections for Vlast.kz since 2019.",
        "links": "https://vlast.kz/author/dana",
    }
    assert client.post(url, data | {"statement": "short"}).status_code == 400
    response = client.post(url, data, follow=True)
    assert "a moderator reviews your application" in response.content.decode()
    assert "Awaiting review" in response.content.decode()
    application = VoiceApplication.objects.get()
    again = client.post(url, data, follow=True).content.decode()
    assert again.count("Awaiting review") == 1
    assert "You may apply again after a rejection" in again
    moderator = make_user(role=Role.MODERATOR)
    client.force_login(moderator)
    decide = reverse("dialogue:voice_decide", args=[application.pk])
    assert "Vlast.kz" in client.get(reverse("dialogue:voice_queue")).content.decode()
    client.post(decide, {"decision": "reject"})  # a rejection needs its reason
    application.refresh_from_db()
    assert application.status == "pending"
    client.post(decide, {"decision": "approve"})
    application.refresh_from_db()
    assert application.status == "approved"
    public = client.get(reverse("dialogue:voices"), {"q": "vlast"}).content.decode()
    assert "Dana Expert" in public
    assert "✓ Journalist" in public
    none = client.get(reverse("dialogue:voices"), {"q": "zzz"}).content.decode()
    assert "No verified voice matches this search." in none
    client.post(decide, {"decision": "revoke", "reason": "Left the newsroom"})
    client.force_login(applicant)
    mine = client.get(url).content.decode()
    assert "Verification revoked" in mine
    assert "Left the newsroom" in mine


def test_the_public_list_paginates(client):
    for _ in range(31):
        VoiceApplicationFactory(status="approved")
    first = client.get(reverse("dialogue:voices")).content.decode()
    assert "1–30 of 31" in first
    assert "31–31 of 31" in client.get(reverse("dialogue:voices"), {"page": 2}).content.decode()


def test_a_volunteer_translates_through_the_page(client, make_user):
    statement = StatementFactory(language="ru", text="Подсчёт должен быть открытым")
    ct = ContentType.objects.get_for_model(statement).pk
    url = reverse("dialogue:post_translate", kwargs={"ct": ct, "pk": statement.pk})
    assert client.get(url).status_code == 302
    client.force_login(make_user())
    assert "Подсчёт должен быть открытым" in client.get(url).content.decode()
    assert client.post(url, {"language": "ru", "text": "x"}).status_code == 400
    response = client.post(url, {"language": "en", "text": "The count must be open"})
    assert response.status_code == 302
    with translation.override("en"):
        client.force_login(make_user())
        page = client.get(reverse("dialogue:vote", args=[statement.conversation.pk]))
    body = page.content.decode()
    assert "The count must be open" in body
    assert "Volunteer translation" in body
    assert "Подсчёт должен быть открытым" in body  # the original, one click away


def test_a_translation_is_reported_like_any_post_and_three_hide_it(client, make_user):
    statement = StatementFactory(language="ru", text="Подсчёт должен быть открытым")
    translation_row = services_moderation.translation_add(
        post=statement, translator=make_user(), language="en", text="Count in the open"
    )
    reader = make_user()
    client.force_login(reader)
    vote = reverse("dialogue:vote", args=[statement.conversation.pk])
    body = client.get(vote).content.decode()
    report_url = _report_url(translation_row)
    assert report_url in body
    client.post(report_url, {"reason": "false"})
    for _ in range(2):
        services_moderation.post_report(post=translation_row, reporter=make_user(), reason="false")
    translation_row.refresh_from_db()
    assert translation_row.visibility == Visibility.REPORTED
    body = client.get(vote).content.decode()
    assert "Count in the open" not in body  # hidden: the original is shown again
    assert "Подсчёт должен быть открытым" in body
