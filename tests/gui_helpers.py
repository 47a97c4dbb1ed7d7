"""Shared helpers for the GUI tests: a window on the default scenario and pointer gestures."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def item_point(view, name: str) -> QPoint:
    """The viewport point at the centre of node ``name``."""
    return view.mapFromScene(view.scene().nodes[name].sceneBoundingRect().center())


def drag(view, name: str, dx: int, modifier=Qt.KeyboardModifier.NoModifier, moves: int = 4) -> None:
    """Press on node ``name``, move ``dx`` pixels right in ``moves`` steps delivered together
    (holding ``modifier``), release."""
    vp = view.viewport()
    start = item_point(view, name)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, modifier, start)
    for k in range(1, moves + 1):
        local = QPointF(start + QPoint(dx * k // moves, 0))
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            local,
            QPointF(vp.mapToGlobal(local.toPoint())),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            modifier,
        )
        QApplication.sendEvent(vp, move)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, start + QPoint(dx, 0))


def wheel(view, name: str, notches: int = 1, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    vp = view.viewport()
    pos = QPointF(item_point(view, name))
    event = QWheelEvent(
        pos,
        QPointF(vp.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, event)
