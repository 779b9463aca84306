"""Debates' pages: the list and a debate in three languages, reading without an account,
writing with htmx and without, validation errors in the page's language, closing."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.dialogue.models import Ban
from amanat.dialogue.models_debates import Argument, Comment, Debate, Endorsement
from amanat.dialogue.posts import Visibility

from .factories_debates import ArgumentFactory, CommentFactory, DebateFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def _url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(f"dialogue:{name}", args=args)


@pytest.mark.parametrize(
    ("lang", "heading", "side"),
    [("kk", "Пікірталастар", "Қарсы дәлелдер"), ("ru", "Дебаты", "Аргументы против"),
     ("en", "Debates", "Arguments against")],
)  # fmt: skip
def test_the_list_and_a_debate_render_in_each_language(client, lang, heading, side):
    debate = DebateFactory(title="Фото протоколов?")
    ArgumentFactory(debate=debate, side="against", title="Подписи членов комиссии")
    CommentFactory(debate=debate, stance="for", text="Поддерживаю")
    listing = client.get(_url("debates", lang=lang)).content.decode()
    assert f"<h1>{heading}</h1>" in listing
    assert "Фото протоколов?" in listing
    page = client.get(_url("debate", debate.pk, lang=lang))
    assert page.status_code == 200
    body = page.content.decode()
    assert side in body
    assert "Подписи членов комиссии" in body
    assert "Поддерживаю" in body


def test_anonymous_visitors_read_but_cannot_post(client):
    debate = DebateFactory()
    ArgumentFactory(debate=debate, title="Visible argument")
    body = client.get(_url("debate", debate.pk)).content.decode()
    assert "Visible argument" in body
    assert "Sign in to add an argument" in body
    assert "Sign in to comment" in body
    assert 'name="text"' not in body
    posts = [
        ("debate_argue", {"side": "for", "title": "Sneaky", "text": "x" * 30}),
        ("debate_comment", {"stance": "for", "text": "Sneaky comment"}),
        ("debate_endorse", {}),
        ("debate_close", {"conclusion": "x" * 30}),
    ]
    for name, data in posts:
        response = client.post(_url(name, debate.pk), data)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert client.get(_url("debate_open")).status_code == 302
    assert Argument.objects.count() == 1
    assert not Comment.objects.exists()
    assert not Endorsement.objects.exists()


def test_hidden_posts_are_not_shown_publicly_but_moderators_see_them_marked(client, make_user):
    debate = DebateFactory()
    ArgumentFactory(debate=debate, title="Reported argument", visibility=Visibility.REPORTED)
    CommentFactory(debate=debate, text="Removed comment", visibility=Visibility.REMOVED)
    hidden = DebateFactory(title="Removed debate", visibility=Visibility.REMOVED)
    body = client.get(_url("debate", debate.pk)).content.decode()
    assert "Reported argument" not in body
    assert "Removed comment" not in body
    assert "Removed debate" not in client.get(_url("debates")).content.decode()
    assert client.get(_url("debate", hidden.pk)).status_code == 404
    client.force_login(make_user(role=Role.MODERATOR))
    body = client.get(_url("debate", debate.pk)).content.decode()
    assert "Reported argument" in body
    assert "Hidden until reviewed" in body
    assert "Removed by a moderator" in body


def test_an_argument_added_with_htmx_comes_back_in_its_column_with_a_confirmation(
    client, make_user
):
    debate = DebateFactory()
    client.force_login(make_user())
    data = {
        "side": "against",
        "title": "Signatures must be protected",
        "text": "The protocol shows the members' names and signatures.",
        "language": "kk",
        "client_token": str(uuid.uuid4()),
    }
    response = client.post(_url("debate_argue", debate.pk), data, headers=HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith('<section id="side-against"')
    assert body.count("Your argument is added.") == 1  # not repeated in each argument
    assert 'id="debate-totals" hx-swap-oob="true"' in body  # the totals above change too
    assert "Arguments against: <strong>1</strong>" in body
    assert "Signatures must be protected" in body
    # The same form again (a double click): still one argument, still confirmed.
    again = client.post(_url("debate_argue", debate.pk), data, headers=HTMX)
    assert "Your argument is added." in again.content.decode()
    argument = Argument.objects.get()
    assert (argument.side, argument.language) == ("against", "kk")


def test_without_script_a_comment_and_a_reply_redirect_with_a_message(client, make_user):
    debate = DebateFactory()
    client.force_login(make_user())
    url = _url("debate_comment", debate.pk)
    token = str(uuid.uuid4())
    response = client.post(
        url, {"stance": "against", "text": "Not convinced", "language": "ru", "client_token": token}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    top = Comment.objects.get()
    reply = {"parent": top.pk, "text": "Why not?", "language": "ru"}
    reply["client_token"] = str(uuid.uuid4())
    page = client.post(url, reply, follow=True).content.decode()
    assert "Your reply is added." in page
    assert Comment.objects.filter(parent=top, stance="").count() == 1


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ru", "Выберите свою позицию"), ("kk", "Ұстанымыңызды таңдаңыз"),
     ("en", "Choose your stance")],
)  # fmt: skip
def test_validation_errors_are_in_the_pages_language(client, make_user, lang, message):
    debate = DebateFactory()
    client.force_login(make_user())
    data = {"text": "No stance given", "language": "ru", "client_token": str(uuid.uuid4())}
    response = client.post(_url("debate_comment", debate.pk, lang=lang), data, headers=HTMX)
    assert response.status_code == 200  # htmx swaps 2xx answers only
    body = response.content.decode()
    assert message in body
    assert 'role="alert"' in body
    assert "No stance given" in body  # the text typed is kept
    assert not Comment.objects.exists()


def test_a_too_short_argument_is_refused_without_script_too(client, make_user):
    debate = DebateFactory()
    client.force_login(make_user())
    data = {"side": "for", "title": "ok", "text": "short", "language": "ru"}
    data["client_token"] = str(uuid.uuid4())
    page = client.post(_url("debate_argue", debate.pk, lang="ru"), data, follow=True)
    assert "Убедитесь, что это значение содержит не менее" in page.content.decode()
    assert not Argument.objects.exists()


def test_a_banned_participant_is_told_why(client, make_user):
    user = make_user()
    Ban.objects.create(user=user, reason="Spam links")
    debate = DebateFactory()
    client.force_login(user)
    response = client.post(_url("debate_endorse", debate.pk), headers=HTMX)
    assert "You may not post in the dialogue: Spam links" in response.content.decode()
    assert not Endorsement.objects.exists()


def test_endorsing_twice_counts_once_and_confirms(client, make_user):
    debate = DebateFactory()
    argument = ArgumentFactory(debate=debate)
    client.force_login(make_user())
    first = client.post(_url("debate_endorse", debate.pk), headers=HTMX).content.decode()
    assert "You endorse this debate." in first
    assert "Endorsements: <strong>1</strong>" in first
    second = client.post(_url("debate_endorse", debate.pk), follow=True).content.decode()
    assert "You already endorse this debate." in second
    url = _url("argument_endorse", debate.pk, argument.pk)
    body = client.post(url, headers=HTMX).content.decode()
    assert "You endorse this argument." in body
    assert "Endorsements: <strong>1</strong>" in body
    assert Endorsement.objects.count() == 2
    assert client.post(_url("argument_endorse", debate.pk, 999_999)).status_code == 302


def test_a_participant_opens_a_debate_and_only_staff_see_official(client, make_user):
    client.force_login(make_user())
    form = client.get(_url("debate_open")).content.decode()
    assert 'name="official"' not in form
    data = {
        "title": "Should observers stream the count live?",
        "text": "The law allows filming; what about the secrecy of the vote?",
        "topic": "observation",
        "language": "ru",
        "official": "on",  # ignored: not a staff member
        "client_token": str(uuid.uuid4()),
    }
    page = client.post(_url("debate_open"), data, follow=True).content.decode()
    assert "Your debate is open" in page
    debate = Debate.objects.get()
    assert (debate.is_official, debate.topic) == (False, "observation")
    assert client.post(_url("debate_open"), data | {"title": ""}).status_code == 400
    assert Debate.objects.count() == 1
    client.force_login(make_user(role=Role.MODERATOR))
    assert 'name="official"' in client.get(_url("debate_open")).content.decode()


def test_closing_shows_the_conclusion_on_top_and_no_more_forms(client, make_user):
    opener = make_user()
    debate = DebateFactory(author=opener)
    client.force_login(make_user())
    assert client.post(_url("debate_close", debate.pk), {"conclusion": "x" * 30}).status_code == 403
    client.force_login(opener)
    assert (
        "Close the debate with a conclusion"
        in client.get(_url("debate", debate.pk)).content.decode()
    )
    conclusion = "Both sides accept photos once signatures are covered."
    page = client.post(_url("debate_close", debate.pk), {"conclusion": conclusion}, follow=True)
    body = page.content.decode()
    assert "The debate is closed" in body
    assert body.index(conclusion) < body.index("debate-intro")
    assert "takes no new arguments, comments or endorsements" in body
    assert "Add an argument for" not in body
    assert "Post the comment" not in body
    data = {"stance": "for", "text": "Late", "language": "ru", "client_token": str(uuid.uuid4())}
    late = client.post(_url("debate_comment", debate.pk), data, headers=HTMX).content.decode()
    assert "This debate is closed" in late
    assert not Comment.objects.exists()


def test_the_list_filters_sorts_and_explains_an_empty_result(client, make_user):
    DebateFactory(title="Камеры на участках", topic="observation")
    popular = DebateFactory(title="Фото протоколов", topic="counting")
    Endorsement.objects.create(debate=popular, user=make_user())
    url = _url("debates")
    body = client.get(url, {"order": "support"}).content.decode()
    assert body.index("Фото протоколов") < body.index("Камеры на участках")
    body = client.get(url, {"topic": "observation"}).content.decode()
    assert "Камеры на участках" in body
    assert "Фото протоколов" not in body
    empty = client.get(url, {"q": "nothing like this"}).content.decode()
    assert "No debate matches these filters" in empty
    assert client.get(url, {"region": "XX-99", "page": "x"}).status_code == 200
    Debate.objects.all().delete()
    assert "No debate has been opened yet" in client.get(url).content.decode()


def test_the_list_reads_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(5):
        ArgumentFactory(debate=DebateFactory())
    with django_assert_max_num_queries(6):
        client.get(_url("debates"))


def test_markup_in_posts_is_shown_as_text(client):
    debate = DebateFactory(title="<script>alert(1)</script>", text="<b>bold</b>")
    ArgumentFactory(debate=debate, title="<img src=x onerror=alert(2)>")
    CommentFactory(debate=debate, text="<script>alert(3)</script>")
    for url in (_url("debates"), _url("debate", debate.pk)):
        body = client.get(url).content.decode()
        assert "<script>alert" not in body
        assert "<img src=x" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_a_debate_page_reads_in_a_fixed_number_of_queries(
    client, make_user, django_assert_max_num_queries
):
    debate = DebateFactory()
    for side in ("for", "against", "for"):
        ArgumentFactory(debate=debate, side=side)
    for _ in range(3):
        top = CommentFactory(debate=debate, stance="for")
        reply = CommentFactory(debate=debate, stance="", parent=top, depth=1)
        CommentFactory(debate=debate, stance="", parent=reply, depth=2)
    client.force_login(make_user())
    with django_assert_max_num_queries(16):
        body = client.get(_url("debate", debate.pk)).content.decode()
    assert body.count('<li id="comment-') == 9
    assert body.count('<article id="argument-') == 3
