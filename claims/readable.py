"""Numbers as an editor reads them: "150", "2.5", "8,000", never "150.0000000000".

Claims store values as decimals with ten places; the claim page, the admin and the history show them here.
The CSV gives the same digits without grouping ("8000"), which spreadsheets read as numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms

# "8,000" or "1,234,567.5": commas that group thousands, and nothing else, may be typed back.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def plain_number(value) -> str:
    """The digits without trailing zeros or grouping: "8000", "2.5"; "" for no value."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def readable_number(value) -> str:
    """ "8,000", "2.5", "1,234.56"; text that is no number is returned as it is."""
    plain = plain_number(value)
    if _decimal(value) is None:
        return plain
    whole, _, fraction = plain.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}"
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"


class ReadableDecimalField(forms.DecimalField):
    """A decimal shown as "8,000" and taken back with or without the grouping commas."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def prepare_value(self, value):
        return readable_number(value) if _decimal(value) is not None else value

    def to_python(self, value):
        if isinstance(value, str) and _GROUPED.match(value.strip()):
            value = value.strip().replace(",", "")
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)  # a text box: the browser must not judge "8,000" against a step
        return attrs
