"""The walkthrough and quiz verbs: they change what the views show, never the parameters.

Neither is saved with a scenario, so neither is an undo entry; both live in the snapshot
(``Snapshot.walk``, ``Snapshot.hidden``), so the diagram, the panels and the controls read one
value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .session import Session


class LectureVerbs:
    """``session.lecture``: walkthrough position and the quiz's hidden values."""

    def __init__(self, session: Session):
        self._session = session

    def _set(self, **changes: object) -> None:
        self._session.show(replace(self._session.snapshot, **changes))  # type: ignore[arg-type]

    # -- walkthrough -------------------------------------------------------------------------
    def start_walkthrough(self) -> None:
        """Begin at the first step (a playing descent pauses, so the numbers hold still)."""
        self._session.descent.pause()
        self._set(walk=0)

    def stop_walkthrough(self) -> None:
        self._set(walk=None)

    def walk_to(self, index: int) -> None:
        """Show step ``index`` (clamped to the steps there are); starts the walkthrough."""
        last = len(self._session.snapshot.walk_steps) - 1
        self._set(walk=max(0, min(int(index), last)))

    def walk_next(self) -> None:
        k = self._session.snapshot.walk_index
        if k is not None:
            self.walk_to(k + 1)

    def walk_prev(self) -> None:
        k = self._session.snapshot.walk_index
        if k is not None:
            self.walk_to(k - 1)

    # -- quiz --------------------------------------------------------------------------------
    def hide_value(self, key: str, hidden: bool = True) -> None:
        """Hide (or show again) a quiz value (a key of :data:`core.quiz.LABELS`)."""
        keys = set(self._session.snapshot.hidden)
        if hidden:
            keys.add(key)
        else:
            keys.discard(key)
        self._set(hidden=frozenset(keys))

    def set_hidden(self, keys: Iterable[str]) -> None:
        """Hide exactly these quiz values."""
        self._set(hidden=frozenset(keys))

    def reveal_all(self) -> None:
        self._set(hidden=frozenset())
