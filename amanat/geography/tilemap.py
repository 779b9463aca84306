"""A schematic map of the 20 units: one tile each, roughly where it lies (west to east, north
to south). Tiles carry a colour band; pages draw them as SVG, with no map service."""

from typing import Any

from .models import Region

TILE_POSITIONS = {
    "KZ-27": (0, 1), "KZ-23": (0, 2), "KZ-47": (0, 3), "KZ-15": (1, 1), "KZ-39": (2, 0),
    "KZ-43": (1, 3), "KZ-62": (2, 2), "KZ-61": (2, 3), "KZ-79": (2, 4), "KZ-59": (3, 0),
    "KZ-11": (3, 1), "KZ-71": (4, 1), "KZ-35": (3, 2), "KZ-31": (3, 3), "KZ-55": (4, 0),
    "KZ-10": (5, 1), "KZ-63": (5, 0), "KZ-33": (5, 2), "KZ-19": (4, 3), "KZ-75": (4, 4),
}  # fmt: skip


def tiles(items: list[tuple[Region, str, int, Any]]) -> list[dict[str, Any]]:
    """items: (region, label shown, colour band 0-3, anything else the page needs)."""
    result = []
    for region, label, band, value in items:
        column, line = TILE_POSITIONS.get(region.code, (6, 4))
        result.append({"region": region, "label": label, "band": band, "value": value,
                       "x": column * 110 + 5, "y": line * 70 + 5})  # fmt: skip
    return result
