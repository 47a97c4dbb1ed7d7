"""Opening, saving, dropping and closing scenarios through the window's menus."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.presets import preset
from core.scenario import default, load, to_dict
from gui.main_window import MainWindow
from gui.state.session import Session


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *a: discard)  # closing at teardown
    w = MainWindow(Session(default()))
    qtbot.addWidget(w)
    return w


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[1:]) or 0)
    return shown


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_file_and_scenario_menus_come_first(window):
    titles = menu_titles(window)
    assert titles[:3] == ["&File", "&Edit", "&Scenario"]


def test_save_as_then_open_gives_the_same_state(window, tmp_path, monkeypatch):
    files = window.file_menu.files
    window.session.set_value("w11", 0.9)
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert files.save_as()
    saved = load(tmp_path / "mine.json")
    assert saved == window.session.scenario()
    assert not window.session.modified and not window.isWindowModified()
    window.session.load_scenario(preset("saturated"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a: (str(tmp_path / "mine.json"), "")
    )
    assert files.open()
    assert window.session.scenario() == saved
    assert files.recent()[0] == str((tmp_path / "mine.json").resolve())


@pytest.mark.parametrize(
    "text",
    [
        "not json at all",
        '{"input": [[1, 2], [3, 4]]}',
        '{"input": [[1,2,3],[4,5,6],[7,8,9]], "kernel": [[1,2],[3,4]], "head": [1,2,3,4],'
        ' "target": NaN}',
        '{"version": 99}',
        " " * 1_000_001,
    ],
)
def test_a_bad_file_shows_one_dialog_and_changes_nothing(window, tmp_path, warnings, text):
    window.session.set_value("w11", 0.9)
    before = window.session.scenario()
    depth = window.session.undo_stack.count()
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    assert not window.file_menu.files.load_path(bad)
    assert len(warnings) == 1 and "bad.json" in warnings[0][1]
    assert window.session.scenario() == before
    assert window.session.undo_stack.count() == depth


def test_dropping_a_scenario_opens_it(window, tmp_path):
    path = tmp_path / "dropped.json"
    path.write_text(json.dumps(to_dict(preset("zeroed"))))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only inside a real drag; hand it to the window's drop handler
    assert window.file_menu.eventFilter(window, event)
    assert event.isAccepted()
    assert window.session.snapshot.params == preset("zeroed").params
    assert window.file_menu.files.path == path


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, monkeypatch):
    window.show()
    window.session.set_value("w11", 0.9)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(1) or QMessageBox.StandardButton.Cancel
    )
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_a_preset_from_the_menu_loads_and_undoes(window):
    action = next(a for a in window.file_menu.scenario_menu.actions() if "Diverging" in a.text())
    action.trigger()
    assert window.session.snapshot.descent.mode == "all weights"
    window.session.undo_stack.undo()
    assert window.session.scenario() == Session(default()).scenario()
