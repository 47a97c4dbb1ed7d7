"""A large, bright ring that follows the mouse, for pointing at a projected screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QWidget

RADIUS = 46
POLL_MS = 30  # the ring follows the cursor at about 30 frames a second


class Spotlight(QWidget):
    """An overlay on top of ``window``; transparent to the mouse, it only paints the ring."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._pos = QPoint(-1000, -1000)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._follow)
        self.hide()

    def set_on(self, on: bool) -> None:
        if on == self.isVisible():
            return
        if on:
            self._follow()
            self.show()
            self.raise_()
            self._timer.start()
        else:
            self._timer.stop()
            self.hide()

    def _follow(self) -> None:
        window = self._window
        if self.geometry() != window.rect():
            self.setGeometry(window.rect())
            self.raise_()
        pos = self.mapFromGlobal(QCursor.pos())
        if pos != self._pos:
            old, self._pos = self._pos, pos
            r = RADIUS + 6
            self.update(old.x() - r, old.y() - r, 2 * r, 2 * r)
            self.update(pos.x() - r, pos.y() - r, 2 * r, 2 * r)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor("#FFEB3B")
        fill.setAlpha(70)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor("#FFC400"), 4))
        painter.drawEllipse(self._pos, RADIUS, RADIUS)
