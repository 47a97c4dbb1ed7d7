"""A burst of previews applied as one: the latest value wins.

A touchpad or a fast wheel delivers several events before the window can paint; each applied
on its own would redo every view's work (about 10 ms an edit) for a picture no one sees. The
first preview of a burst is applied at once (a single notch or key press shows without delay);
those arriving while the event loop has not come round since are kept, and only the latest is
applied when it does (a 0 ms timer), before the next paint. A commit, a cancel or a refusal
first applies what is kept, so the order of changes is never lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class LatestPreview(QObject):
    """Calls ``apply(name, value)`` for the first preview of a burst and the latest of the rest."""

    def __init__(self, apply: Callable[[str, float], None], parent: QObject | None = None):
        super().__init__(parent)
        self._apply = apply
        self._pending: tuple[str, float] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def ask(self, name: str, value: float) -> None:
        if self._timer.isActive():  # the event loop has not come round since the last one
            self._pending = (name, value)
            return
        self._timer.start()
        self._apply(name, value)

    def flush(self) -> None:
        """Apply the kept preview now, if there is one."""
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._apply(*pending)
