"""The app's main window for benchmarks, and the floors measured beside it.

Every benchmark builds the window here through the app's public API (``Session(scenario)``,
``MainWindow(session)`` and the session's verbs). A benchmark that drives play itself starts
play, stops ``session.descent.player`` (the timer) and calls ``session.descent.advance(n)``,
which is what a play tick does.
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
    session.descent.set_descent_param(param)
    if lr is not None:
        session.descent.set_learning_rate(lr)
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


def paint_counter():
    """An event filter counting the Paint events of what it is installed on (``.count``)."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return Paints()


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def record(session, steps: int) -> None:
    """Record ``steps`` steps through play's own stepping (one snapshot), then pause."""
    descent = session.descent
    descent.set_stop_rule(max(steps, 1))
    descent.play()
    descent.player.stop()  # the caller, not the timer, decides when steps are taken
    descent.advance(steps)
    if session.snapshot.banner:
        raise RuntimeError(session.snapshot.banner)
    descent.pause()
    settle()


def close(window) -> None:
    """Close ``window`` without the unsaved-changes prompt."""
    window.session.mark_saved()
    window.close()
