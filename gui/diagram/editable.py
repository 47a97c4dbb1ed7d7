"""A value node a person can click, type into, drag or wheel to change.

The item only reports gestures (signals); the scene turns them into Session verbs.
Drag horizontally or turn the wheel to scrub (Shift: 10x coarser, Alt: 10x finer);
double-click, Enter or F2 to type.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem

from .items import NodeItem

DRAG_STEPS_PER_PIXEL = 0.02  # of the value's order of magnitude
WHEEL_STEPS_PER_NOTCH = 0.1


def step_size(value: float, modifiers) -> float:
    """The scrub step for one unit of gesture, scaled to the value's order of magnitude."""
    magnitude = 10.0 ** math.floor(math.log10(max(abs(value), 0.1)))
    if modifiers & Qt.KeyboardModifier.ShiftModifier:
        magnitude *= 10.0
    if modifiers & Qt.KeyboardModifier.AltModifier:
        magnitude /= 10.0
    return magnitude


class EditableItem(NodeItem):
    clicked = Signal(str)
    edit_requested = Signal(str)
    scrubbed = Signal(str, float)  # live preview
    scrub_finished = Signal(str, float)  # commit once
    scrub_cancelled = Signal(str)
    wheeled = Signal(str, float)  # a wheel notch: preview, committed after a pause

    def __init__(self, name: str, rect: QRectF, title: str | None = None, parent=None):
        super().__init__(name, rect, title, parent)
        self._value = 0.0
        self._press: QPoint | None = None
        self._start_value = 0.0
        self._scrubbing = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setCursor(Qt.CursorShape.SizeHorCursor)

    def set_value(self, value: float) -> None:
        self._value = value

    def value(self) -> float:
        return self._value

    # -- mouse: click selects, horizontal drag scrubs --------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self.setFocus()
        self._press = event.screenPos()
        self._start_value = self._value
        self._scrubbing = False
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._press is None:
            return
        dx = event.screenPos().x() - self._press.x()  # screen pixels: the same at any zoom
        if not self._scrubbing and abs(dx) < QApplication.startDragDistance():
            return
        self._scrubbing = True
        step = step_size(self._start_value, event.modifiers()) * DRAG_STEPS_PER_PIXEL
        self._value = _round_to(self._start_value + dx * step, step)  # what a release commits,
        self.scrubbed.emit(self.name, self._value)  # even before the view shows it

    def mouseReleaseEvent(self, event) -> None:
        if self._press is None:
            return
        self._press = None
        if self._scrubbing:
            self._scrubbing = False
            self.scrub_finished.emit(self.name, self._value)
        else:
            self.clicked.emit(self.name)

    def mouseDoubleClickEvent(self, event) -> None:
        self._press = None
        self.edit_requested.emit(self.name)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()  # Ctrl+wheel zooms the view
            return
        delta = event.delta() if hasattr(event, "delta") else 0
        if delta == 0:
            event.ignore()
            return
        step = step_size(self._value, event.modifiers()) * WHEEL_STEPS_PER_NOTCH
        notches = delta / 120.0
        self._value = _round_to(self._value + notches * step, step)  # the next notch goes on
        self.wheeled.emit(self.name, self._value)  # from here, even before the view shows it
        event.accept()

    # -- keyboard ---------------------------------------------------------------------------
    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()  # the focus ring

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def paint(self, painter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        if self.hasFocus():
            ring = QPen(QColor(self._theme.focus), 2.5 * self._theme.stroke, Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.boundingRect().adjusted(2, 2, -2, -2), 12, 12)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit(self.name)
        elif key == Qt.Key.Key_Escape and self._scrubbing:
            self._press, self._scrubbing = None, False
            self.scrub_cancelled.emit(self.name)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):  # the wheel's notch, by keyboard
            step = step_size(self._value, event.modifiers()) * WHEEL_STEPS_PER_NOTCH
            sign = 1 if key == Qt.Key.Key_Up else -1
            self._value = _round_to(self._value + sign * step, step)
            self.wheeled.emit(self.name, self._value)
            event.accept()
        elif key == Qt.Key.Key_Space:
            event.ignore()
        else:
            super().keyPressEvent(event)


def _round_to(value: float, step: float) -> float:
    """``value`` rounded to a multiple of ``step / 10``, so scrubbed numbers stay short."""
    quantum = step / 10.0
    if not quantum > 0:
        return value
    digits = max(0, -math.floor(math.log10(quantum)))
    return round(round(value / quantum) * quantum, digits)
