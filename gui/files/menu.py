"""The File and Scenario menus, opening a scenario dropped on the window, closing with care.

The verbs live in :class:`gui.files.scenario_files.ScenarioFiles`; this module builds the menus,
keeps the window title in step with the file and its unsaved changes, and accepts drops.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from ..actions import make_action
from .export import ExportMenu
from .scenario_files import ScenarioFiles
from .view_export import ExportViews


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileMenu", text)


def preset_titles() -> dict[str, str]:
    """The menu text of each shipped preset, translated."""
    return {
        "homework": _tr("Homework 1-3 (the default)"),
        "saturated": _tr("Saturated sigmoid: every path fades"),
        "cancelling": _tr("Cancelling paths: zero gradient, nonzero loss"),
        "diverging": _tr("Diverging learning rate"),
        "zeroed": _tr("A zeroed input: its path carries nothing"),
        "relu_dead": _tr("ReLU: a dead path"),
        "tanh": _tr("tanh"),
        "biases": _tr("With biases"),
        "classification": _tr("Classification (cross-entropy)"),
    }


def _insert(bar: QMenuBar, index: int, menu: QMenu) -> None:
    """Put ``menu`` at ``index`` of the menu bar (at the end if there are fewer)."""
    actions = bar.actions()
    if index < len(actions):
        bar.insertMenu(actions[index], menu)
    else:
        bar.addMenu(menu)


class FileMenu(QObject):
    """Installs File and Scenario menus on ``window`` and accepts scenario drops."""

    def __init__(self, window: QMainWindow, session, views: ExportViews):
        super().__init__(window)
        self.window = window
        self.files = ScenarioFiles(session, window)
        bar = window.menuBar()
        self.file_menu = QMenu(_tr("&File"), window)
        _insert(bar, 0, self.file_menu)
        m = self.file_menu
        make_action(
            window, _tr("&Open…"), ["Ctrl+O"], self.files.open, _tr("Open a scenario"), menu=m
        )
        self.recent_menu = m.addMenu(_tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        m.addSeparator()
        make_action(
            window, _tr("&Save"), ["Ctrl+S"], self.files.save, _tr("Save the scenario"), menu=m
        )
        make_action(
            window,
            _tr("Save &as…"),
            ["Ctrl+Shift+S"],
            self.files.save_as,
            _tr("Save the scenario under a new name"),
            menu=m,
        )
        m.addSeparator()
        self.export_menu = m.addMenu(_tr("&Export"))
        m.addSeparator()
        make_action(window, _tr("&Quit"), ["Ctrl+Q"], window.close, _tr("Close the window"), menu=m)
        self.scenario_menu = QMenu(_tr("&Scenario"), window)
        _insert(bar, 2, self.scenario_menu)
        for name, title in preset_titles().items():
            make_action(
                window,
                title,
                [],
                lambda _=False, n=name: self.files.load_preset(n),
                _tr("Load this preset (undo brings the previous state back)"),
                menu=self.scenario_menu,
            )
        self.scenario_menu.addSeparator()
        make_action(
            window,
            _tr("&Random from a seed…"),
            [],
            self.files.load_random,
            _tr("Random numbers from a seed you type; the same seed gives the same numbers"),
            menu=self.scenario_menu,
        )
        self.export = ExportMenu(window, self.export_menu, session, views)
        self.files.path_changed.connect(self.retitle)
        session.modified_changed.connect(window.setWindowModified)
        self.retitle()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        central = window.centralWidget()
        if central is not None and hasattr(central, "viewport"):
            central.viewport().installEventFilter(self)

    def retitle(self, *_args) -> None:
        name = self.files.path.name if self.files.path else _tr("untitled")
        self.window.setWindowFilePath(str(self.files.path) if self.files.path else "")
        self.window.setWindowTitle(_tr("%1[*] — CNN Backprop Visualizer").replace("%1", name))
        self.window.setWindowModified(self.files.session.modified)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self._dropped_path(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            path = self._dropped_path(event)
            if path is not None:
                event.acceptProposedAction()
                if self.files.maybe_save():
                    self.files.load_path(path)
                return True
        return False

    @staticmethod
    def _dropped_path(event) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
                return Path(url.toLocalFile())
        return None
