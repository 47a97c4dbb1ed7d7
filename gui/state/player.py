"""Play: one timer on the GUI thread that asks the Session for as many steps as are due.

"N steps/s" means N steps a second of the clock, however late the timer fires: the steps due
are counted from the moment play started (``floor(N * seconds)``), not added up tick by tick,
so a slow frame (a busy projector laptop draws a frame in 60 ms, not 50) delays steps but
never loses them, and rounding never drifts. At a speed above one step a frame, each tick
takes several steps and the Session emits once. After a stall longer than a quarter second
play goes on from where it is rather than racing to catch up.

A modal dialog (a question, a file dialog) pauses play: the person is looking elsewhere, and
play resumes only when they press play again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from .descent_data import FRAME_MS, MAX_LAG_S


def modal_open() -> bool:
    return QApplication.activeModalWidget() is not None


class Player(QObject):
    """Paces play: ``advance(n)`` gets the steps due, ``pause()`` is called behind a modal.

    ``clock`` gives the time in seconds (monotonic); tests pass a fake one and call
    :meth:`tick` themselves.
    """

    def __init__(
        self,
        advance: Callable[[int], None],
        pause: Callable[[], None],
        hold: Callable[[], bool] = modal_open,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ):
        super().__init__(parent)
        self._advance, self._pause, self._hold, self._clock = advance, pause, hold, clock
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._speed = 1.0
        self._origin = 0.0  # when the steps now counted started to fall due
        self._taken = 0  # steps handed out since ``_origin``

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def speed(self) -> float:
        return self._speed

    def start(self, speed: float) -> None:
        self._speed = speed
        self._restart_count()
        self._timer.start(self._interval())

    def stop(self) -> None:
        self._timer.stop()

    def set_speed(self, speed: float) -> None:
        if self._timer.isActive() and speed != self._speed:
            now = self._clock()  # the fraction of a step already due stays due
            fraction = min(max(self._speed * (now - self._origin) - self._taken, 0.0), 1.0)
            self._origin, self._taken = now - fraction / speed, 0
        self._speed = speed
        if self._timer.isActive():
            self._timer.setInterval(self._interval())

    def _restart_count(self) -> None:
        self._origin, self._taken = self._clock(), 0

    def _interval(self) -> int:
        return max(FRAME_MS, round(1000.0 / self._speed))

    def tick(self) -> None:
        """Hand out the steps the clock says are due since play started (or since a stall)."""
        if self._hold():
            self._pause()
            return
        now = self._clock()
        due = math.floor(self._speed * (now - self._origin) + 1e-6)  # 1e-6: clock rounding
        n = due - self._taken
        most = max(1, math.ceil(self._speed * MAX_LAG_S))
        if n > most:  # a stall: go on from here instead of racing through the backlog
            n = most
            self._origin, self._taken = now, 0
        else:
            self._taken += n
        if n > 0:
            self._advance(n)
