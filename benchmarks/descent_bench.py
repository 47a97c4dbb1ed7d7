"""Live descent figures: frames drawn per second while playing, and memory after long runs.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/descent_bench.py [--steps 1000000]``.
Prints a table. Targets: >= 60 frames/s at 1,000 steps/s with 100,000 steps recorded;
peak RSS < 250 MB after 1,000,000 steps.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_window import open_window, record  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fps(recorded: int, seconds: float, param: str) -> dict:
    from PySide6.QtCore import QEvent, QObject

    app, session, window = open_window(param)
    session.descent.set_learning_rate(0.01 if param == "w11" else 0.05)
    record(session, recorded)
    session.descent.set_stop_rule(10_000_000)
    session.descent.set_speed(1000)

    class Counter(QObject):
        paints = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                Counter.paints += 1
            return False

    counter = Counter()
    viewport = window.descent_panel.curve.widget.viewport()
    viewport.installEventFilter(counter)
    start_step = session.snapshot.descent.step
    session.descent.play()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
    elapsed = time.perf_counter() - t0
    session.descent.pause()
    steps = session.snapshot.descent.step - start_step
    return {
        "frames/s": Counter.paints / elapsed,
        "steps/s": steps / elapsed,
        "rows kept": len(session.snapshot.descent.run),
    }


def memory(steps: int, param: str) -> dict:
    app, session, window = open_window(param)
    session.descent.set_learning_rate(0.01 if param == "w11" else 0.05)
    t0 = time.perf_counter()
    record(session, steps)
    app.processEvents()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    d = session.snapshot.descent
    return {
        "peak RSS MB": rss,
        "seconds": time.perf_counter() - t0,
        "rows kept": len(d.run),
        "last step": d.step,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1_000_000)
    ap.add_argument("--recorded", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--child", choices=("fps", "memory"))
    ap.add_argument("--param", default="w11")
    a = ap.parse_args()
    if a.child == "fps":
        print(fps(a.recorded, a.seconds, a.param))
        return 0
    if a.child == "memory":
        print(memory(a.steps, a.param))
        return 0
    rows = []
    for param in ("w11", "all weights"):
        for kind in ("fps", "memory"):
            cmd = [
                sys.executable,
                __file__,
                "--child",
                kind,
                "--param",
                param,
                "--steps",
                str(a.steps),
                "--recorded",
                str(a.recorded),
                "--seconds",
                str(a.seconds),
            ]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            rows.append((param, kind, eval(out.strip().splitlines()[-1])))  # noqa: S307
    print(f"{'descending':<12} {'measurement':<44} {'value':>10}")
    for param, kind, r in rows:
        if kind == "fps":
            label = f"frames/s at 1000 steps/s, {a.recorded:,} recorded"
            print(f"{param:<12} {label:<44} {r['frames/s']:>10.1f}")
            print(f"{'':<12} {'steps/s achieved':<44} {r['steps/s']:>10.1f}")
        else:
            label = f"peak RSS after {a.steps:,} steps (MB)"
            print(f"{param:<12} {label:<44} {r['peak RSS MB']:>10.1f}")
            print(f"{'':<12} {'rows kept in the record':<44} {r['rows kept']:>10,}")
            print(f"{'':<12} {'seconds to record':<44} {r['seconds']:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
