"""Live descent frames: the whole window while playing, against a forced repaint and matplotlib.

For each number N of recorded steps, a fresh process opens the main window, records N steps
of descent on w11, then plays at full speed (1,000 steps/s). One frame is what a play tick
does: ``session.tick()`` (the steps due since the last tick, one snapshot, every view
updated), then events until none is pending (every view repainted). The play timer is held
so that the benchmark drives the ticks itself; the steps a tick takes still follow the clock,
as in play.

Two floors are measured in the same process, in rounds of frames so that a tick's clock never
counts them:

- ``frame_N``: one forced full repaint of the same window (bench_window.full_repaint).
- ``matplotlib_N``: the same three plots drawn by matplotlib (mpl_figure.py) from the very
  snapshots the app's frames showed, at the pixel size of the app's plot area, Agg
  ``canvas.draw()``.

Needs matplotlib for the second (not a dependency of the app): ``pip install matplotlib``.
Run: ``python benchmarks/plots_bench.py [--json] [--quick]``.
Goals: frames within 1.5x of a forced repaint, at least 60 frames/s, at least 10x faster
than matplotlib (ratio <= 0.1).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import measure

SIZES = (1_000, 10_000, 100_000)
LR = 0.01  # descends slowly enough that a million steps never stop
SPEED = 1000.0  # steps/s: the fastest play
REPAINT_IS = "one forced full repaint of the same window (every visible widget), same process"
MPL_IS = (
    "matplotlib Agg draw of the same three plots from the same snapshots, same pixel size, "
    "artists made once and fed with set_data"
)


def frames(recorded: int, rounds: int, per_round: int) -> dict:
    """In a fresh process: the app's frame, the forced repaint and matplotlib's frame, in ms."""
    from bench_window import (
        LONG_PLAY,
        Internals,
        close,
        full_repaint,
        open_window,
        record,
        settle,
    )

    app, session, window = open_window(lr=LR)
    record(session, recorded)
    session.set_stop_rule(LONG_PLAY)
    session.set_speed(SPEED)
    session.play()
    internals = Internals(session)
    internals.hold_play_timer()
    settle()
    plots = window.descent_panel.plots
    size = (plots.width(), plots.height())
    try:
        from mpl_figure import MplPlots

        mpl = MplPlots(size)
    except ImportError:
        mpl = None

    frame_ms, repaint_ms, mpl_ms, steps_per_frame = [], [], [], []
    rows = 0
    for round_ in range(rounds + 1):  # round 0 warms caches and is dropped
        session.tick()  # restarts the tick clock after the floors' time; not counted
        settle()
        snaps, times, steps = [], [], []
        for _ in range(per_round):
            before = internals.last_step()
            start = time.perf_counter()
            session.tick()
            settle()
            times.append((time.perf_counter() - start) * 1e3)
            steps.append(internals.last_step() - before)
            snaps.append(session.snapshot)
        floors = []
        for _ in range(per_round):
            start = time.perf_counter()
            full_repaint(window)
            floors.append((time.perf_counter() - start) * 1e3)
        drawn = []
        for snap in snaps if mpl else ():
            start = time.perf_counter()
            mpl.draw(snap)
            drawn.append((time.perf_counter() - start) * 1e3)
        if round_:
            frame_ms += times
            repaint_ms += floors
            mpl_ms += drawn
            steps_per_frame += steps
        rows = len(session.snapshot.descent.run.rows(max_points=1500))
    last = internals.last_step()
    session.pause()
    close(window)
    return {
        "frame_ms": frame_ms,
        "repaint_ms": repaint_ms,
        "mpl_ms": mpl_ms,
        "steps_per_frame": measure.median(steps_per_frame),
        "recorded_at_end": last,
        "rows_drawn": rows,
        "size": size,
    }


def entries(n: int, r: dict) -> dict:
    """``frame_N`` and ``matplotlib_N`` from one child's samples."""
    frame = measure.median(r["frame_ms"])
    common = {
        "fps": 1000.0 / frame,
        "recorded": n,
        "recorded_at_end": r["recorded_at_end"],
        "steps_per_frame": r["steps_per_frame"],
        "rows_drawn": r["rows_drawn"],
        "samples": len(r["frame_ms"]),
    }
    out = {f"frame_{n}": measure.entry(frame, measure.median(r["repaint_ms"]), "ms", REPAINT_IS)}
    out[f"frame_{n}"] |= common
    w, h = r["size"]
    mpl_is = f"{MPL_IS} ({w}x{h} px)"
    if r["mpl_ms"]:
        mpl = measure.entry(frame, measure.median(r["mpl_ms"]), "ms", mpl_is)
    else:
        mpl = measure.skipped("ms", mpl_is, "matplotlib is not installed")
    out[f"matplotlib_{n}"] = mpl | common
    return out


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--child", type=int, metavar="N", help=argparse.SUPPRESS)
    ap.add_argument("--rounds", type=int, help="rounds of frames (default 6, quick 3)")
    ap.add_argument("--sizes", help="recorded steps, comma-separated (default 1000,10000,100000)")
    a = ap.parse_args()
    rounds = a.rounds or (3 if a.quick else 6)
    per_round = 10
    if a.child is not None:
        print(json.dumps(frames(a.child, rounds, per_round)))
        return 0
    sizes = [int(s) for s in a.sizes.split(",")] if a.sizes else SIZES
    results: dict = {}
    for n in sizes:
        r = measure.child(__file__, "--child", str(n), "--rounds", str(rounds))
        results |= entries(n, r)
    lines = [
        "| recorded steps | app frame ms (frames/s) | forced repaint ms | ratio (goal <= 1.5) "
        "| matplotlib ms | ratio (goal <= 0.1) |",
        "|---|---|---|---|---|---|",
    ]
    for n in sizes:
        f, m = results[f"frame_{n}"], results[f"matplotlib_{n}"]
        lines.append(
            f"| {n:,} | {f['value']:.1f} ({f['fps']:.0f}) | {f['floor']:.1f} | {f['ratio']:.2f}x "
            f"| {measure.fmt(m['floor'])} | {measure.fmt(m['ratio'], 2)}x |"
        )
    lines.append(f"(medians of {rounds * per_round} frames; floors: {REPAINT_IS}; {MPL_IS})")
    measure.emit(results, a.json, "\n".join(lines))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
