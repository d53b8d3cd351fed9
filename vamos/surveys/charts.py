"""Geometry for the inline SVG charts (no chart library, no script): a radar chart for the
Verbands-Check. Templates draw it; a data table with the same numbers always sits beside."""

import math
import textwrap
from dataclasses import dataclass, field


@dataclass
class RadarAxis:
    label_lines: list[str]
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


@dataclass
class RadarSeries:
    label: str
    css: str
    points: str
    markers: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Radar:
    width: int
    height: int
    center_x: float
    center_y: float
    rings: list[tuple[int, str, float]]
    axes: list[RadarAxis]
    series: list[RadarSeries]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _point(
    center: tuple[float, float], radius: float, index: int, count: int
) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return (
        round(center[0] + radius * math.cos(angle), 1),
        round(center[1] + radius * math.sin(angle), 1),
    )


def radar(
    *,
    labels: list[str],
    series: list[tuple[str, list[float | None], str]],
    maximum: float = 5,
    minimum: float = 1,
    width: int = 1000,
    height: int = 640,
) -> Radar:
    """``series``: (label, one value per axis, CSS class). Values run from ``minimum`` (at
    the centre) to ``maximum`` (outer ring); a missing value is drawn at the centre."""
    count = max(len(labels), 3)
    center = (width / 2, height / 2 + 5)
    radius = 210
    span = maximum - minimum

    def scaled(value: float | None) -> float:
        if value is None:
            return 0
        return radius * max(0.0, min(1.0, (value - minimum) / span))

    rings = []
    for step in range(int(minimum), int(maximum) + 1):
        ring_radius = radius * (step - minimum) / span
        points = " ".join(
            f"{x},{y}" for x, y in (_point(center, ring_radius, i, count) for i in range(count))
        )
        rings.append((step, points, round(center[1] - ring_radius, 1)))
    axes = []
    for index, label in enumerate(labels):
        x, y = _point(center, radius, index, count)
        label_x, label_y = _point(center, radius + 22, index, count)
        if abs(label_x - center[0]) < 2:
            anchor = "middle"
        elif label_x > center[0]:
            anchor = "start"
        else:
            anchor = "end"
        lines = textwrap.wrap(label, 22, break_long_words=False) or [label]
        if label_y < center[1]:
            label_y -= 26 * (len(lines) - 1)
        else:
            label_y += 20
        axes.append(RadarAxis(lines, x, y, label_x, label_y, anchor))
    drawn = []
    for label, values, css in series:
        corners = [
            _point(center, scaled(values[i] if i < len(values) else None), i, count)
            for i in range(len(labels))
        ]
        drawn.append(
            RadarSeries(
                label=label,
                css=css,
                points=" ".join(f"{x},{y}" for x, y in corners),
                markers=corners,
            )
        )
    return Radar(
        width=width,
        height=height,
        center_x=center[0],
        center_y=center[1],
        rings=rings,
        axes=axes,
        series=drawn,
    )
