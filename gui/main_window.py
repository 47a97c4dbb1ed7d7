"""The main window: the diagram in the middle, panels around it, menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from .descent.panel import install_descent
from .diagram import DiagramScene, DiagramView
from .files.menu import FileMenu
from .lecture.install import install_lecture
from .panels.derivation import add_derivation_dock
from .panels.paths import PathsPanel
from .state.session import Session
from .support.language import LanguageMenu
from .support.settings import save_window

TITLE = "CNN Backprop Visualizer"


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr(TITLE))
        self.resize(1280, 720)
        self.scene = DiagramScene(session, self)
        self.view = DiagramView(self.scene)
        self.setCentralWidget(self.view)
        self.paths_panel = PathsPanel(session)
        paths_dock = self._add_dock(
            "Paths", self.tr("Paths"), self.paths_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.derivation = add_derivation_dock(self, session)
        self.tabifyDockWidget(paths_dock, self.derivation.parentWidget())
        paths_dock.raise_()
        self.resizeDocks([paths_dock], [380], Qt.Orientation.Horizontal)
        install_descent(self, session)
        self._build_actions()
        install_lecture(self, session)
        self.file_menu = FileMenu(self, session)
        self.language_menu = LanguageMenu(self, session)

    def closeEvent(self, event) -> None:
        if self.file_menu.files.maybe_save():
            save_window(self)
            event.accept()
        else:
            event.ignore()

    def _add_dock(self, name: str, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # untranslated: saved layouts and lookups use it
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu, text: str, keys, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys:
            seqs = []
            for key in keys if isinstance(keys, (list, tuple)) else [keys]:
                found = (
                    QKeySequence.keyBindings(key)
                    if isinstance(key, QKeySequence.StandardKey)
                    else [QKeySequence(key)]
                )
                seqs += [s for s in found if s not in seqs]  # a duplicate would be ambiguous
            action.setShortcuts(seqs)
            shown = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs)
            action.setToolTip(f"{tip or text} ({shown})")
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([undo, redo])
        view = bar.addMenu(self.tr("&View"))
        self._action(
            view, self.tr("Zoom in"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], self.view.zoom_in
        )
        self._action(
            view,
            self.tr("Zoom out"),
            [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"],
            self.view.zoom_out,
        )
        self._action(view, self.tr("Fit to window"), "Ctrl+0", self.view.fit)
        paths = bar.addMenu(self.tr("&Paths"))
        for k in range(4):
            self._action(
                paths,
                self.tr("Show path {0} alone").format(k + 1),
                str(k + 1),
                lambda _=False, k=k: self.session.select_path(k),
            )
        self._action(
            paths, self.tr("Show all paths"), ["0"], lambda: self.session.select_path(None)
        )
        self._action(paths, self.tr("Nudge check"), "N", self.paths_panel.run_nudge_check)
