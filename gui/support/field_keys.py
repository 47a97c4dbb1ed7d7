"""Keys in a typing field: Enter and Escape hand the keyboard back; a clicker reaches the descent.

After a value is typed into a toolbar or panel field, Enter (apply) or Escape (put the old
value back) moves the keyboard focus to the diagram (a value refused keeps it in the field,
its old value selected, to be typed again), so Space, R, the arrows and the
walkthrough keys drive the descent again instead of typing into the field; Escape in a field
never also leaves presenter mode. A presentation clicker sends PageDown/PageUp (some send
Right/Left): PageDown/PageUp step from any focus, and Right/Left step from a field that is
not being typed in. The diagram's own cell editor keeps its keys (it already hands back).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QMainWindow, QWidget

CLICKER = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right)
DONE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
REFUSED = "value_refused"  # set on a field by whatever refused its value and said why


def field_of(w: QObject) -> QWidget | None:
    """The typing field ``w`` is (a line edit, or the spin box a line edit belongs to)."""
    parent = w.parent() if isinstance(w, QLineEdit) else None
    if isinstance(parent, QAbstractSpinBox):
        return parent
    return w if isinstance(w, (QLineEdit, QAbstractSpinBox)) else None


def typing_in(field: QWidget) -> bool:
    edit = field.lineEdit() if isinstance(field, QAbstractSpinBox) else field
    return isinstance(edit, QLineEdit) and edit.isModified()


class FieldKeys(QObject):
    """An event filter on the controls of ``window`` outside its central widget (the
    diagram), which takes the keys back."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._ref = weakref.ref(window)
        self._inside = False
        self.watch(window)

    def watch(self, root: QWidget) -> None:
        """Take the keys back from the controls in ``root`` too (a part built after the
        window, as the landscape tab is when first shown)."""
        # on each control that takes the keyboard, not on the application: a Python filter
        # on the application would run for every event of every window
        home = self._home()
        for w in [root, *root.findChildren(QWidget)]:
            outside = home is None or not (w is home or home.isAncestorOf(w))
            if outside and w.focusPolicy() != Qt.FocusPolicy.NoFocus:
                w.installEventFilter(self)

    @property
    def _window(self) -> QMainWindow | None:
        return self._ref()

    def _home(self) -> QWidget | None:
        window = self._ref()
        return None if window is None else window.centralWidget()

    def hand_back(self) -> None:
        home = self._home()
        if home is not None:
            home.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _ours(self, obj: QObject) -> QWidget | None:
        """The field ``obj`` is, if it lies in the window outside the diagram, else None."""
        window = self._window
        if (
            self._inside
            or window is None
            or not isinstance(obj, QWidget)
            or obj.window() is not window
        ):
            return None
        home = self._home()
        field = field_of(obj)
        if field is None or (home is not None and home.isAncestorOf(field)):
            return None
        return field

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        key = event.key()  # type: ignore[attr-defined]
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)  # type: ignore[attr-defined]
        if kind == QEvent.Type.ShortcutOverride:
            if plain and key in CLICKER and isinstance(obj, QWidget):
                window = self._window  # not taken by a field: the step keys get it
                return window is not None and obj.window() is window
            field = self._ours(obj)
            if field is None or not plain:
                return False
            if key in ARROWS and not typing_in(field):
                return True  # the arrows step while nothing is being typed
            if key == Qt.Key.Key_Escape:
                event.accept()  # Escape cancels the typing; it does not leave presenter mode
                return True
            return False
        field = self._ours(obj)
        if field is None or key not in DONE:
            return False
        if key == Qt.Key.Key_Escape:
            revert = getattr(field, "revert", None)
            if callable(revert):
                revert()
        else:
            field.setProperty(REFUSED, False)
            self._inside = True  # the field applies the value first
            try:
                QCoreApplication.sendEvent(obj, event)
            finally:
                self._inside = False
            if field.property(REFUSED):  # refused, with a reason: the keys stay to type again
                edit = field.lineEdit() if isinstance(field, QAbstractSpinBox) else field
                if isinstance(edit, QLineEdit):
                    edit.selectAll()
                return True
        self.hand_back()
        return True
