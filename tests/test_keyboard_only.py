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


def keys(qtbot, *presses):
    for key in presses:
        modifiers = Qt.KeyboardModifier.NoModifier
        if isinstance(key, tuple):
            key, modifiers = key
        QTest.keyClick(QApplication.focusWidget(), key, modifiers)


def test_the_walkthrough_a_descent_and_an_edit_by_keyboard_alone(window, qtbot, monkeypatch):
    from gui.diagram import editor
    from gui.lecture import walkthrough

    said: list[str] = []
    monkeypatch.setattr(walkthrough, "announce", lambda w, text: said.append(text))
    monkeypatch.setattr(editor, "announce", lambda w, text: said.append(text))
    session = window.session
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    keys(qtbot, Qt.Key.Key_W)  # the guided walkthrough
    steps = len(session.snapshot.walk_steps)
    assert session.snapshot.walk_index == 0 and said[-1].startswith(f"1 / {steps}. ")
    for k in range(1, steps):
        keys(qtbot, Qt.Key.Key_PageDown)
        assert session.snapshot.walk_index == k
        assert said[-1].startswith(f"{k + 1} / {steps}. ")  # each narration is spoken
    keys(qtbot, Qt.Key.Key_Escape)
    assert session.snapshot.walk is None
    keys(qtbot, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_PageDown)  # three steps
    assert session.snapshot.step == 3
    keys(qtbot, Qt.Key.Key_Left)
    assert session.snapshot.step == 2
    keys(qtbot, Qt.Key.Key_R)
    assert session.snapshot.step == 0
    keys(qtbot, Qt.Key.Key_Tab)  # to a value of the diagram
    name = window.view.scene().focusItem().name
    keys(qtbot, Qt.Key.Key_Return)
    QTest.keyClicks(QApplication.focusWidget(), "0.25")
    keys(qtbot, Qt.Key.Key_Return)
    assert session.snapshot.value(name) == 0.25
    assert said[-1].startswith(f"{name}, ") and ", 0.25, " in said[-1]


def test_up_and_down_scrub_the_focused_value_as_the_wheel_does(window, qtbot):
    session = window.session
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    keys(qtbot, Qt.Key.Key_Tab)
    item = window.view.scene().focusItem()
    before = session.snapshot.value(item.name)
    keys(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: session.snapshot.value(item.name) != before, timeout=3000)
    up_one = session.snapshot.value(item.name)
    assert up_one > before  # two up, one down: one notch up
    keys(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: session.snapshot.value(item.name) == before, timeout=3000)
