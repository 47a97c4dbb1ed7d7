"""Play: one timer on the GUI thread that asks the Session for as many steps as are due.

At a speed above one step a frame, each tick takes several steps and the Session emits once.
A modal dialog (a question, a file dialog) pauses play: the person is looking elsewhere, and
play resumes only when they press play again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from .descent_data import FRAME_MS, MAX_LAG_S


def modal_open() -> bool:
    return QApplication.activeModalWidget() is not None


class Player(QObject):
    """Paces play: ``advance(n)`` gets the steps due, ``pause()`` is called behind a modal."""

    def __init__(
        self,
        advance: Callable[[int], None],
        pause: Callable[[], None],
        hold: Callable[[], bool] = modal_open,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._advance, self._pause, self._hold = advance, pause, hold
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._clock = QElapsedTimer()
        self._speed = 1.0
        self._carry = 0.0

    @property
    def timer(self) -> QTimer:
        return self._timer

    def start(self, speed: float) -> None:
        self._speed, self._carry = speed, 0.0
        self._timer.start(self._interval())
        self._clock.start()

    def stop(self) -> None:
        self._timer.stop()
        self._carry = 0.0

    def set_speed(self, speed: float) -> None:
        self._speed = speed
        if self._timer.isActive():
            self._timer.setInterval(self._interval())

    def _interval(self) -> int:
        return max(FRAME_MS, round(1000.0 / self._speed))

    def tick(self) -> None:
        """The steps the clock says are due since the last tick (at most a quarter second's)."""
        if self._hold():
            self._pause()
            return
        elapsed = min(self._clock.restart() / 1000.0, MAX_LAG_S)
        due = self._carry + self._speed * elapsed
        n = int(due)
        self._carry = due - n
        if n:
            self._advance(n)
