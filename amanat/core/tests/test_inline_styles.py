"""The content policy allows styles from our own static files only (style-src 'self'): a
style="…" attribute or a <style> block in a template would be dropped by the browser, so the
page would look right in development tools that ignore the policy and wrong for everyone else.
No template we serve carries either; the look lives in amanat.css."""

import re
from pathlib import Path

from django.conf import settings
from django.template import engines

INLINE_STYLE = re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=|<style[\s>]", re.IGNORECASE)


def _policy_sources(directive: str) -> list[str]:
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return list(directives.get(directive) or directives.get("default-src") or [])


def _our_templates() -> list[Path]:
    """Every template file of the project (not of installed third-party packages), except
    those under URL prefixes the policy leaves out (the admin's own pages)."""
    amanat = Path(__file__).resolve().parents[2]
    folders = {Path(d).resolve() for d in engines["django"].engine.dirs}
    folders |= set(amanat.glob("*/templates"))
    excluded = {"admin"}  # /…/admin/ is in CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"]
    return sorted(
        path
        for folder in folders
        if folder.is_relative_to(amanat)
        for path in folder.rglob("*")
        if path.is_file() and path.relative_to(folder).parts[0] not in excluded
    )


def test_the_policy_blocks_inline_styles():
    sources = _policy_sources("style-src")
    assert "'self'" in sources
    assert "'unsafe-inline'" not in sources
    assert not any(s.startswith(("'nonce-", "'sha")) for s in sources)
    assert all(
        "/admin/" in prefix for prefix in settings.CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"]
        if not prefix.startswith("/api/")
    )  # fmt: skip


def test_no_template_carries_an_inline_style():
    templates = _our_templates()
    assert len(templates) > 50  # the walk found the project's templates
    offending = [
        f"{path.name}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)[-60:]}"
        for path in templates
        for text in [path.read_text(encoding="utf-8")]
        for match in INLINE_STYLE.finditer(text)
    ]
    assert offending == []


def test_the_check_sees_both_kinds():
    attribute = '<img src="x.png"\n     style="max-width:100%">'
    block = "<style>p { color: red }</style>"
    allowed = '<p class="styled" data-style-note="x">style="not in a tag"</p>'
    assert INLINE_STYLE.search(attribute)
    assert INLINE_STYLE.search(block)
    assert not INLINE_STYLE.search(allowed)
