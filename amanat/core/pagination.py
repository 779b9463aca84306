"""One way to cut a staff list into pages: Django's Paginator, with the page numbers to show
(elided: 1 … 4 5 6 … 20) computed here, since a template cannot call a method with
arguments. Render the controls with {% include "_pagination.html" %}; the links keep every
other parameter of the query string (search, filters), so a filtered list pages as filtered."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import Promise


class NumberedPage(Page[Any]):
    """A page with the page numbers to link (`numbers`) and the mark of a gap (`ellipsis`)."""

    numbers: list[int | str]
    ellipsis: Promise  # Paginator.ELLIPSIS, translated when shown


def page_of(request: HttpRequest, rows, per_page: int = 50, param: str = "page") -> NumberedPage:
    """The page asked for by ?page= (the last one if past the end, the first if not a
    number), with `numbers`: the page numbers to link, Paginator.ELLIPSIS for a gap.
    `param` names another query parameter when a page shows two lists."""
    paginator = Paginator(rows, per_page)
    found = paginator.get_page(request.GET.get(param))
    page = NumberedPage(found.object_list, found.number, paginator)
    page.numbers = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    page.ellipsis = Paginator.ELLIPSIS
    return page
