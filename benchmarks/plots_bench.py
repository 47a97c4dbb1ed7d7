"""Live descent against a matplotlib figure redrawing the same three plots, frame for frame.

The app's frame: one descent step, one snapshot, every view of the main window repainted (the
three descent plots and the diagram). The matplotlib frame is what a teacher's script would do
instead, written the fast way (lines created once, ``set_data`` each frame, Agg canvas): the
loss curve with its point and tangent, the loss against step and w11 against step, fed with
every recorded row up to the current step, then ``canvas.draw()``. It takes no descent step
itself, which favours it. The app draws at most 1,500 points a plot (two a pixel); a second
matplotlib column is fed those same thinned rows.

Needs matplotlib (not a dependency of the app): ``pip install matplotlib``.
Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/plots_bench.py [--seconds 3]``.
Targets: the app at least 10x matplotlib, and at least 60 frames/s at 100,000 recorded steps.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_window import open_window, record  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
LR = 0.01


def app_fps(recorded: int, seconds: float) -> tuple[float, tuple[int, int]]:
    """Frames/s of the app with ``recorded`` steps behind it; and the plot area in pixels."""
    from PySide6.QtCore import QEvent, QObject

    app, session, window = open_window(lr=LR)
    record(session, recorded)
    app.processEvents()

    class Paints(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    spy = Paints()
    window.descent_panel.curve.widget.viewport().installEventFilter(spy)
    frames = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        session._step_once()
        session._publish(predict_again=False)
        app.processEvents()
        frames += 1
    elapsed = time.perf_counter() - t0
    if Paints.count < frames:
        raise RuntimeError(f"{frames} frames but {Paints.count} paints of the loss curve")
    panel = window.descent_panel
    size = (panel.width(), panel.height())
    session.mark_saved()  # nothing to save: close without the prompt
    window.close()
    return frames / elapsed, size


def mpl_fps(recorded: int, seconds: float, size: tuple[int, int], thin: bool) -> float:
    """Frames/s of a matplotlib Agg figure of ``size`` pixels redrawing the three plots."""
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from core.descent import descend
    from core.history import Run
    from core.live import loss_slice
    from core.scenario import default

    p = default().params
    traj = descend(p, "w11", LR, recorded)
    steps = np.arange(len(traj.loss), dtype=float)
    xs_all, loss_all, grads_all = traj.values, traj.loss, traj.grads

    fig = Figure(figsize=(size[0] / 100, size[1] / 100), dpi=100)
    FigureCanvasAgg(fig)
    ax_curve, ax_loss, ax_value = fig.subplots(1, 3)
    ax_grad = ax_value.twinx()
    (curve,) = ax_curve.plot([], [], color="k", lw=2)
    (path,) = ax_curve.plot([], [], "o-", ms=3, lw=2)
    (point,) = ax_curve.plot([], [], "o", ms=10)
    (tangent,) = ax_curve.plot([], [], lw=2.5)
    (loss_line,) = ax_loss.plot([], [], lw=2.5)
    (value_line,) = ax_value.plot([], [], lw=2.5)
    (grad_line,) = ax_grad.plot([], [], lw=2)
    for ax, title in ((ax_curve, "MSE vs w11"), (ax_loss, "MSE vs step"), (ax_value, "w11")):
        ax.set_title(title)
    frames = 0
    cursor = max(1, recorded // 2)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        upto = min(cursor + frames, recorded)
        rows = Run.rows(_Len(upto + 1), max_points=1500) if thin else np.arange(upto + 1)
        x, y, s = xs_all[rows], loss_all[rows], steps[rows]
        x_now, l_now, g = xs_all[upto], loss_all[upto], grads_all[upto]
        grid, lc = loss_slice(traj_params(p, x_now), "w11", x, x_now)
        curve.set_data(grid, lc)
        path.set_data(x, y)
        point.set_data([x_now], [l_now])
        half = 0.12 * (grid[-1] - grid[0])
        tx = np.array([x_now - half, x_now + half])
        tangent.set_data(tx, l_now + g * (tx - x_now))
        loss_line.set_data(s, y)
        value_line.set_data(s, x)
        grad_line.set_data(s, grads_all[rows])
        for ax in (ax_curve, ax_loss, ax_value, ax_grad):
            ax.relim()
            ax.autoscale_view()
        fig.canvas.draw()
        frames += 1
    return frames / (time.perf_counter() - t0)


class _Len:
    """Just enough of a Run for :meth:`core.history.Run.rows`: a length."""

    def __init__(self, n: int):
        self.n = n

    def __len__(self) -> int:
        return self.n


def traj_params(p, w11: float):
    return p.with_value("w11", float(w11))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("matplotlib is not installed: pip install matplotlib (for this comparison only)")
        return 0
    print(
        "| recorded steps | app frames/s | matplotlib frames/s (all rows) | ratio "
        "| matplotlib frames/s (app's 1,500 rows) | ratio |"
    )
    print("|---|---|---|---|---|---|")
    for n in SIZES:
        fps, size = app_fps(n, a.seconds)
        full = mpl_fps(n, a.seconds, size, thin=False)
        thin = mpl_fps(n, a.seconds, size, thin=True)
        print(
            f"| {n:,} | {fps:.1f} | {full:.1f} | {fps / full:.1f}x | {thin:.1f} "
            f"| {fps / thin:.1f}x |"
        )
    print(
        f"(plot area {size[0]}x{size[1]} px, the descent dock of a 1280x720 window; "
        f"targets: >= 10x matplotlib, >= 60 frames/s at 100,000 steps)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
