from typing import Any

from django import template

from ..charts import Chart, bar_chart
from ..data import Figure, _round
from ..numbers import format_number

register = template.Library()


@register.filter
def figure_number(value: Any, unit: str = "") -> str:
    """A figure's value as the dashboard, the PDF and the charts write it."""
    return format_number(value, unit)


@register.filter
def chart_of(figure: Figure) -> Chart | None:
    return bar_chart(figure)


@register.simple_tag
def cell(figure: Figure, row: Any, index: int) -> str:
    value = row.values[index]
    return format_number(value, figure.unit(index) if figure.unit(index) == "%" else "")


@register.filter
def figure_hours(value: Any) -> str:
    """Hours always with two decimals, as in the figures."""
    return format_number(_round(value, 2))
