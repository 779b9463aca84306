"""Numbers in SVG, CSS, JSON and number inputs never follow the locale (CONVENTIONS.md, 15).

Russian writes 407,1 where a browser reads only 407.1: the forensics histograms were blank and
every published incident was drawn at (0, 0) in Russian. Every page that draws a chart or a map
is rendered here in each language, with data that gives non-whole coordinates, and each number
a machine reads is parsed; a scan of the templates finds a number put into such an attribute
without `{% localize off %}` or `|unlocalize`, on pages no test renders yet."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from amanat.accounts.roles import Role
from amanat.forensics.tests.factories import CAST, ISSUED, LEADER, VOTERS, results_csv
from amanat.observers.tests.factories import region
from amanat.results.services import protocol_form_load

from .markup_numbers import LISTS, SINGLE, markup_numbers_offending

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_the_helper_catches_decimal_commas_and_passes_dots():
    bad = (
        '<svg viewBox="0 0 670 360"><circle cx="407,1" cy="24.0" r="5"></circle>'
        '<rect x="1" y="24,0" width="4.6" height="1 000"></rect>'
        '<polyline points="10,5 20,5"></polyline></svg>'
        '<div style="width: 12,5%; color: rgba(0, 0, 0, 0,5)"></div>'
        '<input type="number" value="0,5" min="0" step="any"><b data-share="3,5"></b>'
        '<input type="radio" value="2,5"><select><option value="0,5">½</option></select>'
        '<script type="application/json">{"x": 407,1}</script>'
    )
    assert markup_numbers_offending(bad) == [
        '<circle cx="407,1">', '<rect y="24,0">', '<rect height="1 000">',
        '<polyline points="10,5 20,5">', '<div style="width: 12,5%; color: rgba(0, 0, 0, 0,5)">',
        '<input value="0,5">', '<b data-share="3,5">', '<input value="2,5">',
        '<option value="0,5">', '<script json>{"x": 407,1}</script>',
    ]  # fmt: skip
    good = (
        '<svg viewBox="0 0 670 360"><circle cx="407.1" cy="-2e-3" r="5"/>'
        '<path d="M10 20L30.5 40Z" transform="translate(1.5, 2)"/></svg>'
        '<div style="width: 12.5%; color: rgb(0,0,0)"></div><table><td colspan="3"></td></table>'
        '<img width="404" height="404"><input type="number" value="" step="any">'
        '<input type="text" value="1,5"><input type="radio" value="KZ-71">'
        '<script type="application/json">{"x": [407.1, 2]}</script>'
    )
    assert markup_numbers_offending(good) == []


@pytest.fixture
def scene(client, field, official, published, make_user):
    """An election with a deployed observer, a contest with official results, and a published
    report at a station in Astana."""
    protocol_form_load(official)
    return {role: make_user(role=role) for role in (Role.ADMIN, Role.ANALYST)} | {
        Role.COORDINATOR: make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]),
        Role.OBSERVER: field[2].user,
    }


def _forensics(client, language, tmp_path):
    path, _figures = results_csv(tmp_path)
    with path.open("rb") as upload:
        return client.post(f"/{language}/forensics/", {
            "table-file": upload, "table-voters": VOTERS, "table-turnout": ISSUED[0],
            "table-ballots": f"{CAST[0]}\n{CAST[1]}", "table-votes": LEADER,
            "table-region": "region", "table-min_voters": "100",
        })  # fmt: skip


PVT_CALCULATOR = {"registered": 14_570_774, "margin": 0.32, "confidence": "0.99",
                  "heterogeneity": 50.5, "station_size": 160.5, "turnout": 65.5}  # fmt: skip
# Every page that draws a chart or a map, or writes a number into an input: (role, path).
PAGES = [
    (None, "/incidents/"),
    (None, "/observers/network/"),
    (Role.ADMIN, "/observers/coverage/"),
    (Role.COORDINATOR, "/observers/coverage/"),
    (Role.COORDINATOR, "/observers/coverage/KZ-71/"),
    (Role.ADMIN, "/checklists/dashboard/"),
    (Role.ADMIN, "/checklists/quality/VT/"),
    (None, "/checklists/summary/"),
    (Role.OBSERVER, "/checklists/VT/"),
    (Role.OBSERVER, "/checklists/OP/"),
    (Role.ADMIN, "/checklists/station/1/"),
    (Role.OBSERVER, "/observers/my-station/"),
    (Role.ADMIN, "/observers/not-checked-in/"),
    (Role.ANALYST, "/results/pvt/"),
    (Role.ANALYST, "/forensics/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chart_and_map_writes_numbers_a_browser_reads(client, scene, language, tmp_path):
    for role, path in PAGES:
        client.logout()
        if role:
            client.force_login(scene[role])
        response = client.get(f"/{language}{path}", PVT_CALCULATOR if "pvt" in path else {})
        assert response.status_code == 200, path
        assert markup_numbers_offending(response.content.decode()) == [], path
    client.force_login(scene[Role.ADMIN])
    partial = client.get(f"/{language}/observers/coverage/", headers={"HX-Request": "true"})
    assert markup_numbers_offending(partial.content.decode()) == []

    # Astana's station (51.1 N, 71.4 E) lies at x = 24.9 / 41 × 660 + 5, y = 4.4 / 15 × 350 + 5.
    incidents = client.get(f"/{language}/incidents/").content.decode()
    assert 'cx="405.8" cy="107.7" r="5" class="incident-dot"' in incidents
    pvt = client.get(f"/{language}/results/pvt/", PVT_CALCULATOR).content.decode()
    assert 'value="0.32"' in pvt

    client.force_login(scene[Role.ANALYST])
    stored = client.post(f"/{language}/forensics/", {"official-option": "1"})
    assert markup_numbers_offending(stored.content.decode()) == []
    assert stored.content.decode().count('class="bars"') == 4  # Astana and Almaty
    response = _forensics(client, language, tmp_path)
    page = response.content.decode()
    assert markup_numbers_offending(page) == []
    # The bars' tops are the very heights the view computed, fractions included.
    drawn = [float(y) for y in re.findall(r'<rect x="[\d.]+" y="([^"]+)"', page)]
    rows = response.context["regions"]
    bars = [bar for row in rows for bar in row["turnout_bars"] + row["share_bars"]]
    assert drawn == [top for _x, (_height, top) in bars]
    assert len(drawn) == 6 * 20
    assert any(top != int(top) for top in drawn)


# Attributes where a template may not write a localised number: SVG geometry, lists, styles
# and the number inputs' value, min, max and step.
GUARDED = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((SINGLE - {"colspan", "rowspan"}) | LISTS | {"style"}))
    + r')="([^"]*\{\{[^"]*)"', re.IGNORECASE,
)  # fmt: skip
NUMBER_INPUT = re.compile(r'<input[^>]*type="number"[^>]*>')
NUMBER_INPUT_ATTRIBUTE = re.compile(r'(?<![\w-])(value|min|max|step)="([^"]*\{\{[^"]*)"')
UNLOCALISED = ("unlocalize", "stringformat")


def template_numbers_unguarded(text: str) -> list[str]:
    """Attributes of a template that print a variable outside `{% localize off %}` and
    without `|unlocalize`."""
    off = [(m.start(), text.find("{% endlocalize %}", m.end()))
           for m in re.finditer(r"\{% localize off %\}", text)]  # fmt: skip
    found = [(m.start(), m.group(0)) for m in GUARDED.finditer(text)]
    for tag in NUMBER_INPUT.finditer(text):
        found += [(tag.start() + m.start(), m.group(0))
                  for m in NUMBER_INPUT_ATTRIBUTE.finditer(tag.group(0))]  # fmt: skip
    return [
        attribute for at, attribute in found
        if not any(start < at < end for start, end in off)
        and not all(any(word in expression for word in UNLOCALISED)
                    for expression in re.findall(r"\{\{(.*?)\}\}", attribute))
    ]  # fmt: skip


def test_the_template_scan_finds_an_unguarded_number():
    assert template_numbers_unguarded('<rect x="{{ x }}" y="{{ y|unlocalize }}">') == [
        'x="{{ x }}"'
    ]
    assert template_numbers_unguarded('<input type="number" min="{{ q.minimum }}">') == [
        'min="{{ q.minimum }}"'
    ]
    guarded = '{% localize off %}<circle cx="{{ p.x }}" style="width: {{ w }}%">{% endlocalize %}'
    assert template_numbers_unguarded(guarded) == []


def test_no_template_writes_a_localised_number_into_markup():
    package = Path(__file__).resolve().parents[2]
    templates = sorted(package.glob("**/templates/**/*.html"))
    assert len(templates) > 50
    unguarded = {
        str(path.relative_to(package)): found
        for path in templates
        if (found := template_numbers_unguarded(path.read_text(encoding="utf-8")))
    }
    assert unguarded == {}
