"""A horizontal bar chart of shares with their 95 % intervals, drawn as SVG on the server:
the geometry here, the markup in readiness/_chart.html."""

from dataclasses import dataclass

from .selectors import ResultTable

WIDTH, LABEL, ROW = 600, 230, 28
PLOT = WIDTH - LABEL - 60


@dataclass(frozen=True)
class Bar:
    label: str
    percent: str
    y: int
    width: float
    low: float | None
    high: float | None
    text_x: float


@dataclass(frozen=True)
class Chart:
    height: int
    bars: list[Bar]
    label_x: int = LABEL - 8
    plot_x: int = LABEL
    plot_width: int = PLOT


def chart_of(table: ResultTable) -> Chart:
    bars = []
    for i, row in enumerate(table.rows):
        share = row.share
        end = share.high if share.high is not None else share.share
        bars.append(
            Bar(
                label=row.label,
                percent=f"{share.share * 100:.1f}",
                y=i * ROW + 4,
                width=round(share.share * PLOT, 1),
                low=None if share.low is None else round(LABEL + share.low * PLOT, 1),
                high=None if share.high is None else round(LABEL + share.high * PLOT, 1),
                text_x=round(LABEL + end * PLOT + 6, 1),
            )
        )
    return Chart(height=len(bars) * ROW + 8, bars=bars)
