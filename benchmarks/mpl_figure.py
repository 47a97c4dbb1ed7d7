"""The app's three descent plots as a matplotlib figure: the reference a frame is compared with.

Written the fast way a teacher's script would be: an Agg canvas, every artist created once and
fed with ``set_data``, axes rescaled to the data, then ``canvas.draw()``. It draws what the app
draws from the same snapshot (the thinned rows, the loss curve on the same grid, the
prediction, the point, the tangent, sixteen step labels, cursors, titles and legends), at the
pixel size of the app's plot area. It takes no descent step itself.
"""

from __future__ import annotations

import numpy as np

DISPLAY_POINTS = 1500  # rows a plot shows (gui/descent: DISPLAY_POINTS)
MAX_SYMBOLS = 300  # beyond this many points a path is a line alone (gui/descent)
MAX_LABELS = 16


def frame_data(snap) -> dict:
    """The arrays one frame of the app's plots shows for ``snap`` (read from its ``descent``)."""
    from core.descent import loss_slice

    d = snap.descent
    run = d.run
    rows = run.rows(upto=d.cursor, max_points=DISPLAY_POINTS)
    xs = run.values[rows, 0]
    ys = run.loss[rows]
    steps = run.steps[rows].astype(float)
    pred = d.prediction
    px = pred.values if pred.values.ndim == 1 else pred.values[:, 0]
    x_now = float(run.values[d.cursor, 0])
    grid, curve = loss_slice(snap.params, d.x_name, np.concatenate([xs, px]), x_now)
    return {
        "xs": xs,
        "ys": ys,
        "steps": steps,
        "grads": run.grads[rows, 0],
        "px": px,
        "ploss": pred.loss,
        "psteps": d.predicted_from + np.arange(len(pred.loss), dtype=float),
        "grid": grid,
        "curve": curve,
        "x_now": x_now,
        "loss_now": float(run.loss[d.cursor]),
        "g": float(run.grads[d.cursor][0]),
        "step": float(d.step),
        "label_steps": run.steps[rows],
        "name": d.x_name,
    }


class MplPlots:
    """Three plots side by side in an Agg figure of ``size`` pixels."""

    def __init__(self, size: tuple[int, int]):
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = self.fig = Figure(figsize=(size[0] / 100, size[1] / 100), dpi=100)
        FigureCanvasAgg(fig)
        self.size = size
        ax_c, ax_l, ax_v = self.axes = fig.subplots(1, 3, gridspec_kw={"width_ratios": [5, 4, 4]})
        ax_g = self.ax_g = ax_v.twinx()
        (self.curve,) = ax_c.plot([], [], color="#202124", lw=2, label="MSE")
        (self.pred_c,) = ax_c.plot([], [], "o--", ms=3, lw=1.5, alpha=0.6, label="predicted path")
        (self.path,) = ax_c.plot([], [], "o-", ms=5, lw=2, mec="w", label="descent steps")
        (self.tangent,) = ax_c.plot([], [], lw=2.5, label="tangent")
        (self.point,) = ax_c.plot([], [], "o", ms=12, mec="#202124")
        self.labels = [ax_c.text(0, 0, "", ha="center", fontsize=9) for _ in range(MAX_LABELS)]
        (self.pred_l,) = ax_l.plot([], [], "--", lw=1.5, alpha=0.6, label="predicted")
        (self.run_l,) = ax_l.plot([], [], lw=2.5, label="this run")
        self.cur_l = ax_l.axvline(0, ls="--", lw=1, color="#202124", alpha=0.5)
        (self.value,) = ax_v.plot([], [], lw=2.5, label="w11")
        (self.pred_v,) = ax_v.plot([], [], "--", lw=1.5, alpha=0.6, label="predicted")
        (self.grad,) = ax_g.plot([], [], lw=2, color="#1a73e8", label="dMSE/dw11")
        ax_g.axhline(0, lw=1, ls="--", alpha=0.4)
        self.cur_v = ax_v.axvline(0, ls="--", lw=1, color="#202124", alpha=0.5)
        for ax, title, x, y in (
            (ax_c, "MSE vs w11, all else fixed", "w11", "MSE"),
            (ax_l, "Loss against step", "step", "MSE"),
            (ax_v, "w11 and its gradient against step", "step", "w11"),
        ):
            ax.set_title(title, fontsize=12)
            ax.set_xlabel(x, fontsize=11)
            ax.set_ylabel(y, fontsize=11)
            ax.grid(False)
            ax.legend(loc="upper right", fontsize=10)
        fig.tight_layout()

    def draw(self, snap) -> None:
        """Draw one frame of ``snap``'s descent."""
        f = frame_data(snap)
        self.curve.set_data(f["grid"], f["curve"])
        self.path.set_marker("o" if len(f["xs"]) <= MAX_SYMBOLS else "None")
        self.path.set_data(f["xs"], f["ys"])
        self.pred_c.set_marker("o" if len(f["px"]) <= MAX_SYMBOLS else "None")
        self.pred_c.set_data(f["px"], f["ploss"])
        self.point.set_data([f["x_now"]], [f["loss_now"]])
        half = 0.12 * (f["grid"][-1] - f["grid"][0])
        tx = np.array([f["x_now"] - half, f["x_now"] + half])
        self.tangent.set_data(tx, f["loss_now"] + f["g"] * (tx - f["x_now"]))
        self.tangent.set_color("#d93025" if f["g"] > 0 else "#1e8e3e")
        n = len(f["xs"])
        pick = np.unique(np.linspace(0, n - 1, min(n, MAX_LABELS)).astype(int))
        for i, t in enumerate(self.labels):
            if i < len(pick):
                k = pick[i]
                t.set_text(str(int(f["label_steps"][k])))
                t.set_position((float(f["xs"][k]), float(f["ys"][k])))
                t.set_visible(True)
            else:
                t.set_visible(False)
        self.run_l.set_data(f["steps"], f["ys"])
        self.pred_l.set_data(f["psteps"], f["ploss"])
        self.cur_l.set_xdata([f["step"], f["step"]])
        self.value.set_data(f["steps"], f["xs"])
        self.pred_v.set_data(f["psteps"], f["px"])
        self.grad.set_data(f["steps"], f["grads"])
        self.cur_v.set_xdata([f["step"], f["step"]])
        self.axes[0].set_title(f"MSE vs {f['name']}, all else fixed", fontsize=12)
        self.tangent.set_label(f"tangent, slope {f['g']:.4g}")
        for ax in (*self.axes, self.ax_g):
            ax.relim()
            ax.autoscale_view()
        self.fig.canvas.draw()
