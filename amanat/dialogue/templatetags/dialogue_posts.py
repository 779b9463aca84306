"""Template tags every post of the dialogue is shown with (see amanat.dialogue.posts).

What a page shows about many posts (the verified badges, which posts have a translation into
the reader's language) is read once per request and kept on the request, so a list of posts
costs a fixed number of queries, not one per post."""

from typing import Any

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language

from .. import selectors_moderation, selectors_voices
from ..models_moderation import Reason
from ..models_voices import Capacity
from ..posts import Visibility, post_text

register = template.Library()


def _page_cache(context) -> dict[str, Any]:
    request = context.get("request")
    if request is None:
        return {}  # rendered outside a request: nothing to share, read each time
    cache = getattr(request, "_dialogue_posts", None)
    if cache is None:
        cache = {}
        request._dialogue_posts = cache
    return cache


def _badge(context, post) -> str:
    cache = _page_cache(context)
    if "badges" not in cache:
        cache["badges"] = selectors_voices.badges()
    capacity = cache["badges"].get(post.author_id)
    return str(Capacity(capacity).label) if capacity else ""


def _reader_language() -> str:
    return (get_language() or "ru")[:2]


def _translation(context, post):
    language = _reader_language()
    if language == post.language:
        return None
    cache = _page_cache(context)
    key = f"translated:{language}"
    if key not in cache:
        cache[key] = selectors_moderation.translated_keys(language)
    content_type = ContentType.objects.get_for_model(post)
    if (content_type.pk, post.pk) not in cache[key]:
        return None
    return selectors_moderation.translation_of(post, language)


def _is_moderator(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.has_perm("dialogue.moderate_posts"))


@register.inclusion_tag("dialogue/posts/_byline.html", takes_context=True)
def post_byline(context, post, anonymous: bool = False):
    """Who wrote the post, their verified capacity, the language, and (for moderators) a post
    hidden from the public. `anonymous` hides the author's name from everyone (live
    questions asked anonymously) and then shows no badge either. A post that records it was
    asked anonymously (LiveQuestion.anonymous) is anonymous on every page, whoever calls."""
    anonymous = anonymous or bool(getattr(post, "anonymous", False))
    request = context.get("request")
    hidden = post.visibility != Visibility.VISIBLE
    return {
        "post": post,
        "anonymous": anonymous,
        "badge": "" if anonymous or not post.author_id else _badge(context, post),
        "hidden": hidden,
        "moderator": hidden and _is_moderator(request),  # asked only when it matters
        "request": request,
    }


@register.inclusion_tag("dialogue/posts/_text.html", takes_context=True)
def post_text_shown(context, post):
    """The post's text in the reader's language when a volunteer translated it (labelled,
    with the original a click away), else as written."""
    translation = _translation(context, post)
    return {
        "post": post,
        "text": post_text(post),
        "translation": translation,
        "translation_badge": _badge(context, translation) if translation else "",
        # A translation is a post too: readers report it from its label.
        "translation_type": ContentType.objects.get_for_model(translation).pk
        if translation
        else None,
    }


@register.inclusion_tag("dialogue/posts/_actions.html", takes_context=True)
def post_actions(context, post):
    """What a reader can do with a post: report it, add a translation."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    content_type = ContentType.objects.get_for_model(post)
    return {
        "post": post,
        "content_type": content_type.pk,
        "signed_in": signed_in,
        "own": signed_in and post.author_id == user.pk,
        "translatable": content_type.model != "posttranslation" and bool(post_text(post)),
        "reasons": Reason.choices,
        "request": request,
    }


@register.filter(name="post_text")
def post_text_filter(post) -> str:
    """The post's text as written (for moderators' pages: the original, untranslated)."""
    return post_text(post)
