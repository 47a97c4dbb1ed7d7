"""Reading a number a person typed: ``0.5``, ``.5``, ``-1e-3``, ``0,5``, ``０.５``, ``1/3``."""

from __future__ import annotations

import math
import re
import unicodedata

from .i18n import QT_TRANSLATE_NOOP, Refusal
from .model import MAX_ABS_VALUE

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?")
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\ufe63": "-", "\uff0d": "-"})


NOT_A_NUMBER = QT_TRANSLATE_NOOP("Parse", "'{text}' is not a number")
NOT_TEXT = QT_TRANSLATE_NOOP("Parse", "not text")
EMPTY = QT_TRANSLATE_NOOP("Parse", "empty: type a number")
BY_ZERO = QT_TRANSLATE_NOOP("Parse", "division by zero")
TOO_FAR = QT_TRANSLATE_NOOP("Parse", "out of range: the magnitude must be at most {limit}")


class ParseError(Refusal):
    """Text that is not a usable number; the message says why, for showing to the person
    (in the interface's language: see :class:`core.i18n.Refusal`)."""

    def __init__(self, template: str, **args: object):
        super().__init__("Parse", template, **args)


def _plain(text: str) -> float:
    if not _NUMBER.fullmatch(text):
        raise ParseError(NOT_A_NUMBER, text=text)
    try:
        return float(text)
    except (ValueError, OverflowError):  # pragma: no cover - the pattern admits only floats
        raise ParseError(NOT_A_NUMBER, text=text) from None


def parse_number(text: str, limit: float = MAX_ABS_VALUE) -> float:
    """Parse typed text into a finite float with ``|value| <= limit``, or raise ParseError.

    Accepts full-width characters, a Unicode minus, a decimal comma (``0,5``), exponents and
    one simple fraction (``1/3``, ``-2/5``). Refuses empty text, NaN and infinity spellings,
    and values out of range.
    """
    if not isinstance(text, str):
        raise ParseError(NOT_TEXT)
    s = unicodedata.normalize("NFKC", text).translate(_MINUS).strip().lower().replace(" ", "")
    if not s:
        raise ParseError(EMPTY)
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    if s.count("/") == 1:
        num, den = s.split("/")
        top, bottom = _plain(num), _plain(den)
        if bottom == 0:
            raise ParseError(BY_ZERO)
        value = top / bottom
    else:
        value = _plain(s)
    if not math.isfinite(value) or abs(value) > limit:
        raise ParseError(TOO_FAR, limit=f"{limit:g}")
    return value + 0.0  # no negative zero
