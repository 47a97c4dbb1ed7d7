"""Autosave and recovery: unsaved work is written aside every 30 s and offered back after a
crash, a kill or a logout (the file format is :mod:`core.recovery`).

The recovery file exists only while there is unsaved work: saving, or closing the window with
the work deliberately discarded, removes it. A window that ends any other way leaves it behind,
and the next launch asks whether to open it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from core import recovery
from core.scenario import ScenarioError

from ..state.session import Session
from .scenario_files import ScenarioFiles

INTERVAL_MS = 30_000


def folder() -> Path:
    """Where recovery files live: the app's data folder (``~/.local/share/...`` on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Autosave(QObject):
    """Writes the session's unsaved work to this process's recovery file, and offers back
    what an earlier window left."""

    def __init__(
        self,
        session: Session,
        files: ScenarioFiles,
        say: Callable[[str], None],
        interval_ms: int = INTERVAL_MS,
    ):
        super().__init__(files)
        self.session, self.files, self.say = session, files, say
        self.path = recovery.path_for(folder())
        self._written: object = None  # the document last written, to skip unchanged ones
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)
        self._timer.start()
        session.modified_changed.connect(self._modified_changed)

    def save_now(self) -> bool:
        """Write the unsaved work now (nothing when there is none); False if it failed."""
        if not self.session.modified:
            return True
        document = self.session.snapshot.document()
        if document == self._written and self.path.exists():
            return True
        try:
            recovery.write(self.path, self.session.scenario(), self.files.path)
        except (OSError, ValueError) as exc:
            self.say(self.tr("Autosave failed: {0}").format(exc))
            return False
        self._written = document
        return True

    def discard(self) -> None:
        """The work was saved or deliberately dropped: no recovery file is needed."""
        self._written = None
        self.path.unlink(missing_ok=True)

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()

    # -- recovery ------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """Ask whether to open the newest work an earlier window left; True if opened."""
        for path in recovery.left_behind(folder()):
            try:
                found = recovery.read(path)
            except ScenarioError as exc:
                self.say(self.tr("An unreadable recovery file was removed: {0}").format(exc))
                path.unlink(missing_ok=True)
                continue
            return self._ask(found)
        return False

    def _ask(self, found: recovery.Recovered) -> bool:
        buttons = QMessageBox.StandardButton
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(found.saved_at))
        what = found.source.name if found.source else self.tr("an unsaved scenario")
        answer = QMessageBox.question(
            self.files.window,
            self.tr("Recover unsaved work"),
            self.tr(
                "The app ended without saving {0}. Its last state, from {1}, was kept.\n\n"
                "Open it now? (Discard deletes it; Cancel keeps it for the next launch.)"
            ).format(what, when),
            buttons.Open | buttons.Discard | buttons.Cancel,
            buttons.Open,
        )
        if answer == buttons.Discard:
            found.path.unlink(missing_ok=True)
            return False
        if answer != buttons.Open or not self.files.maybe_save():
            return False
        self.files.recover(found.scenario, found.source)
        found.path.unlink(missing_ok=True)
        self.save_now()  # the work is this window's unsaved work now
        return True
