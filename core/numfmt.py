"""Number formatting shared by the report, the diagram and the panels."""

from __future__ import annotations

import math


def fmt(value: float, digits: int = 4) -> str:
    """A short, readable number: ``0.7941``, ``-1.044``, ``1.2e-07``, ``3.5e+06``, ``overflow``.

    Uses ``digits`` significant digits; plain notation from 1e-4 to below 1e6, scientific
    outside; ``-0`` prints as ``0``.
    """
    if math.isnan(value):
        return "undefined"
    if math.isinf(value):
        return "overflow" if value > 0 else "-overflow"
    if value == 0:
        return "0"
    text = f"{value:.{digits}g}"
    if "e" in text:
        mantissa, exp = text.split("e")
        text = f"{mantissa}e{int(exp):+03d}"
    return text


def fmt_operand(value: float, digits: int = 4) -> str:
    """:func:`fmt`, with negative numbers in parentheses, for use inside a product or sum."""
    text = fmt(value, digits)
    return f"({text})" if text.startswith("-") else text
