"""Geometry of the inline SVG bar charts (no chart library, no script). Templates draw
them; the table with the same numbers always sits beside the chart."""

from dataclasses import dataclass, field
from decimal import Decimal

from .data import Figure
from .numbers import format_number

WIDTH = 480
LABEL_WIDTH = 190
BAR_START = LABEL_WIDTH + 8
BAR_SPACE = 210
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 14
LABEL_CHARS = 21


SERIES_COLOURS = ["#004b87", "#b35900", "#2e7d32", "#6a1b9a", "#4a4f68"]


@dataclass
class Bar:
    y: float
    width: float
    series: int
    text: str
    text_x: float

    @property
    def text_y(self) -> float:
        return round(self.y + BAR_HEIGHT - 3, 1)

    @property
    def colour(self) -> str:
        return SERIES_COLOURS[self.series % len(SERIES_COLOURS)]

    @property
    def height(self) -> int:
        return BAR_HEIGHT


@dataclass
class LegendItem:
    label: str
    x: float
    series: int

    @property
    def colour(self) -> str:
        return SERIES_COLOURS[self.series % len(SERIES_COLOURS)]

    @property
    def text_x(self) -> float:
        return self.x + 22


@dataclass
class ChartRow:
    label: str
    label_y: float
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    height: float
    rows: list[ChartRow]
    legend: list[LegendItem]

    width: int = WIDTH
    bar_start: int = BAR_START

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height:.0f}"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(figure: Figure) -> Chart | None:
    """Horizontal bars for the figure's series; ``None`` when there is nothing to draw."""
    if not figure.rows:
        return None
    maximum = figure.maximum
    series = figure.series
    legend_height = 26 if len(series) > 1 else 0
    legend = (
        [
            LegendItem(label=str(figure.columns[index]), x=position * 240, series=position)
            for position, index in enumerate(series)
        ]
        if len(series) > 1
        else []
    )
    y = legend_height + 6
    rows = []
    for row in figure.rows:
        block = len(series) * BAR_HEIGHT + (len(series) - 1) * BAR_GAP
        chart_row = ChartRow(label=_short(row.label), label_y=round(y + block / 2 + 5, 1))
        for position, index in enumerate(series):
            value = row.values[index] if index < len(row.values) else None
            number = float(value) if isinstance(value, int | float | Decimal) else 0.0
            width = round(BAR_SPACE * max(number, 0) / maximum, 1) if maximum else 0.0
            if row.suppressed and value is None:
                text = "*"
            else:
                text = format_number(value, figure.unit(index))
            chart_row.bars.append(
                Bar(
                    y=round(y + position * (BAR_HEIGHT + BAR_GAP), 1),
                    width=width,
                    series=position,
                    text=text,
                    text_x=round(BAR_START + width + 6, 1),
                )
            )
        rows.append(chart_row)
        y += block + ROW_GAP
    return Chart(height=y + 4, rows=rows, legend=legend)
