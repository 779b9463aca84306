"""Verified voices and moderation services: reports hide a post, one report a person, bans
refuse posting, revocation removes the badge, translations pool a statement's votes."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.dialogue import services, services_moderation, services_voices
from amanat.dialogue.models import Statement, Vote
from amanat.dialogue.models_moderation import ModerationAction, PostTranslation, Report, Warning
from amanat.dialogue.models_voices import VoiceApplication
from amanat.dialogue.moderation import posting_refused
from amanat.dialogue.posts import Visibility

from .factories import ConversationFactory, StatementFactory
from .factories_voices import VoiceApplicationFactory

pytestmark = pytest.mark.django_db
ModerationError = services_moderation.ModerationError


def _report(post, user, reason="spam"):
    return services_moderation.post_report(post=post, reporter=user, reason=reason)


def test_three_distinct_readers_hide_a_post_and_the_log_counts_it(make_user):
    statement = StatementFactory(author=make_user())
    for _ in range(2):
        _report(statement, make_user())
    statement.refresh_from_db()
    assert statement.visibility == Visibility.VISIBLE
    _report(statement, make_user(), reason="abuse")
    statement.refresh_from_db()
    assert statement.visibility == Visibility.REPORTED
    action = ModerationAction.objects.get()
    assert (action.kind, action.reason) == ("hidden", "spam")
    assert AuditEntry.objects.filter(action="dialogue.post_hidden").count() == 1
    # A fourth report does not hide it twice.
    _report(statement, make_user())
    assert ModerationAction.objects.count() == 1


def test_one_report_per_person_and_none_on_ones_own_post(make_user):
    author, reader = make_user(), make_user()
    statement = StatementFactory(author=author)
    _report(statement, reader)
    with pytest.raises(ModerationError) as twice:
        _report(statement, reader, reason="abuse")
    assert twice.value.message == "already"
    with pytest.raises(ModerationError) as own:
        _report(statement, author)
    assert own.value.message == "own"
    with pytest.raises(ModerationError):
        _report(statement, make_user(), reason="nonsense")
    assert Report.objects.count() == 1


def test_restore_closes_reports_and_remove_moderates_a_statement_out(make_user):
    moderator = make_user(role=Role.MODERATOR)
    statement = StatementFactory(author=make_user())
    for _ in range(3):
        _report(statement, make_user())
    services_moderation.post_restore(post=statement, moderator=moderator)
    statement.refresh_from_db()
    assert statement.visibility == Visibility.VISIBLE
    assert not Report.objects.filter(reviewed_at__isnull=True).exists()
    with pytest.raises(ModerationError):
        services_moderation.post_remove(post=statement, moderator=moderator, reason="")
    services_moderation.post_remove(post=statement, moderator=moderator, reason="hate")
    statement.refresh_from_db()
    assert statement.visibility == Visibility.REMOVED
    assert statement.status == Statement.Status.REJECTED
    kinds = set(ModerationAction.objects.values_list("kind", "reason"))
    assert kinds == {("hidden", "spam"), ("restored", ""), ("removed", "hate")}
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"dialogue.post_restored", "dialogue.post_removed"} <= actions


def test_a_ban_refuses_posting_until_lifted(make_user):
    moderator, user = make_user(role=Role.MODERATOR), make_user()
    conversation = ConversationFactory()
    ban = services_moderation.user_ban(
        user=user, moderator=moderator, reason="abuse", text="Insults after two warnings"
    )
    assert posting_refused(user) == ban
    with pytest.raises(services.DialogueError) as refused:
        services.statement_add(
            conversation=conversation, user=user, text="Hello all", language="ru"
        )
    assert refused.value.message == "banned"
    with pytest.raises(services_voices.VoiceError):
        services_voices.voice_apply(
            user=user, capacity="expert", organisation="X", statement="Y" * 30
        )
    assert not Statement.objects.exists()
    with pytest.raises(ModerationError):  # no second ban while one is in force
        services_moderation.user_ban(user=user, moderator=moderator, reason="abuse", text="again")
    services_moderation.ban_lift(ban=ban, moderator=moderator)
    assert posting_refused(user) is None
    with pytest.raises(ModerationError):
        services_moderation.ban_lift(ban=ban, moderator=moderator)
    services.statement_add(conversation=conversation, user=user, text="Hello all", language="ru")
    assert Statement.objects.count() == 1
    assert list(ModerationAction.objects.order_by("pk").values_list("kind", flat=True)) == [
        "banned",
        "lifted",
    ]


def test_a_warning_is_kept_for_the_author_and_needs_a_message(make_user):
    moderator, user = make_user(role=Role.MODERATOR), make_user()
    with pytest.raises(ModerationError):
        services_moderation.author_warn(user=user, moderator=moderator, reason="abuse", text=" ")
    services_moderation.author_warn(
        user=user, moderator=moderator, reason="abuse", text="Mind your words"
    )
    assert list(Warning.objects.values_list("user", "text")) == [(user.pk, "Mind your words")]
    assert AuditEntry.objects.filter(action="dialogue.author_warned").count() == 1


def _byline(post) -> str:
    request = RequestFactory().get("/")
    return Template("{% load dialogue_posts %}{% post_byline post %}").render(
        Context({"post": post, "request": request})
    )


def test_approval_shows_the_badge_and_revocation_removes_it(make_user):
    moderator = make_user(role=Role.MODERATOR)
    expert = make_user(first_name="Aigerim", last_name="Sadykova")
    application = services_voices.voice_apply(
        user=expert, capacity="scientist", organisation="KazNU", statement="Political scientist"
    )
    statement = StatementFactory(author=expert)
    with translation.override("en"):
        assert "Scientist" not in _byline(statement)
        with pytest.raises(services_voices.VoiceError):  # one open application a person
            services_voices.voice_apply(
                user=expert, capacity="expert", organisation="X", statement="Y"
            )
        services_voices.voice_approve(application=application, moderator=moderator)
        assert "✓ Scientist" in _byline(statement)
        with pytest.raises(services_voices.VoiceError):
            services_voices.voice_revoke(application=application, moderator=moderator, reason="")
        services_voices.voice_revoke(
            application=application, moderator=moderator, reason="Left the university"
        )
        assert "Scientist" not in _byline(statement)
    application.refresh_from_db()
    assert (application.status, application.reason) == ("revoked", "Left the university")
    assert list(
        AuditEntry.objects.filter(action__startswith="dialogue.voice")
        .order_by("seq")
        .values_list("action", flat=True)
    ) == ["dialogue.voice_applied", "dialogue.voice_approved", "dialogue.voice_revoked"]


def test_a_rejected_application_keeps_its_reason_and_allows_a_new_one(make_user):
    application = VoiceApplicationFactory()
    moderator = make_user(role=Role.MODERATOR)
    services_voices.voice_reject(
        application=application, moderator=moderator, reason="No link to the newsroom"
    )
    with pytest.raises(services_voices.VoiceError):
        services_voices.voice_approve(application=application, moderator=moderator)
    again = services_voices.voice_apply(
        user=application.user, capacity="journalist", organisation="Vlast.kz", statement="Reporter"
    )
    assert again.status == VoiceApplication.Status.PENDING


def test_the_badges_of_a_page_cost_one_query(make_user, django_assert_num_queries):
    voices = [VoiceApplicationFactory(status="approved") for _ in range(3)]
    statements = [StatementFactory(author=v.user) for v in voices]
    statements = list(
        Statement.objects.select_related("author").filter(pk__in=[s.pk for s in statements])
    )
    template = Template(
        "{% load dialogue_posts %}{% for p in posts %}{% post_byline p %}{% endfor %}"
    )
    request = RequestFactory().get("/")
    request.user = make_user()
    with django_assert_num_queries(1):
        body = template.render(Context({"posts": statements, "request": request}))
    assert body.count("✓") == 3


def test_translations_one_per_language_and_never_into_the_original(make_user):
    statement = StatementFactory(language="ru", text="Наблюдателей должно быть больше")
    volunteer = make_user()
    services_moderation.translation_add(
        post=statement, translator=volunteer, language="kk", text="Бақылаушылар көбірек болуы керек"
    )
    for language, code in (("kk", "translated"), ("ru", "language"), ("de", "language")):
        with pytest.raises(ModerationError) as refused:
            services_moderation.translation_add(
                post=statement, translator=make_user(), language=language, text="x"
            )
        assert refused.value.message == code
    assert PostTranslation.objects.count() == 1


def test_votes_read_in_two_languages_count_on_one_statement(make_user, client):
    """A Kazakh reader sees the volunteer's translation, a Russian reader the original: both
    votes land on the one statement, so the map pools them."""
    conversation = ConversationFactory()
    statement = StatementFactory(
        conversation=conversation, language="ru", text="Наблюдателей должно быть больше"
    )
    services_moderation.translation_add(
        post=statement,
        translator=make_user(),
        language="kk",
        text="Бақылаушылар көбірек болуы керек",
    )
    reader_kk, reader_ru = make_user(), make_user()
    client.force_login(reader_kk)
    page = client.get(f"/kk/dialogue/{conversation.pk}/").content.decode()
    assert "Бақылаушылар көбірек болуы керек" in page
    assert "post-original" in page  # the original is one click away
    client.post(f"/kk/dialogue/{conversation.pk}/vote/", {"statement": statement.pk, "value": "1"})
    client.force_login(reader_ru)
    page = client.get(f"/ru/dialogue/{conversation.pk}/").content.decode()
    assert "Наблюдателей должно быть больше" in page
    assert "Бақылаушылар" not in page
    client.post(f"/ru/dialogue/{conversation.pk}/vote/", {"statement": statement.pk, "value": "-1"})
    assert sorted(Vote.objects.filter(statement=statement).values_list("value", flat=True)) == [
        -1,
        1,
    ]
    assert Vote.objects.values("statement").distinct().count() == 1
