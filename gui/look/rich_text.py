"""Word-wrapped rich text that a widget lays out and paints itself, for numbers that change often.

The Paths panel's cards, its sum and its common factor change every number on every edit and
every frame of play. As QLabels, each new text was parsed into a document, laid out to answer
the layout's height question and again to paint, and asked its parent's layout to run: about a
seventh of an edit. :class:`RichText` reads the few tags the panel writes (``<b>``, ``<i>``,
``<br>``, ``<span style='color:...'>`` and character entities) into one :class:`QTextLayout`
with format ranges, lays it out once per width, and asks for a new layout only when its height
at its width changed: a number with as many lines costs one repaint. (Its least width, its
widest word, is measured again then and when its type changes; only a panel narrower than a
word would see it late.)

Anything else between angle brackets is shown as written, so a tag nobody taught it is seen,
not lost. The accessible name is the plain text, as a screen reader reads a label.
"""

from __future__ import annotations

import math
import re
from html import unescape
from typing import NamedTuple

from PySide6.QtCore import QEvent, QMargins, QPointF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

TAG = re.compile(r"<(/?)(b|i|br|span)\b([^>]*)>", re.IGNORECASE)
COLOR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9A-Fa-f]{3,8}|[A-Za-z]+)")  # not background-color
SPACES = re.compile(r"\s+")  # runs of white space read as one space, as HTML has it
QWIDGETSIZE_MAX = (1 << 24) - 1
BREAK = "\u2028"  # a line break inside the paragraph, as a document makes of <br>
WIDTHS_KEPT = 8  # layouts kept per text, by width (a dock being dragged asks for many)


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
        add(unescape(SPACES.sub(" ", html[at : m.start()])))
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
    add(unescape(SPACES.sub(" ", html[at:])))
    return "".join(text), runs


class Laid(NamedTuple):
    """The text laid out at one width: its layout, height and ideal width (its longest line)."""

    layout: QTextLayout
    height: float
    ideal: float


class RichText(QWidget):
    """``setText(html)`` and ``text()`` as a rich-text QLabel with word wrap has them: drawn in
    the palette's text colour within ``margins`` (left, top, right, bottom), centred in the
    height it is given, and sized by a QLabel's rules."""

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
        self._laid: dict[int, Laid] = {}  # by the width inside the margins
        self._whole: tuple[float, float] | None = None  # unwrapped: height, widest word
        self._height = 0  # at the widget's width: what a layout around it needs to know
        self._stale = False  # a new text asked for no layout: Qt's heights at other widths
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
        self._formats = [_range(*run) for run in runs]
        self.setAccessibleName(self.plain())
        self._changed()

    def _changed(self) -> None:
        """New text or type: measure again, and ask for a layout only if the room it needs
        changed."""
        self._laid.clear()
        self._whole = None
        height = self._height_at(self.width())
        if height != self._height:
            self._height = height
            self.updateGeometry()
        else:  # the layout's heights at other widths may be stale: renewed at the next one
            self._stale = True
        self.update()

    # -- layout ---------------------------------------------------------------------------
    def _inner(self, width: int) -> int:
        m = self._margins
        return max(1, width - m.left() - m.right())

    def _at(self, inner: int) -> Laid:
        """The text laid out ``inner`` pixels wide (kept for a few widths)."""
        known = self._laid.get(inner)
        if known is not None:
            return known
        laid = self._layout(inner, QTextOption.WrapMode.WordWrap)
        if len(self._laid) >= WIDTHS_KEPT:
            self._laid.clear()
        self._laid[inner] = laid
        return laid

    def _unwrapped(self) -> tuple[float, float]:
        """The text's height on as few lines as it has, and its widest word (laid out at no
        width, a word a line, as a QLabel measures its least width)."""
        if self._whole is None:
            lines = self._layout(QWIDGETSIZE_MAX, QTextOption.WrapMode.WordWrap).height
            words = self._layout(0, QTextOption.WrapMode.WordWrap).ideal
            self._whole = (lines, words)
        return self._whole

    def _layout(self, inner: int, wrap: QTextOption.WrapMode) -> Laid:
        layout = QTextLayout(self._plain, self.font())
        layout.setFormats(self._formats)
        option = QTextOption()
        option.setWrapMode(wrap)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        y = ideal = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(inner)
            line.setLeadingIncluded(True)  # the font's line gap, as a QLabel's document has it
            line.setPosition(QPointF(0, y))
            y += line.height()
            ideal = max(ideal, line.naturalTextWidth())
        layout.endLayout()
        return Laid(layout, y if self._plain else 0.0, ideal)

    def _height_at(self, width: int) -> int:
        m = self._margins
        return math.ceil(self._at(self._inner(width)).height) + m.top() + m.bottom()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_at(width)

    def sizeHint(self) -> QSize:
        """The shape a rich-text QLabel with word wrap asks for (QTextDocument.adjustSize):
        about 5:3 and at most 80 x-widths wide, then as wide as its longest line there."""
        most = QFontMetrics(self.font()).horizontalAdvance("x") * 80  # whole pixels, as Qt
        width = most
        if self._plain:
            w = math.isqrt(int(5 * self._at(most).height * most / 3))
            width = max(1, min(w, most))
            height = self._at(width).height
            if w * 3 < 5 * height:
                width = max(1, min(math.isqrt(int(2 * height * width)), most))
        outer = math.ceil(self._at(width).ideal) + self._margins.left() + self._margins.right()
        return QSize(outer, self._height_at(outer))

    def minimumSizeHint(self) -> QSize:
        """As a QLabel's: as narrow as its widest word, as high as its lines unwrapped."""
        m = self._margins
        lines, words = self._unwrapped()
        lines, least = math.ceil(lines), math.ceil(words)
        return QSize(least + m.left() + m.right(), lines + m.top() + m.bottom())

    # -- events ---------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._height = self._height_at(self.width())
            if self._stale:  # Qt keeps heights it asked for at other widths: renew them
                self._stale = False
                self.updateGeometry()

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
        """Draw the text in the widget's text colour, within its margins, centred in the
        height left (a QLabel's alignment)."""
        if not self._plain:
            return
        m = self._margins
        laid = self._at(self._inner(self.width()))
        room = self.height() - m.top() - m.bottom()
        top = m.top() + math.floor(max(0.0, (room - laid.height) / 2))
        painter.setPen(self.palette().color(self.foregroundRole()))
        laid.layout.draw(painter, QPointF(m.left(), top))


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
