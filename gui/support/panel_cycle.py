"""F6 / Shift+F6: move the keyboard focus from panel to panel (the diagram, then each panel
on show, then the descent toolbars), as in most desktop applications."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar, QWidget

from ..actions import make_action, set_texts


def _focusable(widget: QWidget) -> QWidget | None:
    """The first widget inside ``widget`` (itself included) that takes the keyboard focus."""
    for w in [widget, *widget.findChildren(QWidget)]:
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return w
    return None


def panels(window: QMainWindow) -> list[QWidget]:
    """The parts F6 visits, in order: what is on show of each."""
    out: list[QWidget] = []
    central = window.centralWidget()
    if central is not None:
        out.append(central)
    for dock in window.findChildren(QDockWidget):
        content = dock.widget()
        if dock.isVisible() and content is not None and not content.visibleRegion().isEmpty():
            out.append(content)
    out += [bar for bar in window.findChildren(QToolBar) if bar.isVisible()]
    return out


def cycle(window: QMainWindow, step: int) -> QWidget | None:
    """Focus the next (``step`` 1) or previous (-1) panel; returns the widget focused."""
    parts = [(p, f) for p in panels(window) if (f := _focusable(p)) is not None]
    if not parts:
        return None
    focus = QApplication.focusWidget()
    here = next(
        (i for i, (p, _f) in enumerate(parts) if focus is not None and p.isAncestorOf(focus)),
        next((i for i, (p, _f) in enumerate(parts) if p is focus), -1),
    )
    target = parts[(here + step) % len(parts)][1]
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    return target


class PanelCycling(QObject):
    """F6 / Shift+F6 as window actions."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.next = make_action(window, "", ["F6"], lambda: cycle(window, 1))
        self.previous = make_action(window, "", ["Shift+F6"], lambda: cycle(window, -1))
        self.retranslate()

    def retranslate(self) -> None:
        set_texts(
            self.next,
            QCoreApplication.translate("PanelCycle", "Next panel"),
            QCoreApplication.translate("PanelCycle", "Move the keyboard focus to the next panel"),
        )
        set_texts(
            self.previous,
            QCoreApplication.translate("PanelCycle", "Previous panel"),
            QCoreApplication.translate(
                "PanelCycle", "Move the keyboard focus to the previous panel"
            ),
        )
