"""Frames per second while really playing: the play timer, at full speed, N steps recorded.

plots_bench.py times single frames by driving the ticks itself; this one lets the session's
own play timer run (``play()`` at 1,000 steps/s) for a few seconds and counts its frames (the
snapshots it publishes; the loss curve must have painted at least as often), descending on
w11 and on all weights, each in a fresh process. The floor, measured in the same process for
as long, is back-to-back forced full repaints of the same window (bench_window.full_repaint)
per second. The play timer fires at most every 16 ms, so play cannot pass about 62 frames/s
however cheap a frame is.

Run: ``python benchmarks/descent_bench.py [--json] [--quick] [--recorded N] [--seconds S]``.
Goal: at least 60 frames/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import measure

MODES = {"w11": ("play_w11", 0.01), "all weights": ("play_all_weights", 0.05)}
FLOOR_IS = "forced full repaints of the same window per second, back to back, same process"


def play_child(param: str, recorded: int, seconds: float) -> dict:
    from bench_window import (
        LONG_PLAY,
        close,
        full_repaint,
        open_window,
        paint_counter,
        record,
        settle,
    )
    from PySide6.QtCore import QEventLoop, QTimer

    app, session, window = open_window(param, lr=MODES[param][1])
    record(session, recorded)
    session.descent.set_stop_rule(LONG_PLAY)
    session.descent.set_speed(1000)

    snapshots = []
    session.state_changed.connect(snapshots.append)
    spy = paint_counter()
    window.descent_panel.curve.widget.viewport().installEventFilter(spy)
    start_step = session.snapshot.descent.step
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    session.descent.play()
    t0 = time.perf_counter()
    loop.exec()
    elapsed = time.perf_counter() - t0
    frames = len(snapshots) - 1  # play() itself publishes once
    session.descent.pause()
    steps = session.snapshot.descent.step - start_step
    if spy.count < frames:
        raise RuntimeError(f"{frames} snapshots but {spy.count} paints of the loss curve")
    settle()
    repaints = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        full_repaint(window)
        repaints += 1
    floor_fps = repaints / (time.perf_counter() - t0)
    close(window)
    return {"fps": frames / elapsed, "floor_fps": floor_fps, "steps_per_s": steps / elapsed}


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--recorded", type=int, help="steps recorded first (default 100,000)")
    ap.add_argument("--seconds", type=float, help="seconds of play (default 5, quick 2)")
    ap.add_argument("--child", choices=tuple(MODES), help=argparse.SUPPRESS)
    a = ap.parse_args()
    recorded = a.recorded if a.recorded is not None else (10_000 if a.quick else 100_000)
    seconds = a.seconds or (2.0 if a.quick else 5.0)
    if a.child:
        print(json.dumps(play_child(a.child, recorded, seconds)))
        return 0
    results, lines = {}, []
    for param, (key, _lr) in MODES.items():
        r = measure.child(
            __file__, "--child", param, "--recorded", str(recorded), "--seconds", str(seconds)
        )
        results[key] = measure.entry(
            r["fps"],
            r["floor_fps"],
            "frames/s",
            FLOOR_IS,
            what=f"frames/s of the play timer at 1,000 steps/s, {recorded:,} recorded, {param}",
            steps_per_s=r["steps_per_s"],
            recorded=recorded,
        )
        lines.append(
            f"| {param} | {r['fps']:.1f} | {r['steps_per_s']:.0f} | {r['floor_fps']:.1f} |"
        )
    table = "\n".join(
        [
            f"| playing at 1,000 steps/s, {recorded:,} recorded | frames/s (goal >= 60) "
            "| steps/s | forced full repaints/s |",
            "|---|---|---|---|",
            *lines,
        ]
    )
    measure.emit(results, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
