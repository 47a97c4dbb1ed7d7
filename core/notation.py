"""Sentences with their math in the symbols the diagram and the derivation use.

The walkthrough's sentences are written (and translated) in plain ASCII, as a terminal would
show them: ``dMSE/dy_hat x dy_hat/do01``, ``w11 <- w11 - lr x gradient``. On screen, where a
lecturer projects them beside the diagram, they read ``∂MSE/∂ŷ × ∂ŷ/∂o01`` and
``w11 ← w11 − lr × gradient``: :func:`pretty` rewrites the notation and leaves the words.
"""

from __future__ import annotations

import re

_PARTIAL = re.compile(r"(?<![\w∂])d([A-Za-z][A-Za-z0-9_]*)/d([A-Za-z][A-Za-z0-9_]*)")
_MINUS = re.compile(r"(?<=[\s(=^\[])-(?=[\d(.])")  # a minus sign before a number or bracket
_SYMBOLS_TIMES = re.compile(r"(?<=[A-Za-z0-9])\*(?=[A-Za-z])")  # a11*w11: a product of names


def pretty(text: str) -> str:
    """``text`` with ∂ for derivatives, ŷ, · and ×, ←, − and ² (a word is never changed)."""
    text = _PARTIAL.sub(r"∂\1/∂\2", text)
    text = text.replace("y_hat", "ŷ").replace(" x ", " × ").replace("<-", "←")
    text = text.replace(" - ", " − ").replace(")^2", ")²")
    text = _SYMBOLS_TIMES.sub("·", text).replace("*", "×")  # names a11·w11, numbers 1×0.4
    return _MINUS.sub("−", text)
