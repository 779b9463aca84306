"""Lesson text: Markdown written by staff, rendered and sanitised before it reaches a page."""

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "code", "br", "hr",
}  # fmt: skip


def lesson_html(text: str) -> str:
    html = markdown.markdown(text or "", extensions=["extra", "sane_lists"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
