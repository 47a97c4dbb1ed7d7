"""The descent's typing fields: a refused value says why and what range the field takes.

As in the diagram's cells, a refused value changes nothing: the field shows the old value
again and a note under it says why (for a few seconds, or until the next key in the field).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from core.numfmt import fmt
from core.parse import NOT_A_NUMBER, TOO_FAR, ParseError, parse_number

from ..state.said import refusal
from ..support.field_keys import REFUSED

REFUSAL_MS = 6000
#: A box as wide as its widest item whenever its items change: the language switched, or a
#: bias came into the network (Qt's default measures once, at the first show only).
WIDEST = QComboBox.SizeAdjustPolicy.AdjustToContents


def read(
    text: str, lo: float, hi: float | None, whole: bool = False, above: bool = False
) -> tuple[float | None, str]:
    """``(value, "")`` for text typed into a field taking ``lo..hi`` (``> lo`` with ``above``,
    whole numbers with ``whole``), else ``(None, why)`` in the interface's language."""
    typed = text.strip()
    if not typed:
        return None, QCoreApplication.translate("DescentFields", "Not changed: nothing was typed.")
    try:
        v = parse_number(typed)
    except ParseError as exc:
        if exc.template == TOO_FAR:  # 1e999: past any number, so past the field's range too
            return None, QCoreApplication.translate(
                "DescentFields", "Not changed: %1 is too large."
            ).replace("%1", typed)
        if exc.template != NOT_A_NUMBER:  # a division by zero
            said = QCoreApplication.translate("DescentFields", "Not changed: %1.")
            return None, said.replace("%1", refusal(exc))
        return None, QCoreApplication.translate(
            "DescentFields", "Not changed: “%1” is not a number."
        ).replace("%1", typed)
    if whole and v != int(v):
        return None, QCoreApplication.translate(
            "DescentFields", "Not changed: %1 is not a whole number."
        ).replace("%1", fmt(v))
    if v < lo or (above and v == lo):
        return None, QCoreApplication.translate(
            "DescentFields", "Not changed: %1 is too small."
        ).replace("%1", fmt(v))
    if hi is not None and v > hi:
        return None, QCoreApplication.translate(
            "DescentFields", "Not changed: %1 is too large."
        ).replace("%1", fmt(v))
    return v, ""


class Bubble(QLabel):
    """The note under a field that says why a value was refused; it never takes the mouse."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("refusal_bubble")
        self.setWordWrap(True)
        self.setMaximumWidth(460)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel { background: #FFF4E5; color: #8A3B00; border: 1px solid #D55E00;"
            " border-radius: 6px; padding: 4px 8px; }"
        )
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFUSAL_MS)
        self._timer.timeout.connect(self.hide)

    def say(self, field: QWidget, text: str) -> None:
        """Show ``text`` just under ``field``, kept inside the window; ``field`` is marked
        refused, so that Enter leaves the keyboard in it (gui.support.field_keys)."""
        field.setProperty(REFUSED, True)
        window = self.parentWidget()  # not kept in an attribute: no cycle through the window
        if window is None:
            return
        self.setText(text)
        self.adjustSize()
        at = field.mapTo(window, QPoint(0, field.height() + 2))
        x = max(0, min(at.x(), window.width() - self.width()))
        y = max(0, min(at.y(), window.height() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self._timer.start()


class NumberField(QLineEdit):
    """A number typed and confirmed with Enter; ``revert()`` shows the current value again."""

    def __init__(self, current: Callable[[], str]):
        super().__init__()
        self._current = current

    def revert(self) -> None:
        self.setText(self._current())


class CountBox(QSpinBox):
    """A whole number from its range; out-of-range or non-numeric text is refused with a reason
    (``refused``) instead of being silently dropped key by key. Values apply on Enter or when
    the focus leaves, not on every key."""

    refused = Signal(str)

    def __init__(self, lo: int, hi: int):
        super().__init__()
        self.setRange(lo, hi)
        self.setKeyboardTracking(False)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        got = super().validate(text, pos)
        if got[0] == QValidator.State.Invalid:  # let it be typed: Enter says why it is refused
            return QValidator.State.Intermediate, text, pos
        return got

    def check_typed(self) -> bool:
        """Whether the text typed is a value of the range; if not, say why (``refused``)."""
        v, why = read(self.cleanText(), self.minimum(), self.maximum(), whole=True)
        if v is None:
            self.refused.emit(why)
        return v is not None

    def revert(self) -> None:
        self.lineEdit().setText(self.prefix() + self.textFromValue(self.value()) + self.suffix())

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.check_typed():
            self.revert()
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        if not self.check_typed():
            self.revert()
        super().focusOutEvent(event)
