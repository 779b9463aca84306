"""Finds numbers in rendered HTML that followed the page's locale where a machine reads them.

A browser reads `cx="407,1"` as an invalid length and draws the dot at 0; `width: 12,5%` drops
the declaration; `"x": 407,1` is not JSON. Russian and Kazakh write a decimal comma (and a
non-breaking space between thousands), so a number that goes into SVG, CSS, JSON or an
`<input type=number>` must be written with `{% localize off %}` or `|unlocalize`.

A comma between two digits is refused even in list attributes (points, d, viewBox) and in CSS
outside colour functions: `points="10,5 20,5"` could be two pairs or two decimal-comma numbers,
so our markup separates numbers with spaces (or a comma and a space).
"""

import json
import re
from html.parser import HTMLParser

NUMBER = r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?"
UNIT = r"(?:px|%|em|rem|pt|deg|s|ms|vh|vw|ch|ex)?"
ONE_NUMBER = re.compile(rf"^\s*{NUMBER}{UNIT}\s*$")
# html.parser lowercases attribute names: viewBox arrives as viewbox.
SINGLE = {
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy", "fx", "fy",
    "width", "height", "stroke-width", "font-size", "opacity", "fill-opacity",
    "stroke-opacity", "offset", "stroke-dashoffset", "textlength", "pathlength", "colspan",
    "rowspan",
}  # fmt: skip
LISTS = {"points", "d", "viewbox", "transform", "stroke-dasharray", "gradienttransform"}
NUMBER_INPUT = {"value", "min", "max", "step"}
# Two digits with a comma or a (non-breaking) space between them: a localised number.
LOCALISED = re.compile(r"\d(?:,|\xa0|\u202f)\d")
COLOUR = re.compile(r"(?:rgba?|hsla?)\(([^)]*)\)")
DATA_DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*%?\s*$")


def _single(value: str) -> bool:
    return bool(ONE_NUMBER.match(value))


def _listed(value: str) -> bool:
    # Letters are path commands and transform names; everything else must be dot numbers.
    if LOCALISED.search(value):
        return False
    rest = re.sub(NUMBER, " ", value)
    return not re.search(r"[^A-Za-z\s,()]", rest.replace("\xa0", "#"))


def _style(value: str) -> bool:
    for arguments in COLOUR.findall(value):
        if len(arguments.split(",")) > 4:  # rgba(0, 0, 0, 0,5)
            return False
    return not LOCALISED.search(COLOUR.sub("", value))


def _machine_value(tag: str, attrs: dict) -> bool:
    """A value the person does not type (a choice, a hidden field) is read by a script or
    sent back as it is: a decimal comma there is a localised number."""
    return tag == "option" or (
        tag == "input" and attrs.get("type") in {"hidden", "radio", "checkbox"}
    )


def _attribute_ok(tag: str, attrs: dict, name: str, value: str) -> bool:
    if name in SINGLE:
        return _single(value) or (tag not in SVG_TAGS and value.strip() in {"", "auto"})
    if name in LISTS:
        return _listed(value)
    if name == "style":
        return _style(value)
    if name.startswith("data-") or (name == "value" and _machine_value(tag, attrs)):
        return not DATA_DECIMAL_COMMA.match(value)
    if tag == "input" and attrs.get("type") in {"number", "range"} and name in NUMBER_INPUT:
        return value == "" or (name == "step" and value == "any") or _single(value)
    return True


SVG_TAGS = {
    "svg", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text",
    "tspan", "use", "image", "lineargradient", "radialgradient", "stop", "pattern", "marker",
}  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.offending: list[str] = []
        self._json: str | None = None

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if not _attribute_ok(tag, values, name, value):
                self.offending.append(f'<{tag} {name}="{value}">')
        if tag == "script" and "json" in values.get("type", ""):
            self._json = ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._json is not None:
            self._json += data

    def handle_endtag(self, tag):
        if tag == "script" and self._json is not None:
            try:
                json.loads(self._json)
            except ValueError:
                self.offending.append(f"<script json>{self._json[:80]}</script>")
            self._json = None


def markup_numbers_offending(html: str) -> list[str]:
    """Every attribute, style or JSON block of `html` whose number a machine cannot read."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.offending
