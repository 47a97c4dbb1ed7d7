"""The File and Scenario menus, opening a scenario dropped on the window, closing with care.

The verbs live in :class:`gui.files.scenario_files.ScenarioFiles`; this module builds the menus,
keeps the window title in step with the file and its unsaved changes, and accepts drops.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from core import presets

from ..actions import make_action, set_texts
from ..state.session import preset_text
from .export import ExportMenu
from .scenario_files import ScenarioFiles
from .view_export import ExportViews


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
        self._acts: dict[str, QAction] = {}
        self.files = ScenarioFiles(session, window)
        bar = window.menuBar()
        self.file_menu = QMenu(window)
        _insert(bar, 0, self.file_menu)
        m, a = self.file_menu, self._acts
        a["open"] = make_action(window, "", ["Ctrl+O"], self.files.open, menu=m)
        self.recent_menu = m.addMenu("")
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        m.addSeparator()
        a["save"] = make_action(window, "", ["Ctrl+S"], self.files.save, menu=m)
        a["save_as"] = make_action(window, "", ["Ctrl+Shift+S"], self.files.save_as, menu=m)
        m.addSeparator()
        self.export_menu = m.addMenu("")
        m.addSeparator()
        a["quit"] = make_action(window, "", ["Ctrl+Q"], window.close, menu=m)
        self.scenario_menu = QMenu(window)
        _insert(bar, 2, self.scenario_menu)
        self._presets = {name: presets.preset(name) for name in presets.NAMES}
        for name in presets.NAMES:
            load = lambda _=False, n=name: self.files.load_preset(n)  # noqa: E731
            a[name] = make_action(window, "", [], load, menu=self.scenario_menu)
        self.scenario_menu.addSeparator()
        random = self.files.load_random
        a["random"] = make_action(window, "", [], random, menu=self.scenario_menu)
        self.export = ExportMenu(window, self.export_menu, session, views)
        self.files.path_changed.connect(self.retitle)
        session.modified_changed.connect(window.setWindowModified)
        self.retitle()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        central = window.centralWidget()
        if central is not None and hasattr(central, "viewport"):
            central.viewport().installEventFilter(self)

    def retranslate(self) -> None:
        """The menus' texts; a preset shows its translated name, its description on hover."""
        self.file_menu.setTitle(QCoreApplication.translate("FileMenu", "&File"))
        self.recent_menu.setTitle(QCoreApplication.translate("FileMenu", "Open &recent"))
        self.export_menu.setTitle(QCoreApplication.translate("FileMenu", "&Export"))
        self.scenario_menu.setTitle(QCoreApplication.translate("FileMenu", "&Scenario"))
        a = self._acts
        set_texts(
            a["open"],
            QCoreApplication.translate("FileMenu", "&Open…"),
            QCoreApplication.translate("FileMenu", "Open a scenario"),
        )
        set_texts(
            a["save"],
            QCoreApplication.translate("FileMenu", "&Save"),
            QCoreApplication.translate("FileMenu", "Save the scenario"),
        )
        set_texts(
            a["save_as"],
            QCoreApplication.translate("FileMenu", "Save &as…"),
            QCoreApplication.translate("FileMenu", "Save the scenario under a new name"),
        )
        set_texts(
            a["quit"],
            QCoreApplication.translate("FileMenu", "&Quit"),
            QCoreApplication.translate("FileMenu", "Close the window"),
        )
        for name, scenario in self._presets.items():
            set_texts(a[name], preset_text(scenario.name), preset_text(scenario.description))
        set_texts(
            a["random"],
            QCoreApplication.translate("FileMenu", "&Random from a seed…"),
            QCoreApplication.translate(
                "FileMenu",
                "Random numbers from a seed you type; the same seed gives the same numbers",
            ),
        )
        self.export.retranslate()
        self.retitle()

    def retitle(self, *_args) -> None:
        name = (
            self.files.path.name
            if self.files.path
            else QCoreApplication.translate("FileMenu", "untitled")
        )
        self.window.setWindowFilePath(str(self.files.path) if self.files.path else "")
        self.window.setWindowTitle(
            QCoreApplication.translate("FileMenu", "%1[*] — CNN Backprop Visualizer").replace(
                "%1", name
            )
        )
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
