"""The one undoable command: a change from one snapshot to another.

Every verb that changes what Save would write pushes a :class:`Change` holding the snapshot
before and after (immutable, so they stay exact); undo and redo hand one back to the Session's
public :meth:`~gui.state.session.Session.restore`. Changes with the same merge key in a row
(the steps of one play, one slider drag) merge into one entry.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .session import Session
    from .snapshot import Snapshot

MERGING = 1001


class Change(QUndoCommand):
    """``before`` -> ``after``; the Session shows ``after`` itself before pushing this."""

    def __init__(
        self,
        session: Session,
        text: str,
        before: Snapshot,
        after: Snapshot,
        merge: Hashable | None = None,
    ):
        super().__init__(text)
        self._session, self.before, self.after, self.merge = session, before, after, merge
        self._shown = True  # the first redo (from push) finds ``after`` already on show

    def id(self) -> int:
        return -1 if self.merge is None else MERGING

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Change) or other.merge != self.merge:
            return False
        self.after = other.after
        self.setText(other.text())
        self.setObsolete(self.after.document() == self.before.document())
        return True

    def redo(self) -> None:
        if self._shown:
            self._shown = False
            return
        self._session.restore(self.after)

    def undo(self) -> None:
        self._session.restore(self.before)
