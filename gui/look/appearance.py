"""How the window looks: the theme, presenter mode's zoom and the cursor spotlight.

:class:`Appearance` is the one owner of this view state. It is not in the Session's snapshot
because it belongs to the window, not to the network being taught: it is never saved in a
scenario, never undone, and changing it must not make the model's views recompute. Every
change goes through its setters, which apply it to the window once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSlider,
    QWidget,
)

from ..actions import make_action, set_texts
from ..support import settings
from .theme import CHOICES, SYSTEM, Theme, control_sheet, resolve, window_palette

CONTROLS = (QLineEdit, QAbstractSpinBox, QComboBox, QSlider, QCheckBox)
ZOOM_STEP = 1.15
ZOOM_RANGE = (0.5, 3.0)


class Themed(Protocol):
    """A part of the window that draws itself in a theme (the diagram, the plots)."""

    def set_theme(self, theme: Theme) -> None: ...


class Appearance(QObject):
    """The theme choice, presenter mode on or off, its zoom factor, the spotlight."""

    changed = Signal()

    def __init__(self, window: QMainWindow, themed: Sequence[Themed] = ()):
        super().__init__(window)
        self._window = window
        self._themed = tuple(themed)  # the parts that draw themselves in a theme
        stored = settings.theme()
        self.choice = stored if stored in CHOICES else SYSTEM  # as it was last time
        self.presenter = False
        self.zoom = 1.0
        self.spotlight = False
        self._applied: Theme | None = None
        hints = QGuiApplication.styleHints()
        # a method, not a lambda: the connection then ends with this object, where a lambda
        # on the application-wide hints would keep every closed window alive
        hints.colorSchemeChanged.connect(self._scheme_changed)
        self._build_menu()
        self.apply()

    def _scheme_changed(self, _scheme) -> None:
        self.apply()

    # -- reading -------------------------------------------------------------------------
    def theme(self) -> Theme:
        """Presenter mode always draws in high contrast; otherwise the chosen theme."""
        return resolve("contrast" if self.presenter else self.choice)

    # -- setters ---------------------------------------------------------------------------
    def set_choice(self, choice: str, remember: bool = True) -> None:
        if choice not in CHOICES:
            raise KeyError(choice)
        if choice != self.choice:
            self.choice = choice
            if remember:
                settings.remember_theme(choice)
            self.apply()

    def set_presenter(self, on: bool) -> None:
        if on != self.presenter:
            self.presenter = on
            self.apply()

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(float(zoom), ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if zoom != self.zoom:
            self.zoom = zoom
            self.changed.emit()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def set_spotlight(self, on: bool) -> None:
        if on != self.spotlight:
            self.spotlight = on
            self.changed.emit()

    def apply(self) -> None:
        """Draw the window and the diagram in the current theme (only if it changed)."""
        theme = self.theme()
        if theme != self._applied:
            self._applied = theme
            self._window.setPalette(window_palette(theme))
            self._style_controls(theme)
            for part in self._themed:
                part.set_theme(theme)
        for key, action in self.theme_actions.items():
            action.setChecked(key == self.choice)
        self.changed.emit()

    def style(self, root: QWidget) -> None:
        """Draw the controls in ``root`` in the theme on show: a part built after the window
        (the landscape tab, when first shown)."""
        if self._applied is not None:
            self._style_controls(self._applied, root)

    def _style_controls(self, theme: Theme, root: QWidget | None = None) -> None:
        """Give the fields, sliders and check boxes edges and a focus ring in ``theme``.

        Each control gets its own sheet (one on the window would cut the palette's
        inheritance); controls that carry a sheet of their own keep it.
        """
        sheet = control_sheet(theme)
        root = root or self._window
        for w in [root, *root.findChildren(QWidget)]:
            if isinstance(w, CONTROLS) and (not w.styleSheet() or w.property("themed")):
                w.setProperty("themed", True)
                w.setStyleSheet(sheet)

    # -- menu -----------------------------------------------------------------------------
    def _build_menu(self) -> None:
        w = self._window
        menu = QMenu(w)
        group = QActionGroup(self)
        self.theme_actions = {}
        for k, key in enumerate(CHOICES):
            action = make_action(
                w,
                "",
                [f"Ctrl+Alt+{k}"],
                lambda _=False, key=key: self.set_choice(key),
                checkable=True,
            )
            group.addAction(action)
            menu.addAction(action)
            self.theme_actions[key] = action
        self.menu = menu
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Theme"))
        names = {
            SYSTEM: self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "contrast": self.tr("High contrast"),
        }
        for key, action in self.theme_actions.items():
            set_texts(action, names[key], self.tr("Draw the window in this theme"))
