from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def any_errors(forms: Iterable[Any]) -> bool:
    return any(form.errors for form in forms)


@register.filter
def hours(value: Any) -> str:
    """Hours without trailing zeros, in the current locale: 2, 1,5, 0,25."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    places = 0 if number == number.to_integral() else (1 if (number * 10) % 1 == 0 else 2)
    return number_format(number, decimal_pos=places, use_l10n=True)
