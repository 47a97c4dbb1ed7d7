"""The application-wide safety net for errors nobody caught.

An exception that escapes a slot, a timer or a virtual method reaches ``sys.excepthook``
(PySide6 routes it there) and the app would otherwise just print it. Here it is written with
its traceback to ``errors.log`` in the user's data directory and shown once in a dialog; the
event loop goes on, and the session's state, never half-replaced (a verb replaces its snapshot
in one assignment), can still be saved.

The log folder is ``$CNN_BACKPROP_DATA_DIR`` when set (tests), else Qt's AppDataLocation.
"""

from __future__ import annotations

import datetime
import os
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

LOG_NAME = "errors.log"
ENV_DIR = "CNN_BACKPROP_DATA_DIR"


def data_dir() -> Path:
    """Where the error log goes: ``$CNN_BACKPROP_DATA_DIR`` or the app's data location."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(loc or Path.home() / ".cnn-backprop")


class ErrorReporter:
    """Logs every uncaught exception; shows the first of a burst in one dialog."""

    def __init__(self):
        self.count = 0
        self.log_path: Path | None = None
        self._dialog: QMessageBox | None = None
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> ErrorReporter:
        sys.excepthook = self.handle
        threading.excepthook = lambda a: self.handle(a.exc_type, a.exc_value, a.exc_traceback)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        self.count += 1
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        print(text, file=sys.stderr, end="")
        self.log_path = self._log(text)
        if self._on_gui_thread() and self._dialog is None:
            self._dialog = self.show_dialog(f"{exc_type.__name__}: {exc}")

    def _log(self, text: str) -> Path | None:
        try:
            folder = data_dir()
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_NAME
            stamp = datetime.datetime.now().isoformat(timespec="seconds")
            with path.open("a", encoding="utf-8") as fh:
                fh.write(f"--- {stamp}\n{text}\n")
            return path
        except OSError:
            return None  # a log that cannot be written must not raise from the hook

    @staticmethod
    def _on_gui_thread() -> bool:
        app = QApplication.instance()
        return app is not None and QThread.currentThread() is app.thread()

    def show_dialog(self, summary: str) -> QMessageBox:
        """One non-blocking message box; later errors are only logged until it is closed."""
        where = (
            str(self.log_path)
            if self.log_path
            else QCoreApplication.translate("ErrorReporter", "(the log could not be written)")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ErrorReporter", "Unexpected error"),
            QCoreApplication.translate(
                "ErrorReporter",
                "Something went wrong inside the app:\n{0}\n\nYour values are kept and can "
                "still be saved. Details are in {1}.",
            ).format(summary, where),
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        box.finished.connect(self._closed)
        box.open()
        return box

    def _closed(self) -> None:
        self._dialog = None


def install() -> ErrorReporter:
    """Install the app-wide hook (``sys.excepthook`` and ``threading.excepthook``)."""
    return ErrorReporter().install()
