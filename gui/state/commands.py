"""The one undoable command: a change from one snapshot to another.

Every verb that changes what Save would write pushes a :class:`Change` holding the snapshot
before and after (immutable, so they stay exact); undo and redo hand one back to the Session's
public :meth:`~gui.state.session.Session.restore`. Changes with the same merge key in a row
(the steps of one play, one slider drag) extend the entry on top instead of pushing another
(QUndoStack's own merging would keep every merged command's Python object alive).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .session import Session
    from .snapshot import Snapshot

#: What a change is called: a text, or a function giving it in the current language (the
#: Undo/Redo texts follow a change of language: :meth:`Change.retranslate`).
Text: TypeAlias = "str | Callable[[], str]"


def _describer(text: Text) -> Callable[[], str]:
    return text if callable(text) else (lambda: text)


class Change(QUndoCommand):
    """``before`` -> ``after``; the Session shows ``after`` itself before pushing this."""

    def __init__(
        self,
        session: Session,
        text: Text,
        before: Snapshot,
        after: Snapshot,
        merge: Hashable | None = None,
    ):
        self.describe = _describer(text)
        super().__init__(self.describe())
        self._session, self.before, self.after, self.merge = session, before, after, merge
        self._shown = True  # the first redo (from push) finds ``after`` already on show

    def extend(self, after: Snapshot, text: Text) -> None:
        """Take in the next change of the same gesture (the Session merges them, see there)."""
        self.after = after
        self.describe = _describer(text)
        self.setText(self.describe())

    def retranslate(self) -> None:
        self.setText(self.describe())

    def redo(self) -> None:
        if self._shown:
            self._shown = False
            return
        self._session.restore(self.after)

    def undo(self) -> None:
        self._session.restore(self.before)
