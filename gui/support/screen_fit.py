"""The window kept inside its screen: a projector's screen is often only 1280x720, and a
window remembered from a larger screen would open past its edges."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, Qt, QTimer
from PySide6.QtWidgets import QWidget

#: The frame a window manager adds, guessed until it says (title bar on top, thin borders).
GUESSED_FRAME = QMargins(4, 32, 4, 4)


def fitted(wanted: QRect, frame: QMargins, available: QRect) -> QRect:
    """The window's own rectangle (frame excluded) no larger than ``wanted``, moved and shrunk
    so that it and its ``frame`` lie inside the screen's ``available`` area."""
    room = available.marginsRemoved(frame)
    w, h = min(wanted.width(), room.width()), min(wanted.height(), room.height())
    x = min(max(wanted.x(), room.x()), room.x() + room.width() - w)
    y = min(max(wanted.y(), room.y()), room.y() + room.height() - h)
    return QRect(x, y, w, h)


def keep_on_screen(window: QWidget) -> None:
    """Keep ``window``, title bar and frame included, inside its screen's available area: now,
    and again once the window manager has said how wide its frame is."""
    fit_once(window)
    for ms in (300, 1500):  # the window manager reports its frame some time after showing
        QTimer.singleShot(ms, window, lambda: fit_once(window))


def fit_once(window: QWidget) -> None:
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    screen = window.screen()
    if screen is None:
        return
    frame = window.frameGeometry()
    inner = window.geometry()
    known = frame != inner
    margins = (
        QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
        if known
        else GUESSED_FRAME
    )
    target = fitted(inner, margins, screen.availableGeometry())
    if target != inner:
        window.setGeometry(target)
