"""Loss against the descending parameter: the curve, the point, its tangent, the numbered steps.

Every item is created once in ``__init__`` and fed with ``setData`` on each snapshot.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from core.descent import ALL_WEIGHTS, loss_slice
from core.numfmt import fmt

from ..look.palette import FONT_PT, GHOSTS, INK, PREDICTED, SELECTED, sign_hex
from ..state.descent_data import MAX_GHOSTS, x_column
from ..state.snapshot import Descent
from .plot_style import brush, make_plot, pen, set_axis_label, set_title

MAX_LABELS = 16
DISPLAY_POINTS = 1500  # about two points a pixel on a full-width plot
MAX_SYMBOLS = 300  # beyond this many points a path is drawn as a line alone


def tr(text: str) -> str:
    return QCoreApplication.translate("LossCurvePlot", text)


class LossCurvePlot:
    """Owns one PlotWidget (``widget``); :meth:`show` draws a snapshot's descent on it."""

    def __init__(self):
        self.widget = make_plot(tr("MSE vs w11"), "w11", "MSE")
        self.widget.setToolTip(
            tr(
                "The loss as the descending parameter varies, all else fixed. Dots are the "
                "descent steps in order; the line through the current point has the "
                "gradient as its slope; the dashed path is where the current learning rate "
                "will go."
            )
        )
        plot = self.widget.getPlotItem()
        self._ghosts = []
        for i in range(MAX_GHOSTS):
            g = pg.PlotDataItem(
                pen=pen(GHOSTS[i], 1.5, alpha=150),
                symbol="o",
                symbolSize=4,
                symbolPen=None,
                symbolBrush=brush(GHOSTS[i], 150),
            )
            plot.addItem(g)
            self._ghosts.append(g)
        self._curve = plot.plot(pen=pen(INK, 2), name="MSE")
        self._predicted = plot.plot(
            pen=pen(PREDICTED, 1.5, dashed=True, alpha=160),
            symbol="o",
            symbolSize=5,
            symbolPen=None,
            symbolBrush=brush(PREDICTED, 110),
            name=tr("predicted path"),
        )
        self._path = plot.plot(
            pen=pen(SELECTED, 2),
            symbol="o",
            symbolSize=8,
            symbolPen=pen("#FFFFFF", 1),
            symbolBrush=brush(SELECTED),
            name=tr("descent steps"),
        )
        self._tangent = pg.PlotDataItem(pen=pen(SELECTED, 2.5), name=tr("tangent"))
        plot.addItem(self._tangent, ignoreBounds=True)
        self._point = pg.ScatterPlotItem(size=15, pen=pen(INK, 1.5), brush=brush(SELECTED))
        plot.addItem(self._point)
        font = QFont()
        font.setPointSize(FONT_PT - 1)
        self._labels = []
        for _ in range(MAX_LABELS):
            t = pg.TextItem(color=INK, anchor=(0.5, 1.3))
            t.setFont(font)
            plot.addItem(t, ignoreBounds=True)
            self._labels.append(t)
        self._ghost_keys: tuple = ()

    def show(self, d: Descent, params) -> None:
        run, x_name = d.run, d.x_name
        rows = run.rows(upto=d.cursor, max_points=DISPLAY_POINTS)
        xs = x_column(run.param, run.values)[rows]
        ys = run.loss[rows]
        pred = d.prediction
        px = pred.values if pred.values.ndim == 1 else pred.values[:, 0]
        x_now = float(x_column(run.param, run.values[d.cursor : d.cursor + 1])[0])
        grid, curve = loss_slice(params, x_name, np.concatenate([xs, px]), x_now)
        self._curve.setData(grid, curve)
        self._path.setSymbol("o" if len(xs) <= MAX_SYMBOLS else None)
        self._path.setData(xs, ys)
        self._predicted.setSymbol("o" if len(px) <= MAX_SYMBOLS else None)
        self._predicted.setData(px, pred.loss)
        loss_now = float(run.loss[d.cursor])
        self._point.setData([x_now], [loss_now])
        g = float(run.grads[d.cursor][0])
        half = 0.12 * (grid[-1] - grid[0])
        tx = np.array([x_now - half, x_now + half])
        with np.errstate(all="ignore"):
            self._tangent.setData(tx, loss_now + g * (tx - x_now))
        self._tangent.setPen(pen(sign_hex(g), 2.5))
        self._show_labels(run, rows, xs, ys)
        self._show_ghosts(d, x_name)
        self._title(d, x_name, g)

    def _show_labels(self, run, rows, xs, ys) -> None:
        pick = np.unique(np.linspace(0, len(rows) - 1, min(len(rows), MAX_LABELS)).astype(int))
        for i, t in enumerate(self._labels):
            if i < len(pick):
                k = pick[i]
                t.setText(str(int(run.steps[rows[k]])))
                t.setPos(float(xs[k]), float(ys[k]))
                t.setVisible(True)
            else:
                t.setVisible(False)

    def _show_ghosts(self, d: Descent, x_name: str) -> None:
        legend = self.widget.getPlotItem().legend
        keys = tuple(id(g) for g in d.ghosts) + (x_name,)
        for i, item in enumerate(self._ghosts):
            ghost = d.ghosts[i] if i < len(d.ghosts) else None
            if ghost is not None and ghost.x_name == x_name:
                item.setData(ghost.x, ghost.loss)
                item.setVisible(True)
            else:
                item.setData([], [])
                item.setVisible(False)
        if keys != self._ghost_keys:  # legend entries change only when runs are kept or cleared
            self._ghost_keys = keys
            for i, item in enumerate(self._ghosts):
                legend.removeItem(item)
                if item.isVisible():
                    legend.addItem(item, d.ghosts[i].label)

    def _title(self, d: Descent, x_name: str, g: float) -> None:
        if d.param == ALL_WEIGHTS:
            title = tr("MSE vs w11, other weights as now")
        else:
            title = tr("MSE vs %1, all else fixed").replace("%1", x_name)
        plot = self.widget.getPlotItem()
        set_title(self.widget, title)
        label = plot.legend.getLabel(self._tangent)
        if label is not None:
            label.setText(tr("tangent, slope %1").replace("%1", fmt(g)))
        set_axis_label(self.widget, "bottom", x_name)
