"""One way to cut a staff list into pages: Django's Paginator, with the page numbers to show
(elided: 1 … 4 5 6 … 20) computed here, since a template cannot call a method with
arguments. Render the controls with {% include "_pagination.html" %}; the links keep every
other parameter of the query string (search, filters), so a filtered list pages as filtered."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def page_of(request: HttpRequest, rows, per_page: int = 50) -> Page:
    """The page asked for by ?page= (the last one if past the end, the first if not a
    number), with `numbers`: the page numbers to link, Paginator.ELLIPSIS for a gap."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    page.numbers = list(
        page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    page.ellipsis = Paginator.ELLIPSIS
    return page
