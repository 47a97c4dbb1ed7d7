"""Help > Keyboard shortcuts is made from the window's actions: every shortcut is in it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from core.scenario import default
from gui.main_window import MainWindow
from gui.state.session import Session
from gui.support.shortcuts_dialog import ShortcutsDialog, shortcut_rows


@pytest.fixture
def win(qtbot):
    session = Session(default())
    w = MainWindow(session)
    qtbot.addWidget(w)
    yield w
    w.derivation.typesetter.shutdown()
    session.descent.pause()


def menu_actions(w) -> list[QAction]:
    out = []
    for menu in w.menuBar().findChildren(QMenu):
        out += [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
    return out


def test_every_menu_action_has_a_shortcut(win):
    missing = [a.text() for a in menu_actions(win) if a.shortcut().isEmpty()]
    assert missing == [win.walkthrough.leave.text()]  # Escape reaches it, through one dispatcher
    assert win.escape_action.shortcut() == QKeySequence("Esc")


def test_the_dialog_lists_every_shortcut_including_new_ones(win, qtbot):
    extra = QAction("Frobnicate", win)
    extra.setShortcut(QKeySequence("Ctrl+Shift+F12"))
    win.addAction(extra)
    dialog = ShortcutsDialog(win)
    qtbot.addWidget(dialog)
    table = dialog.table
    listed = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert listed["Frobnicate"] == QKeySequence("Ctrl+Shift+F12").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    for action in menu_actions(win):
        if not action.shortcut().isEmpty():
            assert action.text().replace("&", "") in listed
    assert listed["Presenter mode"] == "F5"
    assert "PgDown" in listed["Next step"]
    assert len(shortcut_rows(win)) == table.rowCount()
