"""Numbers as LaTeX, in the same digits and notation as every other view. Pure Python."""

from __future__ import annotations

import math

from .numfmt import fmt


def num(value: float, digits: int = 4) -> str:
    """A number as LaTeX: ``0.7941``, ``-1.044``, ``1.2\\times10^{-7}``, ``\\infty``."""
    if math.isnan(value):
        return r"\text{undefined}"
    if math.isinf(value):
        return r"\infty" if value > 0 else r"{-\infty}"
    text = fmt(value, digits)  # the same digits and notation as every other view
    if "e" in text:
        mantissa, exp = text.split("e")
        text = rf"{mantissa}\times10^{{{int(exp)}}}"
    # A group makes the minus a sign, not a subtraction, to the typesetter.
    return f"{{{text}}}" if text.startswith("-") else text


def operand(value: float, digits: int = 4) -> str:
    """:func:`num`, in parentheses when negative or written with a power of ten."""
    text = num(value, digits)
    return f"({text})" if text.startswith("{-") or r"\times" in text else text
