"""Work ziamath repeats for nothing, skipped: the same SVG, byte for byte, in an eighth of the time.

Measured on the homework's derivation (21 formulas; processor time, ziamath 0.13 alone 1.5 s,
with these 0.2 s; ``benchmarks/formula_bench.py`` times them one by one):

- **The measuring pass no node reads** (1.3 s to 0.5 s on its own). Before laying out a row,
  ziamath typesets every child of it a first time, from a copy, only to learn the row's height
  without its stretchy operators, the height a stretchy parenthesis or bar of that row stretches
  to. Each child row does the same for its own children, inside that first pass as well, so a
  node nested in n rows is typeset about 2^n times: 22,911 nodes built for 1,668 drawn. Only a
  stretchy operator (``mo``) of the row reads that height (``rowymin``/``rowymax``), directly
  or as the base of a script or fraction: a child row measures its own, which replaces it. So
  a row with no such operator skips the pass; the pass reads only copies, so nothing else
  changes.
- **Lengths read again and again** (a sixth of what is left): ``size_px`` builds a table of
  named spaces and parses ``"0.2778em"`` on every call, 30,000 times; its answer depends only on
  its two arguments, so it is remembered.
- **The style copy** (a seventh of what is left): every node deep-copies its parent's style
  with ``dataclasses.asdict`` only to read its top-level fields through a ChainMap over its own
  attributes; parse_style only reads that map, so one plain dict of the style's fields
  updated with the attributes reads the same, several times faster.
- **Glyph outlines written as SVG paths** (writing the SVGs: 76 ms to 49 ms): the same
  arithmetic and number format as ziafont's ``SimpleGlyph.svgpath``, without a method call
  and an f-string per curve.

:func:`install` applies them to the ziamath version they were checked on (tests/test_latex.py
compares the output with ziamath's own, run without them in a fresh interpreter); on any other
version it leaves ziamath as it is: slower, never different.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

#: The ziamath versions these were checked on, byte for byte.
CHECKED = ("0.13",)
#: Tags ziamath lays out as a row (``Mnode.fromelement``): each measures its own height.
ROWS = frozenset(("mrow", "math", "mtd", "mtr", "none"))
#: An empty line's measure: what the row gets when no node of it reads the height.
UNREAD = (9999, -9999)


def install(ziamath: ModuleType) -> bool:
    """Apply the speed-ups; False (nothing changed) on a ziamath they were not checked on."""
    if getattr(ziamath, "__version__", None) not in CHECKED:
        return False
    from ziafont.glyph import SimpleGlyph
    from ziamath import styles
    from ziamath.nodes.mnode import Mnode
    from ziamath.nodes.mrow import Mrow

    if getattr(Mrow, "_speedups", False):
        return True
    setattr(styles, "asdict", vars)  # noqa: B010 (private names of theirs, here on)
    setattr(styles, "ChainMap", _chained)  # noqa: B010
    measure = Mrow._get_height_nostretch

    def get_height_nostretch(self, line, **kwargs):
        if any(_reads_row_height(child) for child in line):
            return measure(self, line, **kwargs)
        return UNREAD

    setattr(Mrow, "_get_height_nostretch", get_height_nostretch)  # noqa: B010
    setattr(Mnode, "size_px", _remembered(Mnode.size_px))  # noqa: B010
    setattr(SimpleGlyph, "svgpath", _fast_svgpath(SimpleGlyph.svgpath))  # noqa: B010
    setattr(Mrow, "_speedups", True)  # noqa: B010
    return True


def _chained(first: dict, second: dict) -> dict:
    """What ``ChainMap(first, second)`` reads, as one dict: ``first``'s value where it has
    the key, else ``second``'s (parse_style only reads it)."""
    return {**second, **first}


def _reads_row_height(element, top: bool = True) -> bool:
    """Whether a node built from ``element`` may read its row's height: a stretchy operator
    (or an ``mi`` that ziamath turns into one) in it, outside any row of its own."""
    from ziamath import operators
    from ziamath.nodes.nodetools import elementtext

    tag = element.tag
    if not top and tag in ROWS:
        return False
    if tag == "mo" or (tag == "mi" and elementtext(element) in operators.names):
        attrib = element.attrib
        if (
            attrib.get("stretchy", "false") != "false"
            or "minsize" in attrib
            or "maxsize" in attrib
            or _stretchy(elementtext(element))
        ):
            return True
    return any(_reads_row_height(child, False) for child in element)


@cache
def _stretchy(text: str) -> bool:
    """Whether the operator dictionary makes ``text`` stretchy in any form."""
    from ziamath import operators

    forms = ("prefix", "infix", "postfix")
    return any(operators.get_params(text, f).get("stretchy", "false") != "false" for f in forms)


def _remembered(size_px):
    """``Mnode.size_px``, remembered by its arguments (``fontsize`` None means the node's own
    glyph size, so that is part of the key)."""
    known: dict[tuple, float] = {}

    def remembered(self, size: str, fontsize: float | None = None) -> float:
        if fontsize is None:
            fontsize = self.glyphsize
        key = (size, fontsize)
        value = known.get(key)
        if value is None:
            value = known[key] = size_px(self, size, fontsize)
        return value

    return remembered


def _fast_svgpath(svgpath):
    """``SimpleGlyph.svgpath``, the glyph's outline as one ``<path>``: the same text, from
    the outline's points kept on the glyph (ziafont keeps its glyphs)."""
    import xml.etree.ElementTree as ET

    from ziafont.config import config

    def fast(self, x0: float = 0, y0: float = 0, scale_factor: float = 1):
        outline = _outline(self)
        if outline is None:
            return svgpath(self, x0, y0, scale_factor)  # an operator not known here
        scale = self.funits_to_points(1, scale_factor)
        spec = f".{config.precision}f"
        parts: list[str] = []
        for letter, points in outline:
            if letter == "M" and parts:
                parts.append("Z ")  # close the contour before the next one
            parts.append(letter)
            for x, y in points:
                px = format(float(x0 + x * scale), spec).rstrip("0").rstrip(".")
                py = format(float(y0 - y * scale), spec).rstrip("0").rstrip(".")
                parts.append(f" {px} {py}")
            parts.append(" ")
        if not parts:
            return None  # no outline (a space)
        parts.append("Z ")
        return ET.Element("path", attrib={"d": "".join(parts)})

    return fast


Outline = list[tuple[str, tuple[tuple[float, float], ...]]]


def _outline(glyph) -> Outline | None:
    """The glyph's operators as (letter, points), kept on the glyph; None if one of them is
    of a kind not known here."""
    if "_outline" not in glyph.__dict__:
        glyph._outline = _points(glyph.operators)
    return glyph._outline


def _points(operators) -> Outline | None:
    from ziafont.svgpath import Cubic, Lineto, Moveto, Quad

    outline: Outline = []
    for op in operators:
        if type(op) in (Moveto, Lineto):
            outline.append(("M" if type(op) is Moveto else "L", ((op.p.x, op.p.y),)))
        elif type(op) is Quad:
            outline.append(("Q", ((op.p1.x, op.p1.y), (op.p2.x, op.p2.y))))
        elif type(op) is Cubic:
            outline.append(("C", ((op.p1.x, op.p1.y), (op.p2.x, op.p2.y), (op.p3.x, op.p3.y))))
        else:
            return None
    return outline
