"""A dock's panel built when its tab first comes to the front, or when first asked for.

A panel in a dock tab behind another is not on screen at the window's first paint, and
building it then only delays that paint. Its dock holds an empty place until the panel is
on show (the dock's ``visibilityChanged`` while it is not behind another tab: Qt says a dock
is shown at the window's first show even behind a tab) or something asks for it (a menu
command, an export, a test). The panel is then made, in the language of that moment and
showing the current snapshot, handed to ``adopt`` (the window draws its controls in the
theme on show), then put in the dock and laid out before the next paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QDockWidget, QWidget

from .behind import behind_a_tab

P = TypeVar("P", bound=QWidget)


class DeferredPanel(Generic[P]):
    """The panel of ``dock``, made by ``make`` on first show or first :meth:`get`."""

    def __init__(self, dock: QDockWidget, make: Callable[[], P], adopt: Callable[[QWidget], None]):
        self._dock, self._make, self._adopt = dock, make, adopt
        self._panel: P | None = None
        self._place = QWidget()  # the dock's content until the panel is made
        dock.setWidget(self._place)
        dock.visibilityChanged.connect(self._shown)

    @property
    def built(self) -> bool:
        return self._panel is not None

    def _shown(self, visible: bool) -> None:
        if visible and self._panel is None and not behind_a_tab(self._dock):
            self.get()

    def get(self) -> P:
        """The panel, made now if it was not yet."""
        if self._panel is None:
            panel = self._panel = self._make()
            self._adopt(panel)  # styled before it is first laid out: sized as it stays
            dock = self._dock
            dock.setWidget(panel)
            self._place.deleteLater()
            if dock.isVisible():
                panel.show()  # now, not on the next pass of the event loop: painted at once
                layout = dock.layout()
                if layout is not None:
                    layout.activate()
        return self._panel
