"""A good desktop citizen: panels come back from the View menu, Help says what the app is."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMenu, QMessageBox

from gui.support.about import version


def menu_action(window, *titles):
    """The action reached through the menu bar by these (untranslated, &-free) titles."""
    actions = window.menuBar().actions()
    for i, title in enumerate(titles):
        action = next(a for a in actions if a.text().replace("&", "") == title)
        if i < len(titles) - 1:
            menu = action.menu()
            assert isinstance(menu, QMenu)
            actions = menu.actions()
    return action


def test_a_closed_panel_comes_back_from_the_view_menu(window, qtbot):
    for title in ("Paths", "Derivation", "Gradient descent"):
        dock = next(d for d in window.findChildren(QDockWidget) if d.windowTitle() == title)
        dock.close()
        assert not dock.isVisible()
        menu_action(window, "View", "Panels", title).trigger()
        qtbot.waitUntil(dock.isVisible, timeout=2000)


def test_help_about_names_the_version_the_licence_and_the_homework(window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    menu_action(window, "Help", "About").trigger()
    assert shown and version() in shown[0]
    assert "MIT" in shown[0] and "HW 1-3" in shown[0]
    assert version() != "unknown"  # the tests run on the installed app


def test_no_two_enabled_actions_share_a_key(window):
    """(The walkthrough and presenter mode take over some keys by enabling their own actions
    in place of the usual ones; only one of each pair is enabled at a time.)"""
    from PySide6.QtGui import QAction, QKeySequence

    owner: dict[str, str] = {}
    clashes = []
    actions = {id(a): a for a in [*window.actions(), *window.findChildren(QAction)]}
    for action in actions.values():
        if not action.isEnabled():
            continue
        for seq in action.shortcuts():
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if key in owner and owner[key] != action.text():
                clashes.append((key, owner[key], action.text()))
            owner[key] = action.text()
    assert clashes == [], clashes


def test_file_dialogs_start_in_the_folder_last_used(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    slides = tmp_path / "slides"
    slides.mkdir()
    starts: list[str] = []

    def dialog(chosen):
        def ask(parent, caption, start, *rest):
            starts.append(start)
            return (str(chosen), "") if chosen else ("", "")

        return ask

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog(slides / "curve.png"))
    export = window.file_menu.export_menu.actions()
    next(a for a in export if a.text().startswith("Loss curve plot as PNG")).trigger()
    assert (slides / "curve.png").is_file()
    next(a for a in export if a.text().startswith("Diagram as PNG")).trigger()
    assert starts[1].startswith(str(slides))  # the next export starts where the last went
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog(None))
    window.file_menu.files.open()
    assert starts[2] == str(slides)  # and so does Open


def test_default_layout_brings_every_panel_home(window, qtbot):
    from PySide6.QtCore import Qt

    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    area = {name: window.dockWidgetArea(d) for name, d in docks.items()}
    docks["Paths"].close()
    docks["descent_dock"].setFloating(True)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks["quiz_dock"])
    menu_action(window, "View", "Panels", "Default layout").trigger()
    qtbot.waitUntil(docks["Paths"].isVisible, timeout=2000)
    assert not docks["descent_dock"].isFloating()
    assert {name: window.dockWidgetArea(d) for name, d in docks.items()} == area
