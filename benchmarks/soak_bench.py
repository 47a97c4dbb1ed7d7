"""Soak: a million descent steps at full speed in the shown window; memory and responsiveness.

In a fresh process, each timer tick takes descent steps for up to ``SLICE_MS`` through the
session's own stepping, then publishes one snapshot (every view redraws), as play does.
Meanwhile a sampler posts an input event (a mouse move to the diagram) every 50 ms and records
how long the event loop takes to deliver it. Peak RSS comes from ``resource.getrusage`` at the
end. The floor, in another fresh process of the same run, is the peak RSS of the bare window
(a QMainWindow holding one PlotWidget) shown and painted.

Run: ``python benchmarks/soak_bench.py [--json] [--quick] [--steps N]``
(default 1,000,000 steps; ``--quick`` takes 100,000 and says so in ``steps`` and ``unit``).
Goal: peak RSS within 1.5x of the bare window's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

import measure

SLICE_MS = 12.0
SAMPLE_MS = 50
IDLE_SAMPLES = 20
CHUNK = 25  # steps between looks at the clock
FLOOR_IS = (
    "peak RSS of a bare 1280x720 QMainWindow holding one PlotWidget, shown and painted, "
    "in a fresh process of the same run"
)


def floor_child() -> dict:
    from bench_window import bare_window, peak_rss_mb, settle

    app, window = bare_window()
    window.show()
    settle()
    window.repaint()
    settle()
    return {"rss": peak_rss_mb()}


def soak_child(steps: int, lr: float) -> dict:
    from bench_window import LONG_PLAY, close, open_window, peak_rss_mb, quiet
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    app, session, window = open_window(lr=lr)
    session.descent.set_stop_rule(LONG_PLAY)
    session.descent.play()
    session.descent.player.stop()  # play goes on; the soak's own timer drives the steps
    rss_start = peak_rss_mb()
    viewport = window.view.viewport()
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
            QApplication.postEvent(viewport, move)

    def tick():
        end = time.perf_counter() + SLICE_MS / 1000
        last = session.snapshot.run.last_step
        while time.perf_counter() < end and last < steps:
            session.descent.advance(min(CHUNK, steps - last))  # one snapshot per chunk
            last = session.snapshot.run.last_step
        frames[0] += 1
        if last >= steps:
            loop.quit()  # not app.quit(): that would close the window and ask to save

    for _ in range(IDLE_SAMPLES):  # the floor: the same event, delivered by an idle window
        sample()
        quiet(SAMPLE_MS)
    idle, latencies[:] = sorted(latencies), []

    loop = QEventLoop()
    stepper = QTimer(interval=0, timeout=tick)
    sampler = QTimer(interval=SAMPLE_MS, timeout=sample)
    t0 = time.perf_counter()
    stepper.start()
    sampler.start()
    loop.exec()
    elapsed = time.perf_counter() - t0
    stepper.stop()
    sampler.stop()
    rss = peak_rss_mb()
    rows = len(session.snapshot.descent.run)
    close(window)
    lat = sorted(latencies)
    return {
        "rss": rss,
        "rss_start": rss_start,
        "steps": session.snapshot.run.last_step,
        "seconds": elapsed,
        "frames": frames[0],
        "rows": rows,
        "latency_median": statistics.median(lat),
        "latency_p99": lat[int(0.99 * (len(lat) - 1))],
        "latency_max": lat[-1],
        "latency_samples": len(lat),
        "latency_idle": statistics.median(idle),
    }


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--steps", type=int, help="descent steps (default 1,000,000, quick 100,000)")
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--child", choices=("floor", "soak"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    steps = a.steps or (100_000 if a.quick else 1_000_000)
    if a.child == "floor":
        print(json.dumps(floor_child()))
        return 0
    if a.child == "soak":
        print(json.dumps(soak_child(steps, a.lr)))
        return 0
    floor = measure.child(__file__, "--child", "floor")
    soak = measure.child(__file__, "--child", "soak", "--steps", str(steps), "--lr", str(a.lr))
    r = {
        "memory_1e6": measure.entry(
            soak["rss"],
            floor["rss"],
            f"MB peak RSS after {soak['steps']:,} steps",
            FLOOR_IS,
            steps=soak["steps"],
            rss_after_startup_mb=soak["rss_start"],
            rows_kept=soak["rows"],
            steps_per_s=soak["steps"] / soak["seconds"],
            frames_per_s=soak["frames"] / soak["seconds"],
        ),
        "input_latency": measure.entry(
            soak["latency_median"],
            soak["latency_idle"],
            "ms median delivery of a posted mouse move during the soak",
            "the same mouse move posted to the same window while idle, before the soak",
            p99=soak["latency_p99"],
            max=soak["latency_max"],
            samples=soak["latency_samples"],
        ),
    }
    m = r["memory_1e6"]
    table = "\n".join(
        [
            "| soak | value |",
            "|---|---|",
            f"| descent steps taken | {soak['steps']:,} in {soak['seconds']:.0f} s "
            f"({m['steps_per_s']:,.0f} steps/s, {m['frames_per_s']:.1f} frames/s) |",
            f"| rows kept in the record | {soak['rows']:,} |",
            f"| peak RSS after start-up / after the run | {soak['rss_start']:.0f} MB / "
            f"{soak['rss']:.0f} MB |",
            f"| floor: {FLOOR_IS} | {floor['rss']:.0f} MB |",
            f"| ratio (goal <= 1.5) | {m['ratio']:.2f}x |",
            f"| input event latency, {soak['latency_samples']} samples: median / p99 / max | "
            f"{soak['latency_median']:.1f} / {soak['latency_p99']:.1f} / "
            f"{soak['latency_max']:.1f} ms |",
        ]
    )
    measure.emit(r, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
