"""The derivation enlarged: it takes the place of the plots, so a room can read it.

One checkable action (key D, View menu) hides the plots' dock, raises the derivation's tab and
widens its dock to most of the window; unchecking puts the plots and the width back as they
were.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from ..actions import make_action, set_texts
from ..support.behind import behind_a_tab

SHARE = 0.62  # of the window's width, for the enlarged derivation


class Enlarger(QObject):
    """Toggles the derivation's dock between its own size and the plots' place."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, plots: QDockWidget, menu: QMenu):
        super().__init__(window)
        self._window, self._dock, self._plots = window, dock, plots
        self._before: tuple[bool, int] | None = None  # plots shown, dock size: to restore
        self.action = make_action(window, "", ["D"], self.set_enlarged, checkable=True, menu=menu)
        self.retranslate()

    def retranslate(self) -> None:
        set_texts(
            self.action,
            self.tr("Enlarge the derivation"),
            self.tr("Let the derivation take the place of the plots (again: give it back)"),
        )

    @property
    def enlarged(self) -> bool:
        return self._before is not None

    def _shown_size(self, across: bool) -> int:
        """The size of the dock's place as on show: a dock behind another's tab is laid out
        off the window at its own least size; the one in front has the place's size."""
        group = [self._dock, *self._window.tabifiedDockWidgets(self._dock)]
        front = next((d for d in group if d.isVisible() and not behind_a_tab(d)), self._dock)
        return front.width() if across else front.height()

    def set_enlarged(self, on: bool) -> None:
        if on == self.enlarged:
            return
        w = self._window
        # beside the diagram it grows in width; under it (a 4:3 presenter screen) in height
        across = w.dockWidgetArea(self._dock) != Qt.DockWidgetArea.BottomDockWidgetArea
        way = Qt.Orientation.Horizontal if across else Qt.Orientation.Vertical
        if on:
            size = self._shown_size(across)
            self._before = (self._plots.isVisible(), size)
            self._plots.hide()
            self._dock.show()
            self._dock.raise_()
            whole = w.width() if across else w.height()
            w.resizeDocks([self._dock], [int(whole * SHARE)], way)
        else:
            assert self._before is not None
            shown, size = self._before
            self._before = None
            self._plots.setVisible(shown)
            if shown:
                self._plots.raise_()  # in front again where the two share a tab bar
            w.resizeDocks([self._dock], [size], way)
        self.action.setChecked(on)
