"""Soak: a million descent steps at full speed in the shown window; memory and responsiveness.

Each timer tick takes descent steps for up to ``SLICE_MS`` through the session's own stepping,
then publishes one snapshot (every view redraws), as play does. Meanwhile a sampler posts an
input event (a mouse move to the diagram) every 50 ms and records how long the event loop takes
to deliver it. Peak RSS comes from ``resource.getrusage``.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/soak_bench.py [--steps 1000000]``.
Targets: peak RSS under 250 MB; the window stays responsive.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SLICE_MS = 12.0
SAMPLE_MS = 50


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1_000_000)
    ap.add_argument("--lr", type=float, default=0.01)
    a = ap.parse_args()

    from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from core.scenario import default
    from gui.main_window import MainWindow
    from gui.state.session import Session

    app = QApplication.instance() or QApplication([])
    session = Session(default())
    session.descent.set_learning_rate(a.lr)
    window = MainWindow(session)
    window.show()
    app.processEvents()
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    target = viewport = window.view.viewport()
    latencies: list[float] = []
    frames = [0]

    class Probe(QObject):
        posted: float | None = None

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.MouseMove and self.posted is not None:
                latencies.append((time.perf_counter() - self.posted) * 1e3)
                self.posted = None
            return False

    probe = Probe()
    viewport.installEventFilter(probe)

    def sample():
        if probe.posted is None:
            probe.posted = time.perf_counter()
            pos = QPointF(5, 5)
            move = QMouseEvent(
                QEvent.Type.MouseMove,
                pos,
                viewport.mapToGlobal(pos),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.postEvent(target, move)

    def tick():
        end = time.perf_counter() + SLICE_MS / 1000
        while time.perf_counter() < end and session._rec.last_step < a.steps:
            if not session._step_once():
                raise RuntimeError(session._banner)
        session._publish(predict_again=False)
        frames[0] += 1
        if session._rec.last_step >= a.steps:
            app.quit()

    stepper = QTimer(interval=0, timeout=tick)
    sampler = QTimer(interval=SAMPLE_MS, timeout=sample)
    t0 = time.perf_counter()
    stepper.start()
    sampler.start()
    app.exec()
    elapsed = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lat = sorted(latencies)
    d = session.snapshot.descent
    print("| soak | value |")
    print("|---|---|")
    print(
        f"| descent steps taken | {d.run.last_step:,} in {elapsed:.0f} s "
        f"({d.run.last_step / elapsed:,.0f} steps/s, {frames[0] / elapsed:.1f} frames/s) |"
    )
    print(f"| rows kept in the record | {len(d.run):,} |")
    print(
        f"| peak RSS: after start-up / after the run (target < 250 MB) | {rss_start:.0f} MB / "
        f"{rss:.0f} MB {'PASS' if rss < 250 else 'MISS'} |"
    )
    print(
        f"| input event latency, {len(lat)} samples: median / p99 / max | "
        f"{statistics.median(lat):.1f} / {lat[int(0.99 * (len(lat) - 1))]:.1f} / "
        f"{lat[-1]:.1f} ms |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
