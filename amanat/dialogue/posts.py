"""What every post of the dialogue has in common: debates, their arguments and comments, live
questions, opinion statements. A post records its author, the language it was written in, and
whether moderation hides it. Reports, warnings and bans (moderation), verified voices' badges
and volunteers' translations attach to any post through its content type and id, so a new kind
of post gets all of them by inheriting `Post` and using the `dialogue_posts` template tags:

    {% load dialogue_posts %}
    {% post_byline post %}     author (or "anonymous"), verified badge, language, and for
                               moderators whether it is hidden
    {% post_text_shown post %} the text in the reader's language when a volunteer translated
                               it (labelled, original one click away), else as written
    {% post_actions post %}    report (htmx, in place), translate

A post's text is read from the field its class names in TEXT_FIELD (else "text", "body",
"question" or "title"). Public pages show only visible posts (`is_shown`, and `is_public`
for what a kind of post's own moderation has let through); the moderation
queue (/dialogue/moderation/) lists reported posts of every kind with no code of their own.
"""

from typing import TypeGuard

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")


class Visibility(models.TextChoices):
    VISIBLE = "visible", _("Shown")
    # Reported by enough people: hidden from everyone but moderators until a review.
    REPORTED = "reported", _("Hidden until reviewed")
    REMOVED = "removed", _("Removed by a moderator")


class Post(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.RU
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def is_shown(self) -> bool:
        return self.visibility == Visibility.VISIBLE

    @property
    def is_public(self) -> bool:
        """Whether moderation lets the public read the post at all. Kinds of post with a
        moderation of their own (a statement's status, a live question's state, the debate an
        argument belongs to) say more; the generic pages (report, translate) ask this."""
        return self.is_shown


# The field that holds a post's text, when a kind of post names none in TEXT_FIELD.
_TEXT_FIELDS = ("text", "body", "question", "title")


def post_text(post) -> str:
    """The text of any post: its TEXT_FIELD, else the first of the usual names it has."""
    name = getattr(post, "TEXT_FIELD", None)
    if name:
        return str(getattr(post, name, "") or "")
    for candidate in _TEXT_FIELDS:
        if hasattr(post, candidate):
            return str(getattr(post, candidate) or "")
    return ""


def is_post_model(model) -> TypeGuard[type[Post]]:
    return isinstance(model, type) and issubclass(model, Post) and not model._meta.abstract
