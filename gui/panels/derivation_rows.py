"""The derivation panel's rows: what they hold, which are left out for the quiz, and how
each is lit.

A row whose numbers would give a hidden quiz value away is left out (:mod:`core.quiz`); a
formula row of a path is lit in its path's colour, dimmed when another path is spotlit, and
the walkthrough lights the rows of its step and dims the rest.

A path's colour is the sign of its whole term, as the diagram draws its edges and badge and
the Paths panel its card: path 1 of the homework is blue everywhere. Inside a formula each
bracket term keeps the colour of its own sign (:mod:`core.latex`), which is the opposite one
whenever the common factor is negative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QWidget

from core.latex import Item, colored, derivation
from core.latex_document import document
from core.quiz import row_values

from ..look.labels import wrapped
from ..look.palette import COMMON, WALK, sign_hex
from ..look.theme import Theme
from ..state.session import Snapshot
from .formula_view import FormulaView
from .mathsvg import DIGIT_EM, FONT_SIZE

HEADING_PT, NOTE_PT = 15, 12
LEGIBLE = 1.1  # formula digits a little taller than the notes': they are the panel's point


def items_of(snap: Snapshot, t: Theme) -> list[Item]:
    """The derivation of ``snap``, its formulas in the ink of theme ``t``."""
    items = derivation(
        snap.params,
        snap.selected,
        color=lambda v: t.color(sign_hex(v)),
        highlight=snap.path,
        fwd=snap.forward,
        common=t.color(COMMON),
    )
    ink = None if t.name == "light" else t.ink  # the typesetter's own black on white
    return [replace(i, text=colored(i.text, ink)) if i.kind == "formula" else i for i in items]


def latex_document(snap: Snapshot, texts: dict[str, str]) -> str:
    """The derivation of ``snap`` as a LaTeX document, coloured as on a light page."""
    items = derivation(snap.params, snap.selected, color=sign_hex, fwd=snap.forward, common=COMMON)
    title = texts["title"].format(param=snap.selected)
    return document(items, texts, title=f"{snap.name}: {title}" if snap.name else title)


def light(
    rows: Sequence[tuple[FormulaView, Item]], snap: Snapshot, theme: Theme, spot: int | None
) -> FormulaView | None:
    """Light ``rows`` for the walkthrough's step when one is on (returning the first row it
    lights), else for the paths, ``spot`` alone when it is set."""
    if snap.walk_step is None:
        light_paths(rows, snap, theme, spot)
        return None
    return light_step(rows, snap, theme, snap.walk_step)


def row_font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def formula_row(item: Item, zoom: float) -> FormulaView:
    """A formula of the derivation at ``zoom``, never so small that its digits are shorter
    than the notes' (it shrinks to fit the width down to that)."""
    view = FormulaView(item.path)
    digits = QFontMetricsF(row_font(NOTE_PT * zoom)).tightBoundingRect("0123456789")
    view.set_zoom(zoom, LEGIBLE * digits.height() / (FONT_SIZE * DIGIT_EM))
    if item.role in ("chain", "path_term"):
        view.setContentsMargins(0, 0, 0, 0)
    return view


def text_row(item: Item, texts: dict[str, str], zoom: float, theme: Theme, first: bool) -> QLabel:
    """A heading or a note of the derivation, in the theme's text colour at ``zoom``."""
    label = wrapped(item.heading(texts))
    heading = item.kind == "heading"
    label.setFont(row_font((HEADING_PT if heading else NOTE_PT) * zoom, bold=heading))
    label.setStyleSheet(f"color: {theme.text};")
    if heading:
        label.setContentsMargins(0, 0 if first else 12, 0, 4)
    return label


def hide_given_away(widgets: Sequence[QWidget], items: Sequence[Item], snap: Snapshot) -> bool:
    """Hide each row whose numbers would give a hidden quiz value away; whether any is."""
    hidden, param = snap.concealed, snap.selected
    gone = False
    for w, item in zip(widgets, items, strict=True):
        out = bool(row_values(item.role, item.path, param) & hidden)
        w.setVisible(not out)
        gone |= out
    return gone


def light_paths(
    rows: Sequence[tuple[FormulaView, Item]], snap: Snapshot, theme: Theme, spot: int | None
) -> None:
    """Each path's rows in its path's colour: all alike, or ``spot`` highlighted and the
    others dimmed."""
    ps = snap.paths
    for view, _item in rows:
        if view.path is None or view.path >= len(ps):
            continue
        accent = theme.color(sign_hex(ps[view.path].value))
        if spot is None:
            view.set_state("normal", accent)
        else:
            view.set_state("highlight" if view.path == spot else "dim", accent)


def light_step(
    rows: Sequence[tuple[FormulaView, Item]], snap: Snapshot, theme: Theme, step
) -> FormulaView | None:
    """The walkthrough: highlight the rows of ``step`` (of its path), dim the others; the
    first row highlighted."""
    ps = snap.paths
    first = None
    for view, item in rows:
        mine = item.role in step.section and (
            step.path is None or item.path is None or item.path == step.path
        )
        path = item.path
        known = path is not None and path < len(ps)  # not a row of an older build
        color = sign_hex(ps[path].value) if path is not None and known else WALK
        view.set_state("highlight" if mine else "dim", theme.color(color))
        if mine and first is None:
            first = view
    return first
