"""The page walker: opens pages in a real browser, signed in as a demo role, in a language and
at a width, and collects every failure instead of stopping at the first."""

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError

from amanat.core.tests.language_check import strings_not_in_language
from amanat.demo.people import DEMO_PASSWORD

from .pages import VISITOR, Found

LANGS = ("kk", "ru", "en")
WIDTHS = (390, 1280)
HEIGHT = 844
OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width + 1) return null;
  const right = (el) => el.getBoundingClientRect().right;
  // The outermost elements that stick out: where the fix belongs.
  const wide = [...document.querySelectorAll("body *")]
    .filter((el) => right(el) > width + 1)
    .filter((el) => !el.parentElement || right(el.parentElement) <= width + 1)
    .slice(0, 3)
    .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.classList.length ? "." + [...el.classList].join(".") : ""));
  return [document.documentElement.scrollWidth, width, wide];
}"""
LINKS = """() => [...document.querySelectorAll("a[href]")]
  .filter((a) => a instanceof HTMLAnchorElement).map((a) => a.pathname + a.search)"""


@dataclass(frozen=True)
class Failure:
    role: str
    lang: str
    width: int
    path: str
    what: str


@dataclass
class Walk:
    failures: list[Failure] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    slowest: list[tuple[float, str]] = field(default_factory=list)

    def report(self) -> str:
        """Every failure, grouped by page."""
        by_page = defaultdict(list)
        for failure in self.failures:
            by_page[failure.path].append(failure)
        lines = [f"{len(self.failures)} failures on {len(by_page)} of the pages walked "
                 f"({self.pages} page views in {self.seconds:.0f} s):"]  # fmt: skip
        slowest = ", ".join(f"{page} {took:.1f} s" for took, page in reversed(self.slowest))
        lines.append(f"Slowest: {slowest}")
        for path in sorted(by_page):
            lines.append(f"{path}")
            for f in by_page[path]:
                lines.append(f"    {f.role} {f.lang} {f.width}px: {f.what}")
        return "\n".join(lines)


def _sign_in(context, base: str, role: str) -> None:
    page = context.new_page()
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=username]", role)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit], form button[type=submit]")
    if "/accounts/login/" in page.url:
        raise AssertionError(f"the demo login {role} could not sign in")
    page.close()


def _resolve(page, base: str, entry) -> str | None:
    """A page's path; for a Found page, the first matching link on its list page."""
    if not isinstance(entry, Found):
        return entry
    page.goto(f"{base}/en{entry.on}")
    for link in page.evaluate(LINKS):
        path = re.sub(r"^/(kk|ru|en)(?=/)", "", link)
        if re.match(entry.pattern, path):
            return path
    return None


def _visit(page, events: list[str], base: str, lang: str, path: str) -> list[str]:
    events.clear()
    problems = []
    try:
        response = page.goto(f"{base}/{lang}{path}", wait_until="load")
    except PlaywrightError as error:
        page.goto("about:blank")  # leave the error page, or the next visit is interrupted
        return [f"did not open: {str(error).splitlines()[0]}", *events]
    if response is None or response.status != 200:
        problems.append(f"status {response.status if response else 'none'}")
    overflow = page.evaluate(OVERFLOW)
    if overflow:
        scroll, width, wide = overflow
        problems.append(f"horizontal overflow: {scroll}px > {width}px ({', '.join(wide)})")
    foreign = strings_not_in_language(page.content(), lang)
    if foreign:
        problems.append(f"not in {lang}: {foreign[:8]!r}")
    if len(events) > 3:  # one broken chart logs an error per shape: the first three say it
        events[3:] = [f"... and {len(events) - 3} more errors like these"]
    return problems + events


def _console(message) -> str:
    """The console's text, with the resource it is about (a failed load names no URL)."""
    where = message.location.get("url", "")
    return f"console: {message.text}" + (f" ({where})" if where else "")


def _listen(page, events: list[str]) -> None:
    page.on("console", lambda m: m.type == "error" and events.append(_console(m)))
    page.on("pageerror", lambda e: events.append(f"page error: {e}"))
    page.on(
        "response",
        lambda r: r.status >= 500 and events.append(f"server error {r.status}: {r.url}"),
    )


def walk(browser, base: str, pages: dict, langs=LANGS, widths=WIDTHS) -> Walk:
    result = Walk()
    started = time.monotonic()
    for role, entries in pages.items():
        state = None
        if role != VISITOR:
            context = browser.new_context()
            _sign_in(context, base, role)
            state = context.storage_state()
            context.close()
        paths = None
        for width in widths:
            context = browser.new_context(
                storage_state=state, viewport={"width": width, "height": HEIGHT}
            )
            context.set_default_timeout(20_000)
            page = context.new_page()
            events: list[str] = []
            _listen(page, events)
            if paths is None:
                paths = [(entry, _resolve(page, base, entry)) for entry in entries]
            for entry, path in paths:
                for lang in langs:
                    if path is None:
                        what = f"no link matching {entry.pattern} on {entry.on}"
                        result.failures.append(Failure(role, lang, width, str(entry), what))
                        continue
                    result.pages += 1
                    began = time.monotonic()
                    for what in _visit(page, events, base, lang, path):
                        result.failures.append(Failure(role, lang, width, path, what))
                    took = time.monotonic() - began
                    result.slowest = sorted([*result.slowest, (took, f"{role} /{lang}{path}")])[-5:]
            context.close()
    result.seconds = time.monotonic() - started
    return result
