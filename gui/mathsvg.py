"""LaTeX to SVG with ziamath: pure Python, no Qt, so it can run in a worker process.

ziamath is imported on the first formula, not with this module: it takes about 0.3 s, and
the window's first paint needs no formula.
"""

from __future__ import annotations

from functools import cache

#: Font size of the typeset formulas, in pixels at zoom 1.
FONT_SIZE = 24


def typeset(latex: str, size: float = FONT_SIZE) -> bytes:
    """The SVG of one formula (raises ValueError if ziamath cannot read it)."""
    ziamath = _ziamath()
    try:
        return ziamath.Latex(latex, size=size).svg().encode()
    except Exception as exc:  # ziamath raises assorted errors on input it cannot read
        raise ValueError(f"cannot typeset {latex!r}: {exc}") from exc


def safe_typeset(latex: str) -> bytes:
    """:func:`typeset`, or a question mark for text ziamath cannot read."""
    try:
        return typeset(latex)
    except ValueError:
        return typeset(r"\text{?}")


@cache
def _ziamath():
    import ziamath

    ziamath.config.svg2 = False  # QSvgRenderer reads SVG Tiny 1.2 only
    return ziamath
