"""SIGTERM (a desktop logging out, ``kill``) closes the window through its normal path.

Python runs a signal handler only when the interpreter gets control, which Qt's event loop
does not give it while idle. The C-level handler writes the signal's number to a socket
(:func:`signal.set_wakeup_fd`); a ``QSocketNotifier`` on the other end wakes the event loop,
and the Python handler runs there, on the GUI thread, between two events.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication


def on_terminate(parent: QObject, handler: Callable[[], None]) -> Callable[[], None]:
    """Call ``handler`` on the GUI thread when SIGTERM arrives; returns an undo function."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    old_fd = signal.set_wakeup_fd(writer.fileno())
    old_handler = signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, handler))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def drain() -> None:
        try:
            # the signal numbers; the Python handler has run by now. The writer is named
            # here so that it lives as long as this slot: closed, it would leave the reader
            # at its end, readable for ever, and the event loop would spin on it
            data = reader.recv(64) if writer.fileno() >= 0 else b""
        except OSError:
            return
        if not data:
            notifier.setEnabled(False)  # the other end is gone: nothing more can arrive

    notifier.activated.connect(drain)

    def undo() -> None:
        notifier.setEnabled(False)
        notifier.deleteLater()
        signal.signal(signal.SIGTERM, old_handler)
        signal.set_wakeup_fd(old_fd)
        reader.close()
        writer.close()

    return undo


def terminate(app: QCoreApplication) -> None:
    """Close every window through its normal path (``terminated()``: keep the work aside,
    then close, asking about unsaved changes); with no window yet, just quit."""
    windows = [w for w in QApplication.topLevelWidgets() if hasattr(w, "terminated")]
    for window in windows:
        window.terminated()
    if not windows:
        app.quit()
