"""The app's main window on the homework scenario, and a run recorded into it, for benchmarks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_window(param: str = "w11", lr: float | None = None):
    """``(app, session, window)``: the window shown, descending on ``param`` at ``lr``."""
    from PySide6.QtWidgets import QApplication

    from core.scenario import default
    from gui.main_window import MainWindow
    from gui.state.session import Session

    app = QApplication.instance() or QApplication([])
    session = Session(default())
    session.descent.set_descent_param(param)
    if lr is not None:
        session.descent.set_learning_rate(lr)
    window = MainWindow(session)
    window.show()
    app.processEvents()
    return app, session, window


def record(session, steps: int) -> None:
    """Record ``steps`` steps through the session's own stepping, then redraw once."""
    for _ in range(steps):
        if not session._step_once():
            raise RuntimeError(session._banner)
    session._publish()
