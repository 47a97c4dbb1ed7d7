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

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from .actions import Keys, make_action, set_texts
from .descent.controls import DescentControls
from .descent.panel import DescentPanel
from .diagram import DiagramScene, DiagramView
from .diagram.network_menu import NetworkMenu
from .diagram.values import ValuesPanel
from .files.autosave import Autosave
from .files.menu import FileMenu
from .files.view_export import ExportViews
from .lecture.presenter import Presenter
from .lecture.walkthrough import WalkthroughController
from .look.appearance import Appearance
from .panels.derivation import DerivationPanel
from .panels.enlarge import Enlarger
from .panels.paths import PathsPanel
from .panels.quiz import QuizPanel
from .state.session import Session
from .support import language, settings
from .support.deferred import DeferredPanel
from .support.field_keys import FieldKeys
from .support.language import LanguageMenu
from .support.panel_cycle import PanelCycling
from .support.screen_fit import keep_on_screen
from .support.settings import save_window
from .support.shortcuts_dialog import HelpMenu
from .support.undo_actions import UndoActions

TITLE = "CNN Backprop Visualizer"
RIGHT, BOTTOM = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr(TITLE))
        self._menus: dict[str, QMenu] = {}
        self._acts: dict[str, QAction] = {}
        self._docks: dict[str, QDockWidget] = {}
        self.resize(1280, 720)
        self.scene = DiagramScene(session, self)
        self.view = DiagramView(self.scene)
        self.setCentralWidget(self.view)

        self.paths_panel = PathsPanel(session)
        self.derivation = DerivationPanel(session)
        self.addAction(self.derivation.copy_action)
        paths = self._dock("Paths", self.tr("Paths"), self.paths_panel, RIGHT)
        derivation = self._dock("derivationDock", self.derivation.title(), self.derivation, RIGHT)
        derivation.visibilityChanged.connect(self.derivation.seen)
        # behind the Paths tab at start: made when its tab first comes to the front
        quiz = self._dock("quiz_dock", QuizPanel.title(), None, RIGHT)
        self._quiz = DeferredPanel(
            quiz, lambda: self._seen_by(quiz, QuizPanel(session)), self._adopt
        )
        # made now, though behind a tab too: the text alternative to the diagram, which a
        # screen reader finds in the window from the start
        self.values = ValuesPanel(session)
        values = self._dock("values_dock", self.values.title(), self.values, RIGHT)
        values.visibilityChanged.connect(self.values.seen)
        self.tabifyDockWidget(paths, derivation)
        self.tabifyDockWidget(derivation, quiz)
        self.tabifyDockWidget(quiz, values)
        paths.raise_()
        self.resizeDocks([paths], [380], Qt.Orientation.Horizontal)

        self.descent_controls = DescentControls(self, session)
        self.descent_panel = DescentPanel(session)
        descent = self._dock("descent_dock", self.descent_panel.title(), self.descent_panel, BOTTOM)
        descent.setMinimumHeight(200)
        self.resizeDocks([descent], [250], Qt.Orientation.Vertical)

        view_menu = self._edit_and_view_menus()
        self.enlarger = Enlarger(self, derivation, descent, view_menu)
        self.walkthrough = WalkthroughController(self, session)
        c = self.descent_controls
        self.walkthrough.share_keys_with([c.play, c.back, c.step, c.reset], self.derivation)
        self._quiz_actions(quiz)
        self.appearance = Appearance(self, [self.scene, self.descent_panel, self.derivation])
        self.presenter = Presenter(
            self, self.appearance, self.view, self.derivation, self.descent_panel, self.walkthrough
        )
        self.escape_action = make_action(self, "", ["Esc"], self._escape)
        self.help_menu = HelpMenu(self)
        self.shortcuts_action = self.help_menu.shortcuts
        self.panel_cycling = PanelCycling(self)
        p = self.descent_panel
        self.export_views = ExportViews(
            self.scene,
            {
                "loss-curve": lambda: p.curve.widget,
                "loss-step": lambda: p.loss.widget,
                "value-step": lambda: p.value.widget,
                "landscape": lambda: p.landscape.view,
            },
        )
        self.file_menu = FileMenu(self, session, self.export_views)
        self.autosave = Autosave(session, self.file_menu.files, self.say)
        self.network_menu = NetworkMenu(self, session, self.say)
        self.language_menu = LanguageMenu(self, session, self.file_menu.retitle)
        settings.report_to(self.say)
        self.field_keys = FieldKeys(self)
        self.descent_panel.built.connect(self._adopt)
        self._retranslated: list[Any] = [  # the parts that are not widgets, retranslated from here
            self.undo_actions,
            self.descent_controls,
            self.enlarger,
            self.walkthrough,
            self.appearance,
            self.presenter,
            self.help_menu,
            self.panel_cycling,
            self.file_menu,
            self.language_menu,
            self.network_menu,
            self.scene,
        ]
        self.retranslate()
        self._default_layout = self.saveState()  # before any saved layout is restored

    @property
    def quiz(self) -> QuizPanel:
        """The quiz panel (made now if its tab has not been in front yet)."""
        return self._quiz.get()

    @staticmethod
    def _seen_by(dock: QDockWidget, panel):
        """``panel``, catching up whenever ``dock``'s tab comes to the front."""
        dock.visibilityChanged.connect(panel.seen)
        return panel

    def _adopt(self, part: QWidget) -> None:
        """A part built after the window, when first shown: its controls drawn in the theme
        and handing the keyboard back on Enter and Escape, as the window's own do."""
        self.appearance.style(part)
        self.field_keys.watch(part)
        self.presenter.adopt(part)  # in presenter mode's type, if it is on

    def fit_to_screen(self) -> None:
        """Keep the window, title bar and frame included, inside its screen's available area
        (a projector is often only 1280x720): now, and again once the frame is known."""
        keep_on_screen(self)

    def say(self, message: str) -> None:
        """Show a note in the status bar (a newer one joins one still on show)."""
        bar = self.statusBar()  # made on the first note; hidden again when the note times out
        if not bar.property("notes"):
            bar.setProperty("notes", True)
            bar.messageChanged.connect(lambda text: bar.setVisible(bool(text)))
        shown = bar.currentMessage()
        bar.showMessage(f"{shown}  {message}" if shown else message, 20_000)
        bar.setVisible(True)

    def default_layout(self) -> None:
        """Every dock and toolbar back in its first-start place, shown."""
        self.restoreState(self._default_layout)
        for dock in self.findChildren(QDockWidget):
            dock.setFloating(False)

    def terminated(self) -> None:
        """SIGTERM (a logout): keep the work aside first, then close as the person would."""
        self.autosave.save_now()
        self.close()

    def closeEvent(self, event) -> None:
        if self.file_menu.files.maybe_save():
            self.autosave.discard()  # saved, or discarded on purpose
            save_window(self)
            event.accept()
        else:
            event.ignore()

    def _panel_key(self, dock: QDockWidget) -> None:
        """View > Panels (Alt+1..5): show a closed panel, bring forward one behind another's
        tab (presenter mode on a 4:3 screen tabs them under the diagram), close one in view."""
        behind = not dock.isFloating() and not self.rect().intersects(dock.geometry())
        if dock.isHidden():
            dock.show()
            dock.raise_()
        elif behind:  # Qt lays a tab that is not in front out beyond the window's edge
            dock.raise_()
        else:
            dock.close()
        dock.toggleViewAction().setChecked(not dock.isHidden())

    def _dock(self, name: str, title: str, widget: QWidget | None, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # untranslated: saved layouts use it
        self._docks[name] = dock
        if widget is not None:
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

    def _edit_and_view_menus(self) -> QMenu:
        bar, a = self.menuBar(), self._acts
        edit = self._menus["edit"] = bar.addMenu("")
        self.undo_actions = UndoActions(self, self.session.undo_stack, edit)
        edit.addSeparator()
        here = self.session.descent.start_from_here
        a["here"] = make_action(self, "", ["Ctrl+Shift+B"], here, menu=edit)
        view = self._menus["view"] = bar.addMenu("")
        zoom_in: Keys = [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        a["zoom_in"] = make_action(self, "", zoom_in, self.view.zoom_in, menu=view)
        zoom_out: Keys = [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"]
        a["zoom_out"] = make_action(self, "", zoom_out, self.view.zoom_out, menu=view)
        a["fit"] = make_action(self, "", ["Ctrl+0"], self.view.fit, menu=view)
        view.addSeparator()
        panels = self._menus["panels"] = view.addMenu("")  # brings back a closed panel
        order = ["Paths", "derivationDock", "quiz_dock", "descent_dock", "values_dock"]
        docks = sorted(self.findChildren(QDockWidget), key=lambda d: order.index(d.objectName()))
        toggles = [d.toggleViewAction() for d in docks]
        for dock, toggle in zip(docks, toggles):
            toggle.triggered.disconnect()  # Qt's own would close a panel behind another's tab
            toggle.triggered.connect(lambda _=False, d=dock: self._panel_key(d))
        toggles += [t.toggleViewAction() for t in self.findChildren(QToolBar)]
        for k, toggle in enumerate(toggles):
            toggle.setShortcut(QKeySequence(f"Alt+{k + 1}"))
            panels.addAction(toggle)
            self.addAction(toggle)  # works with the menu bar hidden (presenter mode) too
        panels.addSeparator()
        a["restore"] = make_action(self, "", ["Alt+0"], self.default_layout, menu=panels)
        paths = self._menus["paths"] = bar.addMenu("")
        for k in range(4):
            show_k = lambda _=False, k=k: self.session.select_path(k)  # noqa: E731
            a[f"path{k}"] = make_action(self, "", [str(k + 1)], show_k, menu=paths)
        all_paths = lambda: self.session.select_path(None)  # noqa: E731
        a["all_paths"] = make_action(self, "", ["0"], all_paths, menu=paths)
        nudge = self.paths_panel.run_nudge_check
        a["nudge"] = make_action(self, "", ["N"], nudge, menu=paths)
        return view

    def _quiz_actions(self, dock: QDockWidget) -> None:
        menu, a = self.walkthrough.menu, self._acts
        menu.addSeparator()
        a["quiz"] = make_action(self, "", ["Q"], dock.raise_, menu=menu)
        hide_all = lambda: self.quiz.hide_all()  # noqa: E731
        a["hide_all"] = make_action(self, "", ["Ctrl+Shift+H"], hide_all, menu=menu)
        reveal = self.session.lecture.reveal_all
        a["reveal_all"] = make_action(self, "", ["Ctrl+Shift+R"], reveal, menu=menu)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if language.changed(event):
            self.retranslate()
            self.session.redraw()  # the texts computed from the state, drawn anew

    def retranslate(self) -> None:
        """The window's own texts, and those of its parts that are not widgets."""
        for key, title in (
            ("edit", self.tr("&Edit")),
            ("view", self.tr("&View")),
            ("panels", self.tr("Panels")),
            ("paths", self.tr("&Paths")),
        ):
            self._menus[key].setTitle(title)
        a = self._acts
        set_texts(
            a["here"],
            self.tr("Start from here"),
            self.tr("Make the values of the step on show the scenario's starting values"),
        )
        set_texts(a["zoom_in"], self.tr("Zoom in"))
        set_texts(a["zoom_out"], self.tr("Zoom out"))
        set_texts(a["fit"], self.tr("Fit to window"))
        set_texts(
            a["restore"],
            self.tr("Default layout"),
            self.tr("Every panel and toolbar back where it was at the first start"),
        )
        for k in range(4):
            set_texts(a[f"path{k}"], self.tr("Show path {0} alone").format(k + 1))
        set_texts(a["all_paths"], self.tr("Show all paths"))
        set_texts(a["nudge"], self.tr("Nudge check"))
        set_texts(a["quiz"], self.tr("Quiz"), self.tr("Show the quiz"))
        set_texts(a["hide_all"], self.tr("Hide every quiz value"))
        set_texts(a["reveal_all"], self.tr("Reveal every quiz value"))
        set_texts(
            self.escape_action,
            self.tr("Leave / show all paths"),
            self.tr("Leave the walkthrough, then presenter mode; else show every path"),
        )
        self._docks["Paths"].setWindowTitle(self.tr("Paths"))
        for name, part in (
            ("derivationDock", self.derivation),
            ("quiz_dock", QuizPanel),
            ("values_dock", self.values),
            ("descent_dock", self.descent_panel),
        ):
            self._docks[name].setWindowTitle(part.title())
        self.session.retranslate_history()
        for other in self._retranslated:
            other.retranslate()
