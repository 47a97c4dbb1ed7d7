"""The derivation enlarged: it takes the place of the plots, so a room can read it.

One checkable action (key D, View menu) hides the plots' dock, raises the derivation's tab and
widens its dock to most of the window; unchecking puts the plots and the width back as they
were.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from ..actions import make_action, set_texts

SHARE = 0.62  # of the window's width, for the enlarged derivation


class Enlarger(QObject):
    """Toggles the derivation's dock between its own size and the plots' place."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, plots: QDockWidget, menu: QMenu):
        super().__init__(window)
        self._window, self._dock, self._plots = window, dock, plots
        self._before: tuple[bool, int] | None = None  # plots shown, dock width: to restore
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

    def set_enlarged(self, on: bool) -> None:
        if on == self.enlarged:
            return
        w = self._window
        if on:
            self._before = (self._plots.isVisible(), self._dock.width())
            self._plots.hide()
            self._dock.show()
            self._dock.raise_()
            w.resizeDocks([self._dock], [int(w.width() * SHARE)], Qt.Orientation.Horizontal)
        else:
            assert self._before is not None
            shown, width = self._before
            self._before = None
            self._plots.setVisible(shown)
            w.resizeDocks([self._dock], [width], Qt.Orientation.Horizontal)
        self.action.setChecked(on)
