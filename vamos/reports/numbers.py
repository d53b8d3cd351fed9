"""One way to write a figure, used by the dashboard, the PDF and the charts (the XLSX keeps
the raw numbers), so the same value reads the same everywhere."""

from decimal import Decimal
from typing import Any

from django.utils.formats import number_format

PLACEHOLDER = "–"


def format_number(value: Any, unit: str = "") -> str:
    if value is None:
        return PLACEHOLDER
    if isinstance(value, Decimal):
        places = (
            max(0, -value.as_tuple().exponent) if isinstance(value.as_tuple().exponent, int) else 0
        )
        text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    elif isinstance(value, float):
        text = number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)
    else:
        text = number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)
    if unit == "%":
        return f"{text}\u202f%"
    return text
