"""Presenter mode: full screen, high contrast, one zoom for every font and the diagram.

Entering hides the editing chrome (menu bar, descent toolbars) but keeps the walkthrough's
narration bar; every menu action keeps its shortcut. Leaving restores exactly what was there:
geometry, window state, docks and toolbars, fonts and zoom factors.
"""

from __future__ import annotations

from typing import Protocol, TypedDict

import pyqtgraph as pg
from PySide6.QtCore import QByteArray, QObject, QRect, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from ..actions import make_action
from ..look.appearance import Appearance
from ..look.palette import FONT_PT
from .spotlight import Spotlight
from .walkthrough import WalkthroughController

FONT_BOOST = 1.4  # presenter fonts at zoom 1, against the window's own


class Zoomable(Protocol):
    """A view presenter mode scales: the diagram, the derivation."""

    def zoom(self) -> float: ...

    def set_zoom(self, zoom: float) -> None: ...


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
        diagram: Zoomable,
        derivation: Zoomable,
        walkthrough: WalkthroughController | None = None,
    ):
        super().__init__(window)
        self._walkthrough = walkthrough
        self._window = window
        self._diagram = diagram
        self._derivation = derivation
        self.appearance = appearance
        self._saved: _Saved | None = None
        self._borrowed: list[QAction] = []
        self._disabled: list[QAction] = []
        self.spotlight = Spotlight(window)
        self.toggle = make_action(
            window,
            self.tr("Presenter mode"),
            ["F5"],
            self._toggle,
            self.tr("Full screen, high contrast, large type; Escape leaves"),
            checkable=True,
        )
        self.zoom_in = make_action(
            window,
            self.tr("Presenter zoom in"),
            ["Ctrl+=", "Ctrl++"],
            appearance.zoom_in,
            self.tr("Larger type and diagram in presenter mode"),
        )
        self.zoom_out = make_action(
            window,
            self.tr("Presenter zoom out"),
            ["Ctrl+-"],
            appearance.zoom_out,
            self.tr("Smaller type and diagram in presenter mode"),
        )
        self.spot = make_action(
            window,
            self.tr("Cursor spotlight"),
            ["L"],
            lambda on: appearance.set_spotlight(on),
            self.tr("A large ring follows the mouse pointer"),
            checkable=True,
        )
        menu = window.menuBar().addMenu(self.tr("&Present"))
        for a in (self.toggle, self.zoom_in, self.zoom_out, self.spot):
            menu.addAction(a)
        menu.addMenu(appearance.menu)
        self.menu = menu
        appearance.changed.connect(self._apply)
        self._apply()

    @property
    def active(self) -> bool:
        return self._saved is not None

    def _toggle(self, on: bool) -> None:
        self.enter() if on else self.leave()

    def _mine(self) -> set[QAction]:
        return {self.zoom_in, self.zoom_out}

    def enter(self) -> None:
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
        w.setGeometry(w.screen().geometry())  # where no window manager honours full screen
        w.showFullScreen()
        self.toggle.setChecked(True)
        self.appearance.set_presenter(True)

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
        w.menuBar().setVisible(saved["menubar"])
        w.setWindowState(saved["window_state"])
        w.restoreState(saved["state"])
        w.restoreGeometry(saved["geometry"])
        if saved["window_state"] == Qt.WindowState.WindowNoState:
            w.setGeometry(saved["rect"])  # restoreGeometry alone can drift by the frame
        self._diagram.set_zoom(saved["diagram"])
        self._derivation.set_zoom(saved["derivation"])
        self._zoom_plots(1.0)
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
        font = QFont(saved["font"])
        font.setPointSizeF(saved["font"].pointSizeF() * scale)
        w.setFont(font)
        self._diagram.set_zoom(a.zoom)
        if self._derivation.zoom() != scale:
            self._derivation.set_zoom(scale)
        self._zoom_plots(scale)

    def _zoom_plots(self, scale: float) -> None:
        pt = FONT_PT * scale
        for plot in self._window.findChildren(pg.PlotWidget):
            item = plot.getPlotItem()
            font = QFont()
            font.setPointSizeF(pt)
            for side in ("left", "bottom", "right"):
                axis = item.getAxis(side)
                axis.setTickFont(font)
                if axis.labelText:
                    style = {**axis.labelStyle, "font-size": f"{pt:.1f}pt"}
                    axis.setLabel(axis.labelText, axis.labelUnits, axis.labelUnitPrefix, **style)
            title = item.titleLabel
            title.setText(title.text, size=f"{pt + 1:.1f}pt")
