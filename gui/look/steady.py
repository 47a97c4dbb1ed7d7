"""A frame around one label that asks for a new layout only when the label needs other room.

``QLabel.setText`` always asks its parent's layout to run again, and a word-wrapped rich-text
label laid out again measures its text at several widths. The Paths panel's gradient, a label
so that it can be selected with the mouse, changes on every edit and every frame of play (the
panel's other texts draw themselves: :mod:`.rich_text`). :class:`Steady` places its label
itself, inside its margins, and passes the request on (``updateGeometry``) only when the
label's least size or its height at the frame's width changed: a number with as many lines
costs the label's own repaint and nothing more.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QMargins, QSize
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget

DIGIT = re.compile(r"[0-9]")


_TABULAR: dict[str, bool] = {}  # font key -> whether its digits 0-9 are all as wide


def shape(text: str, font: QFont) -> tuple[str, str]:
    """What a label's least size depends on: its text with digits read as 0 when the font's
    digits are all as wide (the text itself when not), and its font."""
    key = font.key()
    tabular = _TABULAR.get(key)
    if tabular is None:
        metrics = QFontMetricsF(font)
        tabular = _TABULAR[key] = len({metrics.horizontalAdvance(d) for d in "0123456789"}) == 1
    return (DIGIT.sub("0", text) if tabular else text), key


class Steady(QFrame):
    """Holds ``label`` within ``margins`` (left, top, right, bottom) and lays it out itself."""

    def __init__(
        self,
        label: QLabel,
        margins: tuple[int, int, int, int] = (0, 0, 0, 0),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self._margins = QMargins(*margins)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._least: tuple[tuple[str, str], QSize] | None = None  # (shape, least size)
        self._needs = self._measure()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        m = self._margins
        inner = max(1, width - m.left() - m.right())
        return self.label.heightForWidth(inner) + m.top() + m.bottom()

    def sizeHint(self) -> QSize:
        return self.label.sizeHint().grownBy(self._margins)

    def minimumSizeHint(self) -> QSize:
        label = self.label
        now = shape(label.text(), label.font())
        if self._least is None or self._least[0] != now:
            self._least = now, label.minimumSizeHint()
        return self._least[1].grownBy(self._margins)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect().marginsRemoved(self._margins))

    def _measure(self) -> tuple:
        """What the layout around needs to know: the least size, and the height at the width
        the frame has (a wrapping label's preferred width follows its text's length, which a
        layout of a given width does not use)."""
        return self.minimumSizeHint(), self.heightForWidth(self.width())

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's new text or font
            needs = self._measure()
            if needs != self._needs:
                self._needs = needs
                self.updateGeometry()
            return True
        return super().event(event)
