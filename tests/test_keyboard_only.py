"""Nothing needs a mouse: F6 / Shift+F6 reach every panel, and back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.support.panel_cycle import panels


def test_f6_visits_every_panel_on_show_and_comes_back(window, qtbot):
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    parts = panels(window)
    assert window.view in parts and len(parts) >= 4  # diagram, a right panel, descent, toolbars
    visited = []
    for _ in range(len(parts)):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        focus = QApplication.focusWidget()
        owner = next(p for p in parts if p is focus or p.isAncestorOf(focus))
        visited.append(owner)
    assert visited[-1] is window.view  # round the window and back to the diagram
    assert set(map(id, visited)) == set(map(id, parts))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    focus = QApplication.focusWidget()
    assert parts[-1] is focus or parts[-1].isAncestorOf(focus)
