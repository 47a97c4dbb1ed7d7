"""One backprop path as a card of the Paths panel, and the colours the panel draws with.

A card shows the path's term, its factors' numbers and its value in the colour of its sign;
a dead path (a ReLU cell with z <= 0) says why it carries nothing back. A click spotlights it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from core.model import CELLS

from ..look.rich_text import RichText
from ..look.theme import THEMES


def ink(widget: QWidget, hex_color: str) -> str:
    """``hex_color`` as the theme whose ground the widget's palette has draws it (brighter on a
    dark ground); on a ground no theme has, the dark theme's when it is dark."""
    base = widget.palette().color(QPalette.ColorRole.Base)
    for theme in THEMES.values():
        if theme.name != "light" and QColor(theme.base) == base:
            return theme.color(hex_color)
    return THEMES["dark"].color(hex_color) if base.lightness() < 128 else hex_color


def card_edge(pal: QPalette) -> QColor:
    """Half way from the ground to the text: a card's edge stands out (>= 3:1) in every theme."""
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() + base.red()) // 2,
        (text.green() + base.green()) // 2,
        (text.blue() + base.blue()) // 2,
    )


def sized(label: QWidget, base: QFont, scale: float, bold: bool = False) -> None:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)


class PathRow(RichText):
    """One path's term on a card, coloured by its sign; a click spotlights it. New numbers with
    as many lines ask no layout of the panel (:class:`~gui.look.rich_text.RichText`)."""

    clicked = Signal(int)

    def __init__(self, index: int, parent=None):
        super().__init__("", (8, 3, 8, 3), parent)
        self.index = index
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._edge = ("", False)
        self.retranslate()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(
            self.tr("Click to show this path alone (key {0}); click again for all").format(
                self.index + 1
            )
        )

    def show_path(
        self,
        path,
        factors: list[str],
        value: str,
        color: str,
        spotlit: bool,
        loss: str = "MSE",
        dead: str = "",
    ) -> None:
        """``factors``: each factor's number after dloss/dy_hat (or ``?``), ``value`` the term;
        ``loss`` names the loss (MSE, L, BCE); ``dead`` says why a dead path carries nothing."""
        term = path.term.replace(" * ", " · ")
        numbers = " × ".join(factors)
        if loss == "MSE" and path.cell is not None:  # the homework's card, word for word
            html = self.tr(
                "<span style='color:{0}'><b>{1}</b> via z{2}: {3} · ∂MSE/∂ŷ<br>"
                "= {4} = <b>{5}</b></span>"
            ).format(color, self.index + 1, CELLS[path.cell], term, numbers, value)
        else:
            via = "ŷ" if path.cell is None else f"z{CELLS[path.cell]}"
            html = self.tr(
                "<span style='color:{0}'><b>{1}</b> via {2}: {3} · ∂{6}/∂ŷ<br>"
                "= {4} = <b>{5}</b></span>"
            ).format(color, self.index + 1, via, term, numbers, value, loss)
        if dead:
            html += f"<br><span style='color:{color}'><i>{escape(dead, quote=False)}</i></span>"
        self.setText(html)
        if (color, spotlit) != self._edge:
            self._edge = (color, spotlit)
            self.update()

    def paintEvent(self, event) -> None:
        """The card: the palette's base colour, edged in the path's colour when spotlit."""
        color, spotlit = self._edge
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 3.0 if spotlit else 1.0
        painter.setPen(QPen(QColor(color) if spotlit else card_edge(self.palette()), width))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        half = width / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 6, 6)
        self.paint_text(painter)

    def mouseReleaseEvent(self, event) -> None:
        self.clicked.emit(self.index)
