"""Typing a value in place: a line edit over the node, and a refusal bubble under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit

from core.model import CELLS, EDITABLE, window
from core.numfmt import fmt
from core.parse import ParseError, parse_number

from ..look import palette
from ..state.said import refusal
from ..support.announce import announce
from .values_text import sentence

REFUSAL_MS = 5000
#: The editor's and the refusal bubble's edges: 3:1 on every theme's ground, light or dark.
EDIT_RING, REFUSED_RING = "#00936B", "#CC5C00"


def computed_note(name: str) -> str:
    """Why the value ``name`` cannot be typed: what it is computed from."""
    if name.startswith("z") and name[1:] in CELLS:
        a = window(CELLS.index(name[1:]))
        return (
            QCoreApplication.translate(
                "InlineEditor",
                "%1 and o%2 = s(%1) are computed from the window %3 and the filter "
                "w11..w22: edit those.",
            )
            .replace("%1", name)
            .replace("%2", name[1:])
            .replace("%3", ", ".join(a))
        )
    if name == "y_hat":
        return QCoreApplication.translate(
            "InlineEditor", "ŷ is computed from o00..o11 and the head weights wa..wd: edit those."
        )
    return QCoreApplication.translate(
        "InlineEditor",
        "The loss is computed from ŷ and the target yy: edit yy or the values behind ŷ.",
    )


class InlineEditor(QLineEdit):
    """Enter or click-away commits, Escape cancels; refused text changes nothing."""

    def __init__(self, view, scene):
        super().__init__(view.viewport())
        self._view, self._scene = view, scene
        self.name: str | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {EDIT_RING}; border-radius: 6px;"
            f" background: white; color: {palette.INK}; }}"
        )
        self.hide()
        self.bubble = QLabel(view.viewport())
        self.bubble.setStyleSheet(
            f"QLabel {{ background: #FFF4E5; color: #8A3B00; border: 1px solid {REFUSED_RING};"
            " border-radius: 6px; padding: 4px 8px; }"
        )
        self.bubble.hide()
        self._bubble_name: str | None = None
        self._bubble_timer = QTimer(self)
        self._bubble_timer.setSingleShot(True)
        self._bubble_timer.setInterval(REFUSAL_MS)
        self._bubble_timer.timeout.connect(self.bubble.hide)
        self.installEventFilter(self)

    def open(self, name: str) -> None:
        """Start typing into ``name``, its current value selected; a computed value says
        what it is computed from instead."""
        if name not in EDITABLE:
            self.show_note(name, computed_note(name))
            return
        self.name = name
        self.setText(fmt(self._scene.session.snapshot.value(name), 12))
        self.selectAll()
        self.reposition()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def reposition(self) -> None:
        """Follow the node on screen (after a zoom or resize)."""
        if self.name is not None:
            rect = self._screen_rect(self.name)
            self.setGeometry(rect.adjusted(6, rect.height() // 4, -6, -rect.height() // 4))
            font = QFont(self.font())
            font.setPixelSize(max(12, rect.height() // 3))
            self.setFont(font)
        if self._bubble_name is not None:
            rect = self._screen_rect(self._bubble_name)
            self.bubble.adjustSize()
            room = self._view.viewport().rect()
            size = self.bubble.size()
            y = rect.bottom() + 2  # under the node, or above it where the view ends
            if y + size.height() > room.bottom():
                y = rect.top() - 2 - size.height()
            x = min(rect.left(), room.right() - size.width())
            self.bubble.move(max(0, x), max(0, y))

    def _screen_rect(self, name: str):
        return self._view.mapFromScene(self._scene.nodes[name].sceneBoundingRect()).boundingRect()

    def commit(self) -> bool:
        """Apply the typed value; on refusal show why, keep the editor open, return False."""
        if self.name is None:
            return True
        name = self.name
        try:
            value = parse_number(self.text())
            self._scene.session.set_value(name, value)
        except (ParseError, ValueError) as exc:
            self.show_refusal(name, refusal(exc))
            return False
        self.close_editor()
        announce(self._view, sentence(self._scene.session.snapshot, name))
        return True

    def cancel(self) -> None:
        self.close_editor()

    def close_editor(self) -> None:
        self.name = None
        self.hide()
        self._view.setFocus()

    def show_refusal(self, name: str, message: str) -> None:
        self.show_note(
            name, QCoreApplication.translate("InlineEditor", "Not changed: {0}").format(message)
        )

    def show_note(self, name: str, text: str) -> None:
        """A note under the node ``name`` for a few seconds (and said to screen readers)."""
        self._bubble_name = name
        self.bubble.setText(text)
        announce(self.bubble, text)
        self.bubble.show()
        self.bubble.raise_()
        self.reposition()
        self._bubble_timer.start()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
            Qt.Key.Key_Escape,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            event.accept()  # these keys belong to the editor while it is open
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            self.bubble.hide()
            super().keyPressEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self and event.type() == QEvent.Type.FocusOut and self.name is not None:
            if not self.commit():  # click-away with refused text: keep nothing, say why
                self.close_editor()
        return super().eventFilter(obj, event)
