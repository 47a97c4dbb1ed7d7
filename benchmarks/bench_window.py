"""The app's main window for benchmarks, the floors measured beside it, and the app's internals.

Every benchmark that needs the window builds it here through the app's public API
(``Session(scenario)``, ``MainWindow(session)`` and the session's verbs). The few things no verb
does yet (recording many steps at once, publishing without a prediction, holding the play timer
so a benchmark can drive the ticks) live in :class:`Internals`, the one place that touches
private attributes: when the session changes, adapt it there.
"""

from __future__ import annotations

import os
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WINDOW_SIZE = (1280, 720)
FAR = 1 << 62  # a step number past any run: ``seek(FAR)`` shows the newest step
LONG_PLAY = 10_000_000  # a stop rule play never reaches here (the stop-rule box's largest)

_slot_errors: list[str] = []


def _record_slot_error(kind, value, tb) -> None:
    """Qt hands an exception raised in a slot to ``sys.excepthook`` and goes on; keep it."""
    _slot_errors.append("".join(traceback.format_exception(kind, value, tb)))
    sys.__excepthook__(kind, value, tb)


def open_window(param: str = "w11", lr: float | None = None):
    """``(app, session, window)``: the main window on the homework, descending on ``param``."""
    from PySide6.QtWidgets import QApplication

    from core.scenario import default
    from gui.main_window import MainWindow
    from gui.state.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    sys.excepthook = _record_slot_error  # a benchmark that raised measured nothing: see settle()
    session = Session(default())
    session.set_descent_param(param)
    if lr is not None:
        session.set_learning_rate(lr)
    window = MainWindow(session)
    window.show()
    settle()
    return app, session, window


def bare_window():
    """``(app, window)``: the floor window, a QMainWindow holding one PlotWidget, not shown yet."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(pg.PlotWidget())
    window.resize(*WINDOW_SIZE)
    return app, window


def settle(max_seconds: float = 10.0) -> int:
    """Process events until a pass finds none pending (timers not yet due wait); return passes.

    This is "until every view has repainted": update requests, paints and whatever they post
    are all delivered before it returns. Raises if a slot raised since the window opened: the
    views would have skipped work, and the figure would be wrong.
    """
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    deadline = time.perf_counter() + max_seconds
    passes = 0
    while loop.processEvents():
        passes += 1
        if time.perf_counter() > deadline:
            raise RuntimeError(f"events still pending after {max_seconds} s")
    if _slot_errors:
        raise RuntimeError(f"a slot raised during the benchmark:\n{_slot_errors[0]}")
    return passes


def quiet(ms: int) -> None:
    """Run the event loop for ``ms``, so that due timers (coalesced refreshes) fire; then settle."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    settle()


def full_repaint(window) -> None:
    """One forced, synchronous repaint of every visible widget of ``window``.

    ``window.repaint()`` alone repaints the window's own widgets but not the contents of its
    scroll areas (graphics views, plots, the panels' lists): Qt keeps those in the backing
    store. Marking every visible widget dirty first makes the same ``repaint()`` paint all of
    them, in one pass and one flush, as a frame does.
    """
    from PySide6.QtWidgets import QWidget

    for w in window.findChildren(QWidget):
        if w.isVisible():
            w.update()
    window.repaint()


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Internals:
    """The session's private parts that benchmarks need; the only code here that uses them."""

    def __init__(self, session):
        self.session = session

    def take_steps(self, n: int) -> None:
        """Record ``n`` descent steps through the session's own stepping, publishing nothing."""
        s = self.session
        for _ in range(n):
            if not s._step_once():
                raise RuntimeError(s._banner)

    def publish(self) -> None:
        """Emit one snapshot of the current state without predicting, as a play tick does."""
        self.session._publish(predict_again=False)

    def last_step(self) -> int:
        return self.session._rec.last_step

    def hold_play_timer(self) -> None:
        """Keep playing but stop the play timer, so that the caller drives ``session.tick()``."""
        self.session._timer.stop()


def record(session, steps: int) -> None:
    """Record ``steps`` steps, then show the newest (one snapshot, with its prediction)."""
    Internals(session).take_steps(steps)
    session.seek(FAR)
    settle()


def close(window) -> None:
    """Close ``window`` without the unsaved-changes prompt."""
    window.session.undo_stack.setClean()
    window.close()
