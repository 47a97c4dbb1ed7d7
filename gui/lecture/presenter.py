"""Presenter mode: full screen, high contrast, one zoom for every font and the diagram.

Entering hides the editing chrome (menu bar, descent toolbars) but keeps the walkthrough's
narration bar; every menu action keeps its shortcut. Leaving restores exactly what was there:
geometry, window state, docks and toolbars, fonts and zoom factors.
"""

from __future__ import annotations

from typing import Protocol, TypedDict

from PySide6.QtCore import QByteArray, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QToolBar,
    QWidget,
)

from ..actions import make_action, set_texts
from ..look.appearance import Appearance
from .presenter_layout import (
    FONT_BOOST,
    NARROW,
    own_type,
    panels,
    panels_under_the_diagram,
    share_out,
    sized,
    zoom_type,
)
from .spotlight import Spotlight
from .walkthrough import WalkthroughController


class Zoomable(Protocol):
    """A view presenter mode scales: the diagram, the derivation, the plots."""

    def zoom(self) -> float: ...

    def set_zoom(self, zoom: float) -> None: ...


class DiagramZoom(Zoomable, Protocol):
    """The diagram: in presenter mode its zoom keeps the lit paths on screen."""

    def set_keep_focus(self, on: bool) -> None: ...


class _Saved(TypedDict):
    """What presenter mode changes, as it was before: leaving restores it."""

    geometry: QByteArray
    rect: QRect
    state: QByteArray
    window_state: Qt.WindowState
    menubar: bool
    font: QFont
    diagram: float
    derivation: float


def _menu_actions(menu: QMenu) -> list[QAction]:
    out: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        out += _menu_actions(sub) if isinstance(sub, QMenu) else [action]
    return out


class Presenter(QObject):
    """F5 enters, Escape (through the window's one Escape action) or F5 leaves."""

    def __init__(
        self,
        window: QMainWindow,
        appearance: Appearance,
        diagram: DiagramZoom,
        derivation: Zoomable,
        plots: Zoomable,
        walkthrough: WalkthroughController | None = None,
    ):
        super().__init__(window)
        self._walkthrough = walkthrough
        self._window = window
        self._diagram = diagram
        self._derivation = derivation
        self._plots = plots
        self.appearance = appearance
        self._saved: _Saved | None = None
        self._borrowed: list[QAction] = []
        self._disabled: list[QAction] = []
        self.spotlight = Spotlight(window)
        self.toggle = make_action(
            window,
            "",
            ["F5"],
            self._toggle,
            checkable=True,
        )
        self.zoom_in = make_action(
            window,
            "",
            ["Ctrl+=", "Ctrl++"],
            appearance.zoom_in,
        )
        self.zoom_out = make_action(
            window,
            "",
            ["Ctrl+-"],
            appearance.zoom_out,
        )
        self.fit = make_action(
            window,
            "",
            ["Ctrl+0"],
            self.fit_all,
        )
        self.spot = make_action(
            window,
            "",
            ["L"],
            lambda on: appearance.set_spotlight(on),
            checkable=True,
        )
        menu = window.menuBar().addMenu("")
        for a in (self.toggle, self.zoom_in, self.zoom_out, self.fit, self.spot):
            menu.addAction(a)
        menu.addMenu(appearance.menu)
        self.menu = menu
        appearance.changed.connect(self._apply)
        self.retranslate()
        self._apply()

    def retranslate(self) -> None:
        set_texts(
            self.toggle,
            self.tr("Presenter mode"),
            self.tr("Full screen, high contrast, large type; Escape leaves"),
        )
        set_texts(
            self.zoom_in,
            self.tr("Presenter zoom in"),
            self.tr("Larger type and diagram in presenter mode"),
        )
        set_texts(
            self.zoom_out,
            self.tr("Presenter zoom out"),
            self.tr("Smaller type and diagram in presenter mode"),
        )
        set_texts(
            self.fit,
            self.tr("Presenter fit"),
            self.tr("Back to zoom 1: the whole diagram, the plots and the panels on screen"),
        )
        set_texts(
            self.spot,
            self.tr("Cursor spotlight"),
            self.tr("A large ring follows the mouse pointer"),
        )
        self.menu.setTitle(self.tr("&Present"))

    @property
    def active(self) -> bool:
        return self._saved is not None

    def _toggle(self, on: bool) -> None:
        self.enter() if on else self.leave()

    def adopt(self, part: QWidget) -> None:
        """A panel built after presenter mode began (its tab first brought forward) takes the
        zoom's type as the panels built before it."""
        if self.active:
            self._zoom_type(part)

    def _zoom_type(self, widget: QWidget) -> None:
        if self._saved is not None:
            zoom_type(widget, self._saved["font"].pointSizeF() * FONT_BOOST, self.appearance.zoom)

    def _mine(self) -> set[QAction]:
        return {self.zoom_in, self.zoom_out, self.fit}

    def enter(self, screen: QRect | None = None) -> None:
        """Fill the window's screen, or ``screen`` (a rectangle standing for one: a projector
        rendered offscreen), in presenter mode."""
        if self.active:
            return
        w = self._window
        self._saved = {
            "geometry": w.saveGeometry(),
            "rect": w.geometry(),
            "state": w.saveState(),
            "window_state": w.windowState(),
            "menubar": w.menuBar().isVisible(),
            "font": QFont(w.font()),
            "diagram": self._diagram.zoom(),
            "derivation": self._derivation.zoom(),
        }
        keys = {s for a in self._mine() for s in a.shortcuts()}
        self._disabled = [
            a
            for a in w.findChildren(QAction)
            if a not in self._mine() and a.isEnabled() and keys & set(a.shortcuts())
        ]
        for a in self._disabled:  # the diagram-only zoom gives its keys to the presenter's
            a.setEnabled(False)
        own = set(w.actions())
        for menu in w.menuBar().findChildren(QMenu):
            for a in _menu_actions(menu):
                if a not in own and not a.shortcut().isEmpty():
                    w.addAction(a)  # a hidden menu bar's shortcuts would go dead
                    self._borrowed.append(a)
                    own.add(a)
        w.menuBar().hide()
        walk_bar = None if self._walkthrough is None else self._walkthrough.bar
        for bar in w.findChildren(QToolBar):
            if bar is not walk_bar:
                bar.hide()
        if screen is None:
            w.setGeometry(w.screen().geometry())  # where no window manager honours full screen
            w.showFullScreen()
        else:
            w.setGeometry(screen)
        self.toggle.setChecked(True)
        self._diagram.set_keep_focus(True)
        self.appearance.set_presenter(True)
        rect = screen if screen is not None else w.screen().geometry()
        if rect.width() < NARROW * rect.height():
            panels_under_the_diagram(self._window)
        self._lay_out_docks()

    def fit_all(self) -> None:
        """Ctrl+0 in presenter mode: zoom 1, where the diagram, plots and panels all fit."""
        self.appearance.set_zoom(1.0)
        self._diagram.set_zoom(1.0)
        self._lay_out_docks()

    def _lay_out_docks(self) -> None:
        if self.active:
            share_out(self._window)

    def leave(self) -> None:
        saved = self._saved
        if saved is None:
            return
        self._saved = None
        w = self._window
        self.appearance.set_presenter(False)
        for a in self._borrowed:
            w.removeAction(a)
        self._borrowed = []
        for a in self._disabled:
            a.setEnabled(True)
        self._disabled = []
        w.setFont(saved["font"])
        if self._walkthrough is not None:
            self._walkthrough.text.set_base(None)
        for widget in panels(self._window):
            own_type(widget)
        w.menuBar().setVisible(saved["menubar"])
        w.setWindowState(saved["window_state"])
        w.restoreState(saved["state"])
        w.restoreGeometry(saved["geometry"])
        if saved["window_state"] == Qt.WindowState.WindowNoState:
            w.setGeometry(saved["rect"])  # restoreGeometry alone can drift by the frame
        self._diagram.set_keep_focus(False)
        self._diagram.set_zoom(saved["diagram"])
        self._derivation.set_zoom(saved["derivation"])
        self._plots.set_zoom(1.0)
        if self._walkthrough is not None:  # its bar follows the walkthrough, not the layout
            self._walkthrough.show_state(self._walkthrough.session.snapshot)
        self.toggle.setChecked(False)

    # -- applying the zoom ------------------------------------------------------------------
    def _apply(self) -> None:
        a = self.appearance
        self.spotlight.set_on(a.spotlight)
        self.spot.setChecked(a.spotlight)
        for action in self._mine():
            action.setEnabled(self.active)
        saved = self._saved
        if saved is None:
            return
        w, scale = self._window, FONT_BOOST * a.zoom
        base = saved["font"].pointSizeF()
        # the zoom enlarges what the room reads; tabs and titles stay as at zoom 1, so they
        # keep their words whole and take no room from the diagram and the plots
        w.setFont(sized(saved["font"], base * FONT_BOOST))
        for widget in panels(self._window):
            self._zoom_type(widget)
        if self._walkthrough is not None:
            self._walkthrough.text.set_base(sized(QFont(), base * scale))
        self._diagram.set_zoom(a.zoom)
        if self._derivation.zoom() != scale:
            self._derivation.set_zoom(scale)
        self._plots.set_zoom(scale)
        QTimer.singleShot(0, self._lay_out_docks)  # once the panels know their new least sizes
