"""Guard: every page of every demo role, in kk, ru and en, on a 390 px phone and a 1280 px
desktop, against the loaded demo as `make demo` serves it. Fails on horizontal overflow, a
console or page error, a response of 500 or more (any resource), a page that does not answer
200, and a string not in the page's language. All
failures are collected and reported together, grouped by page."""

import pytest

from .pages import PAGES
from .walker import walk


@pytest.mark.browser
def test_every_page_of_every_role_in_every_language_and_width(browser, demo_server):
    result = walk(browser, demo_server, PAGES)
    summary = f"{result.pages} page views in {result.seconds:.0f} s"
    print(f"page walker: {summary}")  # noqa: T201 - the run's time, in the test's output
    assert not result.failures, result.report()
