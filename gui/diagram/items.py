"""Node items of the diagram: pure renderers of what the scene tells them.

Setters store what to draw and call ``update()``; ``paint()`` only paints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject

from ..look import palette
from ..look.theme import LIGHT_BORDER, LIGHT_FILL, THEMES, Theme

GRADIENT_INK = "#8E3FA8"  # gradients dMSE/d(node): purple italics, apart from the path colours


@dataclass(frozen=True)
class Line:
    """One line of text in a node: ``role`` is "value", "text" or "grad"."""

    text: str
    role: str = "text"


@dataclass(frozen=True)
class Emphasis:
    """How a node stands out: border colour/width, a fill tint, dimmed or not."""

    border: str = LIGHT_BORDER
    width: float = 1.5
    fill: str = LIGHT_FILL
    dimmed: bool = False
    selected: bool = False


NUMBER = re.compile(r"(-?\d+\.\d+)(e[+-]\d+)?")
LEAST_PX = 10  # no text shrinks below this: numbers lose digits instead


def _fewer_digits(text: str, least: int) -> str | None:
    """``text`` with its longest number one significant digit shorter, keeping at least
    ``least`` (None: no number has a digit to spare)."""
    found = max(NUMBER.finditer(text), key=lambda m: len(m.group(1)), default=None)
    if found is None:
        return None
    mantissa, exp = found.group(1), found.group(2) or ""
    digits = len(mantissa.lstrip("-").replace(".", "").lstrip("0")) - 1
    if digits < least:
        return None
    short = f"{float(mantissa):.{digits}g}"
    if "e" in short:  # 9.96 -> 1e+01: keep the text's own notation
        return None
    return text[: found.start()] + short + exp + text[found.end() :]


def fit_text(text: str, font: QFont, room: float) -> tuple[str, QFont]:
    """``text`` and a font that draw it within ``room`` pixels wide.

    The font first shrinks to three quarters of its size; then the numbers in the text lose
    significant digits, down to two (6.417e-258 -> 6.42e-258 -> 6.4e-258); then the font
    shrinks on to :data:`LEAST_PX`; as a last resort the text is elided with an ellipsis, on
    the left when it ends in a number.
    """
    if QFontMetricsF(font).horizontalAdvance(text) <= room:
        return text, font
    smaller = QFont(font)
    px = font.pixelSize()
    for least, digits in ((max(LEAST_PX, round(0.75 * px)), 2), (LEAST_PX, 1)):
        while True:
            metrics = QFontMetricsF(smaller)
            if metrics.horizontalAdvance(text) <= room:
                return text, smaller
            if smaller.pixelSize() > least:
                smaller.setPixelSize(smaller.pixelSize() - 1)
                continue
            shorter = _fewer_digits(text, digits)
            if shorter is None:
                break
            text = shorter
    # the number is what matters: elide a text that ends in one from the left
    side = Qt.TextElideMode.ElideLeft if text[-1:].isdigit() else Qt.TextElideMode.ElideRight
    return QFontMetricsF(smaller).elidedText(text, side, room), smaller


def _font(px: int, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    font.setItalic(italic)
    return font


class NodeItem(QGraphicsObject):
    """A rounded box with a small title and lines of text (values and gradients)."""

    TITLE_PX = 16
    VALUE_PX = 27
    TEXT_PX = 18
    GRAD_PX = 17

    def __init__(self, name: str, rect: QRectF, title: str | None = None, parent=None):
        super().__init__(parent)
        self.name = name
        self._size = QRectF(0, 0, rect.width(), rect.height())
        self._title = name if title is None else title
        self._lines: tuple[Line, ...] = ()
        self._drawn: list[tuple[str, QFont]] = []  # each line's text and font, fitted
        self._emphasis = Emphasis()
        self._theme = THEMES["light"]
        self._fonts = {
            "title": _font(self.TITLE_PX, bold=True),
            "value": _font(self.VALUE_PX, bold=True),
            "text": _font(self.TEXT_PX),
            "grad": _font(self.GRAD_PX, italic=True),
        }
        self.setPos(rect.topLeft())
        self.setAcceptHoverEvents(True)

    # -- setters (called by the scene) ---------------------------------------------------
    def set_title(self, title: str) -> None:
        if title != self._title:
            self._title = title
            self.update()

    def title(self) -> str:
        return self._title

    def set_lines(self, lines: tuple[Line, ...]) -> None:
        if lines != self._lines:
            self._lines = lines
            room = self.text_room()
            self._drawn = [fit_text(line.text, self._fonts[line.role], room) for line in lines]
            self.update()

    def text_room(self) -> float:
        """The width a line of text may take: the box less its padding."""
        return self._size.width() - 12

    def drawn_lines(self) -> list[tuple[str, QFont]]:
        """Each line as painted: its text (numbers shortened if need be) and its font."""
        return list(self._drawn)

    def set_emphasis(self, emphasis: Emphasis) -> None:
        if emphasis != self._emphasis:
            self._emphasis = emphasis
            self.setOpacity(0.3 if emphasis.dimmed else 1.0)
            self.update()

    def set_theme(self, theme: Theme) -> None:
        if theme != self._theme:
            self._theme = theme
            self.update()

    def lines(self) -> tuple[Line, ...]:
        return self._lines

    def emphasis(self) -> Emphasis:
        return self._emphasis

    # -- geometry and painting ------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        pad = 8
        return self._size.adjusted(-pad, -pad, pad, pad)

    def center(self) -> QPointF:
        return self.mapToScene(self._size.center())

    def anchor(self, side: str) -> QPointF:
        """The scene point in the middle of the ``"left"`` or ``"right"`` edge."""
        r = self._size
        local = QPointF(r.left() if side == "left" else r.right(), r.center().y())
        return self.mapToScene(local)

    def colors(self) -> dict[str, str]:
        """The colours this node is painted in now: border, fill and each text's ink."""
        e, t = self._emphasis, self._theme
        return {
            "border": t.node_border if e.border == LIGHT_BORDER else t.color(e.border),
            "fill": e.fill if t.tints and e.fill != LIGHT_FILL else t.node_fill,
            "title": t.color(palette.SELECTED) if e.selected else t.muted,
            "ring": t.color(palette.SELECTED),
            "value": t.ink,
            "grad": t.grad,
        }

    def paint(self, painter: QPainter, option, widget=None) -> None:
        e, t, c = self._emphasis, self._theme, self.colors()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(c["border"]), e.width * t.stroke))
        painter.setBrush(QBrush(QColor(c["fill"])))
        painter.drawRoundedRect(self._size.adjusted(1, 1, -1, -1), 10, 10)
        if e.selected:
            ring = QPen(QColor(c["ring"]), 3 * t.stroke, Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._size.adjusted(-5, -5, 5, 5), 13, 13)
        self._paint_text(painter, c)

    def _paint_text(self, painter: QPainter, c: dict[str, str]) -> None:
        r = self._size
        painter.setFont(self._fonts["title"])
        painter.setPen(QColor(c["title"]))
        painter.drawText(r.adjusted(9, 4, -6, 0), Qt.AlignmentFlag.AlignLeft, self._title)
        heights = [self._fonts[line.role].pixelSize() * 1.3 for line in self._lines]
        top = r.top() + max(self.TITLE_PX + 4, (r.height() - sum(heights)) / 2 + 6)
        for line, (text, font), h in zip(self._lines, self._drawn, heights):
            painter.setFont(font)
            painter.setPen(QColor(c["grad"] if line.role == "grad" else c["value"]))
            box = QRectF(r.left() + 4, top, r.width() - 8, h)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            top += h
