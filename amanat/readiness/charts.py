"""A bar chart of shares with their 95 % intervals, drawn as SVG on the server: the geometry
here, the markup in readiness/_chart.html. Each outcome's label stands above its bar, so the
chart reads on a phone as on a desktop."""

from dataclasses import dataclass

from .selectors import ResultTable

WIDTH, PLOT, ROW = 420, 340, 42


@dataclass(frozen=True)
class Bar:
    label: str
    percent: str
    y: int  # the top of the label's line; the bar lies below it
    width: float
    low: float | None
    high: float | None
    text_x: float


@dataclass(frozen=True)
class Chart:
    height: int
    bars: list[Bar]
    width: int = WIDTH


def chart_of(table: ResultTable) -> Chart:
    bars = []
    for i, row in enumerate(table.rows):
        share = row.share
        end = share.high if share.high is not None else share.share
        bars.append(
            Bar(
                label=row.label,
                percent=row.percent,
                y=i * ROW,
                width=round(share.share * PLOT, 1),
                low=None if share.low is None else round(share.low * PLOT, 1),
                high=None if share.high is None else round(share.high * PLOT, 1),
                text_x=round(end * PLOT + 6, 1),
            )
        )
    return Chart(height=len(bars) * ROW + 4, bars=bars)
