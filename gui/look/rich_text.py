"""Word-wrapped rich text that a widget lays out and paints itself, for numbers that change often.

The Paths panel's cards, its sum and its common factor change every number on every edit and
every frame of play. As QLabels, each new text was parsed into a document, laid out to answer
the layout's height question and again to paint, and asked its parent's layout to run: about a
seventh of an edit. :class:`RichText` reads the few tags the panel writes (``<b>``, ``<i>``,
``<br>``, ``<span style='color:...'>`` and character entities) into one :class:`QTextLayout`
with format ranges, lays it out once per width, and asks for a new layout only when its height
at its width or its least width changed: a number with as many lines costs one repaint.

Anything else between angle brackets is shown as written, so a tag nobody taught it is seen,
not lost. The accessible name is the plain text, as a screen reader reads a label.
"""

from __future__ import annotations

import math
import re
from html import unescape

from PySide6.QtCore import QEvent, QMargins, QPointF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

TAG = re.compile(r"<(/?)(b|i|br|span)\b([^>]*)>", re.IGNORECASE)
COLOR = re.compile(r"color\s*:\s*([#\w]+)")
BREAK = "\u2028"  # a line break inside the paragraph, as a document makes of <br>
WIDTHS_KEPT = 8  # heights remembered per text, by width (a dock being dragged asks many)


def parse(html: str) -> tuple[str, list[tuple[int, int, bool, bool, str | None]]]:
    """``html``'s plain text (``<br>`` as a line separator) and its styled runs: (start,
    length, bold, italic, colour or None)."""
    text: list[str] = []
    runs: list[tuple[int, int, bool, bool, str | None]] = []
    bold = italic = 0
    colors: list[str | None] = []
    at = pos = 0

    def add(piece: str) -> None:
        nonlocal pos
        if piece:
            text.append(piece)
            color = next((c for c in reversed(colors) if c), None)
            runs.append((pos, len(piece), bold > 0, italic > 0, color))
            pos += len(piece)

    for m in TAG.finditer(html):
        add(unescape(html[at : m.start()]))
        at = m.end()
        closing, tag = m.group(1) == "/", m.group(2).lower()
        if tag == "br":
            add(BREAK)
        elif tag == "b":  # a closing tag with none open closes nothing
            bold = max(0, bold - 1) if closing else bold + 1
        elif tag == "i":
            italic = max(0, italic - 1) if closing else italic + 1
        elif closing:
            if colors:
                colors.pop()
        else:
            found = COLOR.search(m.group(3))
            colors.append(found.group(1) if found else None)
    add(unescape(html[at:]))
    return "".join(text), runs


class RichText(QWidget):
    """``setText(html)`` and ``text()`` as a rich-text QLabel with word wrap has them, drawn in
    the palette's text colour within ``margins`` (left, top, right, bottom)."""

    def __init__(
        self,
        html: str = "",
        margins: tuple[int, int, int, int] = (0, 0, 0, 0),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._margins = QMargins(*margins)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._html = ""
        self._plain = ""
        self._formats: list[QTextLayout.FormatRange] = []
        self._laid: tuple[int, QTextLayout, float, float] | None = None  # width, layout, h, least
        self._heights: dict[int, int] = {}
        self._needs: tuple[int, int] = (0, 0)
        self.setText(html)

    # -- the text -------------------------------------------------------------------------
    def text(self) -> str:
        return self._html

    def plain(self) -> str:
        """The text as read: tags gone, entities as characters, a break as a new line."""
        return self._plain.replace(BREAK, "\n")

    def setText(self, html: str) -> None:
        if html == self._html and self._formats:
            return
        self._html = html
        self._plain, runs = parse(html)
        self._formats = [self._range(*run) for run in runs]
        self.setAccessibleName(self.plain())
        self._changed()

    @staticmethod
    def _range(start: int, length: int, bold: bool, italic: bool, color: str | None):
        span = QTextLayout.FormatRange()
        span.start, span.length = start, length
        fmt = QTextCharFormat()
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if italic:
            fmt.setFontItalic(True)
        if color:
            fmt.setForeground(QColor(color))
        span.format = fmt
        return span

    def _changed(self) -> None:
        """New text or type: measure again, and ask for a layout only if the room it needs
        changed."""
        self._laid = None
        self._heights.clear()
        needs = (self._least_width(), self.heightForWidth(self.width()))
        if needs != self._needs:
            self._needs = needs
            self.updateGeometry()
        self.update()

    # -- layout ---------------------------------------------------------------------------
    def _inner(self, width: int) -> int:
        m = self._margins
        return max(1, width - m.left() - m.right())

    def _lay_out(self, inner: int) -> tuple[int, QTextLayout, float, float]:
        """The text laid out ``inner`` pixels wide: (width, layout, height, least width)."""
        if self._laid is not None and self._laid[0] == inner:
            return self._laid
        layout = QTextLayout(self._plain, self.font())
        layout.setFormats(self._formats)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(inner)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        if not self._plain:
            y = 0.0
        self._laid = (inner, layout, y, layout.minimumWidth())
        return self._laid

    def _least_width(self) -> int:
        return math.ceil(self._lay_out(self._inner(self.width()))[3])

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        known = self._heights.get(width)
        if known is None:
            if len(self._heights) >= WIDTHS_KEPT:
                self._heights.clear()
            m = self._margins
            keep = self._laid  # the layout painted stays: another width is measured apart
            h = self._lay_out(self._inner(width))[2]
            if keep is not None:
                self._laid = keep
            known = self._heights[width] = math.ceil(h) + m.top() + m.bottom()
        return known

    def sizeHint(self) -> QSize:
        """As wide as the text's longest line, up to 80 average characters (a QLabel's
        rule for wrapping text), and as high as it then needs."""
        metrics = QFontMetricsF(self.font())
        longest = max(
            (metrics.horizontalAdvance(line) for line in self._plain.split(BREAK)), default=0.0
        )
        m = self._margins
        width = math.ceil(min(longest * 1.1, 80 * metrics.averageCharWidth()))
        width += m.left() + m.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        m = self._margins
        line = math.ceil(QFontMetricsF(self.font()).height())
        return QSize(self._needs[0] + m.left() + m.right(), line + m.top() + m.bottom())

    # -- events ---------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._needs = (self._least_width(), self.heightForWidth(self.width()))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._changed()
            self.updateGeometry()  # the least width and the line height follow the type
        elif event.type() == QEvent.Type.PaletteChange:
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.paint_text(painter)

    def paint_text(self, painter: QPainter) -> None:
        """Draw the text in the widget's text colour, within its margins."""
        if not self._plain:
            return
        m = self._margins
        _inner, layout, _h, _least = self._lay_out(self._inner(self.width()))
        painter.setPen(self.palette().color(self.foregroundRole()))
        layout.draw(painter, QPointF(m.left(), m.top()))
