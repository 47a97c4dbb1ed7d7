"""A word-wrapped label of a fixed number of lines whose type shrinks to hold a longer text.

The walkthrough's narration changes length from step to step; a label as tall as its text
made the bar above the diagram grow and shrink with it, and the diagram jump. A
:class:`FittedText` is always ``lines`` lines of its parent's type (or of the type it is
given: :meth:`FittedText.set_base`) tall, and draws a text that would need more lines in
smaller type, down to ``least`` of that type.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

SHRINK = 0.92  # each smaller size tried, against the one before


class FittedText(QLabel):
    def __init__(self, lines: int = 2, least: float = 0.6):
        super().__init__()
        self.setWordWrap(True)
        self._lines, self._least = lines, least
        self._fitting = False
        self._fitted: tuple = ()  # (text, width, base font key): what the type was fitted to
        self._given: QFont | None = None  # the type to fit from, if not the parent's

    def set_base(self, font: QFont | None) -> None:
        """Fit from ``font`` rather than the parent's type (None: the parent's again)."""
        self._given = None if font is None else QFont(font)
        self.refit()

    def _base(self) -> QFont:
        if self._given is not None:
            return QFont(self._given)
        parent = self.parentWidget()
        return QFont(parent.font()) if parent is not None else QFont()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.refit()

    def refit(self) -> None:
        """Take the height of ``lines`` lines of the base type, and the largest type, down to
        ``least`` of it, in which the text fits that height at the label's width."""
        base = self._base()
        key = (self.text(), self.width(), base.key())
        if self._fitting or key == self._fitted:
            return
        self._fitting, self._fitted = True, key
        try:
            m = self.contentsMargins()
            room = round(self._lines * QFontMetricsF(base).lineSpacing()) + m.top() + m.bottom()
            self.setFixedHeight(room)
            font, least = QFont(base), base.pointSizeF() * self._least
            while True:
                self.setFont(font)
                if self.width() <= 0 or self.heightForWidth(self.width()) <= room:
                    break
                if font.pointSizeF() <= least:
                    break
                font.setPointSizeF(max(least, font.pointSizeF() * SHRINK))
        finally:
            self._fitting = False

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.refit()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            parent = self.parentWidget()
            if parent is not None:
                parent.installEventFilter(self)  # its type is this label's base
            self.refit()
        return super().event(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FontChange and watched is self.parentWidget():
            self.refit()
        return False
