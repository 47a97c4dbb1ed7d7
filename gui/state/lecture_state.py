"""The lecture part of :class:`gui.state.session.Session`: the walkthrough position and the quiz.

Neither changes the parameters: walking through a pass or hiding a value only changes what the
views show. Both live in the Session's snapshot (``Snapshot.walk``, ``Snapshot.hidden``), so the
diagram, the panels and the controls all read one value.
"""

from __future__ import annotations


class LectureMixin:
    """Walkthrough and quiz verbs of the Session. Expects ``_snap``, ``_replace`` and ``pause``."""

    # -- walkthrough -------------------------------------------------------------------------
    def start_walkthrough(self) -> None:
        """Begin at the first step (a playing descent pauses, so the numbers hold still)."""
        if self._snap.descent is not None and self._snap.descent.playing:
            self.pause()
        self._replace(walk=0)

    def stop_walkthrough(self) -> None:
        self._replace(walk=None)

    def walk_to(self, index: int) -> None:
        """Show step ``index`` (clamped to the steps there are); starts the walkthrough."""
        last = len(self._snap.walk_steps) - 1
        self._replace(walk=max(0, min(int(index), last)))

    def walk_next(self) -> None:
        if self._snap.walk is not None:
            self.walk_to(self._snap.walk_index + 1)

    def walk_prev(self) -> None:
        if self._snap.walk is not None:
            self.walk_to(self._snap.walk_index - 1)

    # -- quiz ----------------------------------------------------------------------------------
    def hide_value(self, key: str, hidden: bool = True) -> None:
        """Hide (or show again) a quiz value (a key of :data:`core.quiz.LABELS`)."""
        keys = set(self._snap.hidden)
        if hidden:
            keys.add(key)
        else:
            keys.discard(key)
        self._replace(hidden=frozenset(keys))

    def set_hidden(self, keys) -> None:
        """Hide exactly these quiz values."""
        self._replace(hidden=frozenset(keys))

    def reveal_all(self) -> None:
        self._replace(hidden=frozenset())
