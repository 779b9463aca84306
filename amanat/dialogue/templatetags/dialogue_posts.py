"""Template tags every post of the dialogue is shown with (see amanat.dialogue.posts)."""

from django import template

register = template.Library()


@register.inclusion_tag("dialogue/posts/_byline.html", takes_context=True)
def post_byline(context, post, anonymous: bool = False):
    """Who wrote the post and in which language. `anonymous` hides the author's name from
    everyone (live questions asked anonymously)."""
    return {"post": post, "anonymous": anonymous, "request": context.get("request")}


@register.inclusion_tag("dialogue/posts/_actions.html", takes_context=True)
def post_actions(context, post):
    """What a reader can do with a post: report it, add a translation."""
    return {"post": post, "request": context.get("request")}
