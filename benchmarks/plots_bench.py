"""Live descent frames: the whole window while playing, against a forced repaint and matplotlib.

For each number N of recorded steps, a fresh process opens the main window, records N steps
of descent on w11, then plays at 60 steps/s. One frame is what a play tick does:
``session.descent.advance(1)`` (one step, one snapshot, every view updated), then events until
none is pending (every view repainted). The play timer is held so that the benchmark drives the
ticks itself. At 60 steps/s a tick takes one step whatever the time between ticks, so the
floors can be timed between frames without changing a frame's work; at 1,000 steps/s a tick
at 60 frames/s takes 16 steps, about 0.6 ms more (descent_bench.py plays that way).

Two floors are measured in the same process, in turn with the frames: each job runs
:data:`RUN` times in a row, then the next, the order of the three rotating, so that a slow
moment of a shared machine hits each alike. Play draws its frames back to back; a frame timed
right after 80 ms of matplotlib or a repaint ran measurably slower here (the same calls, 3 ms
more after a 100 ms busy loop), so frames are timed in runs, as play draws them. The median
frame that came first in its run is reported too (``first_in_run_ms``).

- ``frame_N``: one forced full repaint of the same window (bench_window.full_repaint).
- ``matplotlib_N``: the same three plots drawn by matplotlib (mpl_figure.py) from the
  snapshot the app's frame just showed, at the pixel size of the app's plot area, Agg
  ``canvas.draw()``.

The matplotlib entry also gives ``repaint_ratio``: the forced full repaint against matplotlib,
what a frame costing exactly one repaint of the window would score; and ``paint_ratio``: the
frame's events after the views' update (painting what changed, ``paint_ms`` in both entries)
against matplotlib, what a frame whose views updated at no cost would score.

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
SPEED = 60.0  # steps/s: one step a tick (see the module docstring)
WARM = 2  # runs that warm caches and are dropped
RUN = 4  # samples of a job taken in a row
REPAINT_IS = "one forced full repaint of the same window (every visible widget), same process"
MPL_IS = (
    "matplotlib Agg draw of the same three plots from the same snapshots, same pixel size, "
    "artists made once and fed with set_data"
)


def frames(recorded: int, samples: int) -> dict:
    """In a fresh process: the app's frame, the forced repaint and matplotlib's frame, in ms."""
    from bench_window import (
        LONG_PLAY,
        close,
        full_repaint,
        open_window,
        record,
        settle,
    )

    app, session, window = open_window(lr=LR)
    record(session, recorded)
    session.descent.set_stop_rule(LONG_PLAY)
    session.descent.set_speed(SPEED)
    session.descent.play()
    session.descent.player.stop()  # play goes on; the benchmark drives the ticks
    settle()
    plots = window.descent_panel.plots
    size = (plots.width(), plots.height())
    try:
        from mpl_figure import MplPlots

        mpl = MplPlots(size)
    except ImportError:
        mpl = None

    painting: list[float] = []  # each frame's events after the views' update: their paint

    def frame():
        session.descent.advance(1)
        start = time.perf_counter()
        settle()
        painting.append((time.perf_counter() - start) * 1e3)

    jobs = {"frame": frame, "repaint": lambda: full_repaint(window)}
    if mpl is not None:
        jobs["mpl"] = lambda: mpl.draw(session.snapshot)
    times: dict[str, list[float]] = {name: [] for name in jobs}
    names = list(jobs)
    steps = []
    firsts, paints = [], []
    for i in range(WARM + -(-samples // RUN)):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            for k in range(RUN):
                before = session.snapshot.run.last_step
                start = time.perf_counter()
                jobs[name]()
                elapsed = (time.perf_counter() - start) * 1e3
                if i >= WARM:
                    times[name].append(elapsed)
                    if name == "frame":
                        steps.append(session.snapshot.run.last_step - before)
                        paints.append(painting[-1])
                        if k == 0:
                            firsts.append(elapsed)
    rows = len(session.snapshot.descent.run.rows(max_points=1500))
    last = session.snapshot.run.last_step
    session.descent.pause()
    close(window)
    return {
        "frame_ms": times["frame"],
        "first_in_run_ms": firsts,
        "paint_ms": paints,
        "repaint_ms": times["repaint"],
        "mpl_ms": times.get("mpl", []),
        "steps_per_frame": measure.median(steps),
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
        "first_in_run_ms": measure.median(r["first_in_run_ms"]),
        "paint_ms": measure.median(r["paint_ms"]),
    }
    out = {f"frame_{n}": measure.entry(frame, measure.median(r["repaint_ms"]), "ms", REPAINT_IS)}
    out[f"frame_{n}"] |= common
    w, h = r["size"]
    mpl_is = f"{MPL_IS} ({w}x{h} px)"
    if r["mpl_ms"]:
        mpl = measure.entry(frame, measure.median(r["mpl_ms"]), "ms", mpl_is)
        # what a frame that cost exactly one forced full repaint of the window would score,
        # and what the frame's painting alone (after the views' update) scores
        mpl["repaint_ratio"] = measure.median(r["repaint_ms"]) / mpl["floor"]
        mpl["paint_ratio"] = measure.median(r["paint_ms"]) / mpl["floor"]
    else:
        mpl = measure.skipped("ms", mpl_is, "matplotlib is not installed")
    out[f"matplotlib_{n}"] = mpl | common
    return out


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--child", type=int, metavar="N", help=argparse.SUPPRESS)
    ap.add_argument("--samples", type=int, help="frames of each size (default 60, quick 25)")
    ap.add_argument("--sizes", help="recorded steps, comma-separated (default 1000,10000,100000)")
    a = ap.parse_args()
    samples = a.samples or (25 if a.quick else 60)
    if a.child is not None:
        print(json.dumps(frames(a.child, samples)))
        return 0
    sizes = [int(s) for s in a.sizes.split(",")] if a.sizes else SIZES
    results: dict = {}
    for n in sizes:
        r = measure.child(__file__, "--child", str(n), "--samples", str(samples))
        results |= entries(n, r)
    lines = [
        "| recorded steps | app frame ms (frames/s) | forced repaint ms | ratio (goal <= 1.5) "
        "| matplotlib ms | ratio (goal <= 0.1) | a forced repaint's ratio "
        "| the frame's painting alone: ms, ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n in sizes:
        f, m = results[f"frame_{n}"], results[f"matplotlib_{n}"]
        lines.append(
            f"| {n:,} | {f['value']:.1f} ({f['fps']:.0f}) | {f['floor']:.1f} | {f['ratio']:.2f}x "
            f"| {measure.fmt(m['floor'])} | {measure.fmt(m['ratio'], 2)}x "
            f"| {measure.fmt(m.get('repaint_ratio'), 2)}x "
            f"| {f['paint_ms']:.1f}, {measure.fmt(m.get('paint_ratio'), 2)}x |"
        )
    counted = results[f"frame_{sizes[0]}"]["samples"] if sizes else samples
    lines.append(f"(medians of {counted} frames; floors: {REPAINT_IS}; {MPL_IS})")
    measure.emit(results, a.json, "\n".join(lines))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
