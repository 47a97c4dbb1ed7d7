"""Links between nodes: always-drawn base links and the lit backprop-path edges."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsObject, QGraphicsPathItem

from ..look import palette
from ..look.theme import THEMES
from .items import fit_text
from .layout import BADGE_ROOM, BADGE_TEXT

BASE_INK = "#80868B"  # an edge no path lights: 3.5:1 on the light ground


def curve(a: QPointF, b: QPointF) -> QPainterPath:
    """A smooth left-to-right S-curve from ``a`` to ``b``."""
    path = QPainterPath(a)
    dx = (b.x() - a.x()) * 0.5
    path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)
    return path


class EdgeItem(QGraphicsPathItem):
    """A link drawn as a curve; the scene sets its ends and its pen."""

    def __init__(self, a: QPointF, b: QPointF, z: float = -1.0):
        super().__init__()
        self.setZValue(z)
        self._ends = (QPointF(), QPointF())
        self._style: tuple[str, float, bool] | tuple[str, float, bool, bool] = ("", 0.0, False)
        self.set_ends(a, b)
        self.set_style(BASE_INK, 2.0)

    def set_ends(self, a: QPointF, b: QPointF) -> None:
        if (a, b) != self._ends:
            self._ends = (a, b)
            self.setPath(curve(a, b))

    def ends(self) -> tuple[QPointF, QPointF]:
        return self._ends

    def set_style(
        self, color: str, width: float, dashed: bool = False, dotted: bool = False
    ) -> None:
        """Draw in ``color`` and ``width``: dashed (the other factor) or dotted (a dead path)."""
        style = (color, width, dashed, True) if dotted else (color, width, dashed)
        if style == self._style:
            return
        self._style = style
        pen = QPen(QColor(color), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dotted:
            pen.setStyle(Qt.PenStyle.DotLine)
        elif dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)

    def style(self) -> tuple[str, float, bool]:
        """Colour, width and dashed: as :meth:`set_style` was given them."""
        color, width, dashed = self._style[:3]
        return color, width, dashed

    def dotted(self) -> bool:
        """Whether the edge is drawn dotted: a dead path."""
        return len(self._style) == 4


class BadgeItem(QGraphicsObject):
    """A path's number in a coloured disc with its term's value beside it; click to spotlight."""

    clicked = Signal(int)  # the path index

    RADIUS = 15

    def __init__(self, cell: int):
        super().__init__()
        self.cell = cell
        self.index = -1
        self._number = ""
        self._text = ""
        self._color = palette.NEUTRAL
        self._drawn: tuple[str, QFont] = ("", QFont())
        self.theme = THEMES["light"]  # the scene sets the current one
        self._font = QFont()
        self._font.setPixelSize(16)
        self._font.setBold(True)
        self.setZValue(5)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_content(self, index: int, text: str, color: str) -> None:
        if (index, text, color) != (self.index, self._text, self._color):
            self.index, self._text, self._color = index, text, color
            self._number = str(index + 1)
            self._drawn = fit_text(text, self._font, BADGE_ROOM)
            self.update()

    def text(self) -> str:
        return self._text

    def drawn(self) -> tuple[str, QFont]:
        """The number as painted (shortened if need be) and its font (shrunk if need be)."""
        return self._drawn

    def text_rect(self) -> QRectF:
        """Where the number may be drawn, in the badge's coordinates: up to the head box."""
        r = self.RADIUS
        return QRectF(BADGE_TEXT, -r, BADGE_ROOM, 2 * r)

    def boundingRect(self) -> QRectF:
        r = self.RADIUS
        return QRectF(-r - 2, -r - 2, BADGE_TEXT + BADGE_ROOM + r + 4, 2 * r + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.RADIUS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        color = QColor(self.theme.color(self._color) if self.theme else self._color)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setFont(self._font)
        painter.setPen(QColor("white") if color.lightness() < 150 else QColor("black"))
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, self._number)
        painter.setPen(color)
        text, font = self._drawn
        painter.setFont(font)
        painter.drawText(
            self.text_rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )

    def mousePressEvent(self, event) -> None:
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        self.clicked.emit(self.index)


class EdgeLabel(QGraphicsObject):
    """A local derivative written on its edge (walkthrough), in a white rounded box."""

    def __init__(self):
        super().__init__()
        self._text = ""
        self._color = palette.INK
        self._font = QFont()
        self._font.setPixelSize(15)
        self._font.setBold(True)
        self._rect = QRectF()
        self._lines: list[str] = []
        self.theme = THEMES["light"]  # the scene sets the current one
        self.setZValue(6)

    def set_content(self, text: str, color: str) -> None:
        if (text, color) == (self._text, self._color):
            return
        self._text, self._color = text, color
        self.set_folded(False)

    def _lines_of(self, folded: bool) -> list[str]:
        head, eq, tail = self._text.partition(" = ")
        return [head, f"= {tail}"] if folded and eq else [self._text]

    def box_for(self, folded: bool) -> QRectF:
        """The box the text takes folded onto two lines (broken before its "=") or on one,
        in the label's coordinates, without changing the label."""
        lines = self._lines_of(folded)
        metrics = QFontMetricsF(self._font)
        width = max(metrics.horizontalAdvance(line) for line in lines) + 12
        height = 26 + (len(lines) - 1) * metrics.lineSpacing()
        return QRectF(-width / 2, -height / 2, width, height)

    def set_folded(self, folded: bool) -> None:
        """Write the text on two lines, broken before its "=" (a narrow gap between boxes),
        or on one."""
        lines = self._lines_of(folded)
        if lines == self._lines and not self._rect.isEmpty():
            return
        self.prepareGeometryChange()
        self._lines, self._rect = lines, self.box_for(folded)
        self.update()

    def text(self) -> str:
        return self._text

    def box(self) -> QRectF:
        """The drawn box around the text, in the label's coordinates."""
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        color = QColor(self.theme.color(self._color) if self.theme else self._color)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 2))
        painter.setBrush(QColor(self.theme.node_fill if self.theme else "white"))
        painter.drawRoundedRect(self._rect, 6, 6)
        painter.setFont(self._font)
        painter.setPen(color)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, "\n".join(self._lines))
