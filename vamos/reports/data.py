"""The plain data of a report: key figures (``Stat``), tables (``Figure`` of ``Row``) and
the areas that hold them. Only strings and numbers: an area is kept in the cache as it is
(``figures.Report``) and drawn by the dashboard, the XLSX and the PDF alike."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

Number = int | float | Decimal | None

COUNT = ""
PERCENT = "%"
HOURS = "h"
SCORE = "score"


def _round(value: Any, places: int = 1) -> Decimal | None:
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal | None:
    return _round(100 * Decimal(part) / Decimal(whole)) if whole else None


@dataclass
class Stat:
    key: str
    label: str
    value: Number
    unit: str = COUNT
    help: str = ""


@dataclass
class Row:
    label: str
    values: list[Number]
    # A page of its own (a module, a federation …), or the records behind the row as the
    # query added to the scope's (``liste=…&gruppe=…``), which the page adds when drawn.
    url: str = ""
    suppressed: bool = False
    records: str = ""


@dataclass
class Figure:
    key: str
    title: str
    definition: str
    columns: list[str]
    rows: list[Row]
    units: list[str] = field(default_factory=list)
    # Columns drawn as bars (indices into ``values``); the first is the main series.
    series: list[int] = field(default_factory=lambda: [0])
    scale_max: Number = None
    records: str = ""
    note: str = ""

    def unit(self, index: int) -> str:
        return self.units[index] if index < len(self.units) else COUNT

    @property
    def is_empty(self) -> bool:
        return not any(
            value
            for row in self.rows
            for value in row.values
            if isinstance(value, int | float | Decimal)
        )

    @property
    def series_labels(self) -> list[str]:
        return [self.columns[index] for index in self.series]

    @property
    def maximum(self) -> float:
        if self.scale_max is not None:
            return float(self.scale_max)
        values = [
            float(row.values[index])
            for row in self.rows
            for index in self.series
            if row.values[index] is not None and float(row.values[index]) > 0
        ]
        return max(values, default=0.0)


@dataclass
class Area:
    key: str
    title: str
    stats: list[Stat]
    figures: list[Figure]
    note: str = ""

    def stat(self, key: str) -> Stat:
        return next(stat for stat in self.stats if stat.key == key)
