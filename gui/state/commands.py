"""The undoable changes of the session that are not value edits: loads, learning rate, reset.

Each command holds whole states (a :class:`core.scenario.Scenario`, a learning rate, a
recorded run), so undo and redo restore exactly what was there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from core.numfmt import fmt

LR_COMMAND_ID = 1001


def _tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class LoadScenario(QUndoCommand):
    """A preset, a random scenario or a file replaces the whole state."""

    def __init__(self, session, before, after, text: str):
        super().__init__(text)
        self._session, self._before, self._after = session, before, after

    def redo(self):
        self._session._apply_scenario(self._after)

    def undo(self):
        self._session._apply_scenario(self._before)


class SetLearningRate(QUndoCommand):
    """A learning-rate change; the values of one slider drag merge into one command."""

    def __init__(self, session, before: float, after: float, gesture: int | None):
        super().__init__()
        self._session, self._before, self._after, self._gesture = session, before, after, gesture
        self._retitle()

    def _retitle(self) -> None:
        self.setText(_tr("Learning rate %1").replace("%1", fmt(self._after)))

    def id(self) -> int:
        return LR_COMMAND_ID

    def mergeWith(self, other) -> bool:
        if self._gesture is None or other._gesture != self._gesture:
            return False
        self._after = other._after
        self._retitle()
        self.setObsolete(self._after == self._before)
        return True

    def redo(self):
        self._session._apply_lr(self._after)

    def undo(self):
        self._session._apply_lr(self._before)


class ResetRun(QUndoCommand):
    """Back to step 0; undo brings the recorded run and its cursor back."""

    def __init__(self, session):
        super().__init__(_tr("Reset"))
        self._session = session
        self._saved = session._save_run()

    def redo(self):
        self._session._reset_run()

    def undo(self):
        self._session._restore_run(self._saved)
