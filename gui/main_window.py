"""The main window: it builds every part, hands each its collaborators, and lays them out.

The diagram is in the middle; the paths, the derivation and the quiz share a dock on the
right; the descent plots are in a dock at the bottom; the menus and toolbars hold every action
(all made by :func:`gui.actions.make_action`). No part looks another up through the window:
what a part needs, it is given here.

Escape has one meaning at a time, the innermost mode first: it leaves the walkthrough, else
presenter mode, else it shows every path again (the Paths menu's "Show all paths"). In a
typing field, Enter and Escape hand the keyboard back to the diagram (``support/field_keys``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from .actions import Keys, make_action
from .descent.controls import DescentControls
from .descent.panel import DescentPanel
from .diagram import DiagramScene, DiagramView
from .files.menu import FileMenu
from .files.view_export import ExportViews
from .lecture.presenter import Presenter
from .lecture.walkthrough import WalkthroughController
from .look.appearance import Appearance
from .panels.derivation import DerivationPanel
from .panels.paths import PathsPanel
from .panels.quiz import QuizPanel
from .state.session import Session
from .support import settings
from .support.field_keys import FieldKeys
from .support.language import LanguageMenu
from .support.settings import save_window
from .support.shortcuts_dialog import add_help_menu

TITLE = "CNN Backprop Visualizer"
RIGHT, BOTTOM = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea


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
        self.derivation = DerivationPanel(session)
        self.addAction(self.derivation.copy_action)
        self.quiz = QuizPanel(session)
        paths = self._dock("Paths", self.tr("Paths"), self.paths_panel, RIGHT)
        derivation = self._dock("derivationDock", self.derivation.title(), self.derivation, RIGHT)
        quiz = self._dock("quiz_dock", self.quiz.title(), self.quiz, RIGHT)
        self.tabifyDockWidget(paths, derivation)
        self.tabifyDockWidget(derivation, quiz)
        paths.raise_()
        self.resizeDocks([paths], [380], Qt.Orientation.Horizontal)

        self.descent_controls = DescentControls(self, session)
        self.descent_panel = DescentPanel(session)
        descent = self._dock("descent_dock", self.descent_panel.title(), self.descent_panel, BOTTOM)
        descent.setMinimumHeight(200)
        self.resizeDocks([descent], [250], Qt.Orientation.Vertical)

        self._edit_and_view_menus()
        self.walkthrough = WalkthroughController(self, session)
        c = self.descent_controls
        self.walkthrough.share_keys_with([c.play, c.back, c.step, c.reset], self.derivation)
        self._quiz_actions(quiz)
        self.appearance = Appearance(self, [self.scene, self.descent_panel])
        self.presenter = Presenter(
            self, self.appearance, self.view, self.derivation, self.walkthrough
        )
        self.escape_action = make_action(
            self,
            self.tr("Leave / show all paths"),
            ["Esc"],
            self._escape,
            self.tr("Leave the walkthrough, then presenter mode; else show every path"),
        )
        self.shortcuts_action = add_help_menu(self)
        p = self.descent_panel
        self.export_views = ExportViews(
            self.scene,
            {
                "loss-curve": p.curve.widget,
                "loss-step": p.loss.widget,
                "value-step": p.value.widget,
            },
        )
        self.file_menu = FileMenu(self, session, self.export_views)
        self.language_menu = LanguageMenu(self, session, self.file_menu.retitle)
        settings.report_to(self.say)
        self.field_keys = FieldKeys(self)

    def say(self, message: str) -> None:
        """Show a note in the status bar (a newer one joins one still on show)."""
        bar = self.statusBar()  # made on the first note; hidden again when the note times out
        if not bar.property("notes"):
            bar.setProperty("notes", True)
            bar.messageChanged.connect(lambda text: bar.setVisible(bool(text)))
        shown = bar.currentMessage()
        bar.showMessage(f"{shown}  {message}" if shown else message, 20_000)
        bar.setVisible(True)

    def closeEvent(self, event) -> None:
        if self.file_menu.files.maybe_save():
            save_window(self)
            event.accept()
        else:
            event.ignore()

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # untranslated: saved layouts use it
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _escape(self) -> None:
        if self.session.snapshot.walk is not None:
            self.session.lecture.stop_walkthrough()
        elif self.presenter.active:
            self.presenter.leave()
        else:
            self.session.select_path(None)

    def _edit_and_view_menus(self) -> None:
        bar = self.menuBar()
        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([undo, redo])
        edit.addSeparator()
        make_action(
            self,
            self.tr("Start from here"),
            ["Ctrl+Shift+B"],
            self.session.descent.start_from_here,
            self.tr("Make the values of the step on show the scenario's starting values"),
            menu=edit,
        )
        view = bar.addMenu(self.tr("&View"))
        zoom_in: Keys = [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        make_action(self, self.tr("Zoom in"), zoom_in, self.view.zoom_in, menu=view)
        zoom_out: Keys = [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"]
        make_action(self, self.tr("Zoom out"), zoom_out, self.view.zoom_out, menu=view)
        make_action(self, self.tr("Fit to window"), ["Ctrl+0"], self.view.fit, menu=view)
        paths = bar.addMenu(self.tr("&Paths"))
        for k in range(4):
            make_action(
                self,
                self.tr("Show path {0} alone").format(k + 1),
                [str(k + 1)],
                lambda _=False, k=k: self.session.select_path(k),
                menu=paths,
            )
        all_paths = self.tr("Show all paths")
        make_action(self, all_paths, ["0"], lambda: self.session.select_path(None), menu=paths)
        nudge = self.paths_panel.run_nudge_check
        make_action(self, self.tr("Nudge check"), ["N"], nudge, menu=paths)

    def _quiz_actions(self, dock: QDockWidget) -> None:
        menu = self.walkthrough.menu
        menu.addSeparator()
        for text, key, slot, tip in (
            (self.tr("Quiz"), "Q", dock.raise_, self.tr("Show the quiz")),
            (self.tr("Hide every quiz value"), "Ctrl+Shift+H", self.quiz.hide_all, ""),
            (
                self.tr("Reveal every quiz value"),
                "Ctrl+Shift+R",
                self.session.lecture.reveal_all,
                "",
            ),
        ):
            make_action(self, text, [key], slot, tip or text, menu=menu)
