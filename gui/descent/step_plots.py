"""Loss against step (log-scale toggle), and the parameter with its gradient against step."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from ..look.palette import GHOSTS, INK, NEGATIVE, POSITIVE, PREDICTED, SELECTED
from ..state.descent_data import MAX_GHOSTS, x_column
from ..state.snapshot import Descent
from .plot_style import make_plot, pen, set_axis_label, set_title

DISPLAY_POINTS = 1500  # about two points a pixel on a full-width plot


def tr(text: str) -> str:
    return QCoreApplication.translate("StepPlots", text)


def _cursor_line() -> pg.InfiniteLine:
    return pg.InfiniteLine(angle=90, movable=False, pen=pen(INK, 1, dashed=True, alpha=120))


class LossStepPlot:
    """MSE against step: the run up to the cursor, the prediction, the kept runs."""

    def __init__(self):
        self.widget = make_plot(tr("Loss against step"), tr("step"), "MSE")
        self.widget.setToolTip(tr("The loss after each step; dashed: the predicted steps."))
        plot = self.widget.getPlotItem()
        self._ghosts = [plot.plot(pen=pen(GHOSTS[i], 1.5, alpha=150)) for i in range(MAX_GHOSTS)]
        self._predicted = plot.plot(
            pen=pen(PREDICTED, 1.5, dashed=True, alpha=160), name=tr("predicted")
        )
        self._run = plot.plot(pen=pen(SELECTED, 2.5), name=tr("this run"))
        self._cursor = _cursor_line()
        plot.addItem(self._cursor, ignoreBounds=True)
        self._ghost_keys: tuple = ()

    def set_log(self, on: bool) -> None:
        if on == getattr(self, "_log", False):
            return
        self._log = on
        self.widget.getPlotItem().setLogMode(y=on)
        set_axis_label(self.widget, "left", tr("MSE (log scale)") if on else "MSE")

    def show(self, d: Descent) -> None:
        run = d.run
        rows = run.rows(upto=d.cursor, max_points=DISPLAY_POINTS)
        self._run.setData(run.steps[rows].astype(float), run.loss[rows])
        pred = d.prediction
        self._predicted.setData(
            d.predicted_from + np.arange(len(pred.loss), dtype=float), pred.loss
        )
        self._cursor.setPos(d.step)
        keys = tuple(id(g) for g in d.ghosts)
        legend = self.widget.getPlotItem().legend
        for i, item in enumerate(self._ghosts):
            if i < len(d.ghosts):
                item.setData(d.ghosts[i].steps.astype(float), d.ghosts[i].loss)
            else:
                item.setData([], [])
        if keys != self._ghost_keys:
            self._ghost_keys = keys
            for i, item in enumerate(self._ghosts):
                legend.removeItem(item)
                if i < len(d.ghosts):
                    legend.addItem(item, d.ghosts[i].label)


class ValueStepPlot:
    """The descending parameter (left axis) and its gradient (right axis) against step."""

    def __init__(self):
        self.widget = make_plot(
            tr("w11 and its gradient against step"), tr("step"), "w11", corner=(-8, -8)
        )
        self.widget.setToolTip(
            tr("The parameter after each step (left axis) and its gradient there (right axis).")
        )
        plot = self.widget.getPlotItem()
        self._value = plot.plot(pen=pen(SELECTED, 2.5), name="w11")
        self._predicted = plot.plot(
            pen=pen(PREDICTED, 1.5, dashed=True, alpha=160), name=tr("predicted")
        )
        self._right = pg.ViewBox()
        plot.showAxis("right")
        plot.getAxis("right").setTextPen(pen(POSITIVE, 1))  # coloured like its curve
        plot.scene().addItem(self._right)
        plot.getAxis("right").linkToView(self._right)
        self._right.setXLink(plot)
        self._grad = pg.PlotDataItem(pen=pen(POSITIVE, 2))
        self._right.addItem(self._grad)
        plot.legend.addItem(self._grad, "dMSE/dw11")
        self._zero = pg.InfiniteLine(angle=0, pos=0, movable=False, pen=pen(NEGATIVE, 1, True, 90))
        self._right.addItem(self._zero, ignoreBounds=True)
        plot.vb.sigResized.connect(self._sync)
        self._cursor = _cursor_line()
        plot.addItem(self._cursor, ignoreBounds=True)
        self._name = ""

    def _sync(self) -> None:
        vb = self.widget.getPlotItem().vb
        self._right.setGeometry(vb.sceneBoundingRect())
        self._right.linkedViewChanged(vb, self._right.XAxis)

    def show(self, d: Descent) -> None:
        run, name = d.run, d.x_name
        rows = run.rows(upto=d.cursor, max_points=DISPLAY_POINTS)
        steps = run.steps[rows].astype(float)
        self._value.setData(steps, x_column(run.param, run.values)[rows])
        self._grad.setData(steps, run.grads[rows, 0])
        pred = d.prediction
        pv = pred.values if pred.values.ndim == 1 else pred.values[:, 0]
        self._predicted.setData(d.predicted_from + np.arange(len(pv), dtype=float), pv)
        self._cursor.setPos(d.step)
        self._right.enableAutoRange(axis=pg.ViewBox.YAxis)
        if name != self._name:
            self._name = name
            plot = self.widget.getPlotItem()
            set_title(self.widget, tr("%1 and its gradient against step").replace("%1", name))
            set_axis_label(self.widget, "left", name)
            legend = plot.legend
            legend.removeItem(self._value)
            legend.removeItem(self._grad)
            legend.addItem(self._value, name)
            legend.addItem(self._grad, f"dMSE/d{name}")
