"""Loss against step (log-scale toggle), and the parameter with its gradient against step.

Items are created once and fed with ``setData`` only when what they draw changed: during play
the run and the cursor move, while the prediction and the kept runs stay. The runs are thinned
to the pixels available (pyqtgraph's peak downsampling, clipped to the view) and the ranges
are set here, not by auto-range (:mod:`.plot_ranges`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from core.losses import LOSS_SYMBOL

from ..look.palette import GHOSTS, INK, NEGATIVE, POSITIVE, PREDICTED, SELECTED
from ..state.descent_data import MAX_GHOSTS, x_column
from ..state.snapshot import Descent
from .legend_place import LegendPlace
from .plot_ranges import (
    AxisRange,
    ViewRanges,
    bounds,
    changed,
    fit_button,
)
from .plot_style import make_plot, pen, rename, retranslate_menu, set_axis_label, set_title

DISPLAY_POINTS = 1500  # rows handed to a plot; it draws about two a pixel of them
THIN = {"autoDownsample": True, "autoDownsampleFactor": 1.0, "clipToView": True}


def _thin_to_pixels(plot: pg.PlotItem) -> None:
    """Peak downsampling and clipping for every curve ``plot`` adds: a pair of points (the
    least and greatest value) a pixel column, only those in view.

    ``PlotItem.addItem`` gives each curve the plot's own downsampling and clipping (those of
    its context menu, off by default) in place of the curve's own :data:`THIN`; so they are
    set on the plot, before its curves are added.
    """
    plot.setDownsampling(auto=True, mode="peak")
    plot.setClipToView(True)


def _cursor_line() -> pg.InfiniteLine:
    return pg.InfiniteLine(angle=90, movable=False, pen=pen(INK, 1, dashed=True, alpha=120))


def _predicted_steps(d: Descent) -> np.ndarray:
    return d.predicted_from + np.arange(len(d.prediction.loss), dtype=float)


class LossStepPlot:
    """MSE against step: the run up to the cursor, the prediction, the kept runs."""

    def __init__(self):
        self.widget = make_plot("", "", "MSE", steps=True)
        plot = self.widget.getPlotItem()
        _thin_to_pixels(plot)
        self._ghosts = [
            plot.plot(pen=pen(GHOSTS[i], 1.5, alpha=150), **THIN) for i in range(MAX_GHOSTS)
        ]
        self._predicted = plot.plot(
            pen=pen(PREDICTED, 1.5, dashed=True, alpha=160), name="predicted", **THIN
        )
        self._run = plot.plot(pen=pen(SELECTED, 2.5), name="this run", **THIN)
        self._cursor = _cursor_line()
        plot.addItem(self._cursor, ignoreBounds=True)
        self._y = AxisRange()
        self._ranges = ViewRanges(plot.vb, AxisRange(), self._y)
        self.legend = LegendPlace(plot)
        fit_button(plot, [self._ranges], lambda: self.legend.update(False))
        self._ghost_keys: tuple = ()
        self._shown: tuple = ()
        self._log = False
        self._symbol = "MSE"  # the network's loss: MSE, L (half MSE) or BCE
        self.retranslate()

    def _loss_axis(self) -> None:
        text = QCoreApplication.translate("StepPlots", "MSE (log scale)") if self._log else "MSE"
        set_axis_label(self.widget, "left", text.replace("MSE", self._symbol))

    def retranslate(self) -> None:
        retranslate_menu(self.widget)
        self.widget.setToolTip(
            QCoreApplication.translate(
                "StepPlots", "The loss after each step; dashed: the predicted steps."
            )
        )
        set_title(self.widget, QCoreApplication.translate("StepPlots", "Loss against step"))
        set_axis_label(self.widget, "bottom", QCoreApplication.translate("StepPlots", "step"))
        self._loss_axis()
        rename(self.widget, self._predicted, QCoreApplication.translate("StepPlots", "predicted"))
        rename(self.widget, self._run, QCoreApplication.translate("StepPlots", "this run"))

    def forget(self) -> None:
        """Draw the next snapshot in full, even the one drawn last (the language changed)."""
        self._shown, self._ghost_keys = (), ()

    def set_log(self, on: bool) -> None:
        """Show the loss in decades (``on``) or linearly; the axis is fitted again."""
        if on == self._log:
            return
        self._log = on
        self.widget.getPlotItem().setLogMode(y=on)
        self._loss_axis()
        self._y.forget()  # fitted again, in the new coordinates
        self._shown = ()

    def show(self, d: Descent) -> None:
        """Draw ``d``; nothing is redrawn when the run, cursor, prediction and kept runs are
        those drawn last."""
        shown = (d.run, d.cursor, d.prediction, d.ghosts)
        new = changed(self._shown, shown, self._ranges)
        if new is None:
            return
        prediction_moved = not self._shown or self._shown[2] is not d.prediction
        self._shown = shown
        symbol = LOSS_SYMBOL[d.run.start.loss]
        if symbol != self._symbol:
            self._symbol = symbol
            self._loss_axis()
        run, pred = d.run, d.prediction
        rows = run.rows(upto=d.cursor, max_points=DISPLAY_POINTS)
        steps, loss = run.steps[rows].astype(float), run.loss[rows]
        self._run.setData(steps, loss)
        if prediction_moved:
            self._predicted.setData(_predicted_steps(d), pred.loss)
        self._cursor.setPos(d.step)
        self._show_ghosts(d)
        last = max(d.step, d.predicted_from + len(pred.loss) - 1)
        x = bounds([[0, last], *(g.steps[-1:] for g in d.ghosts)])
        y = bounds([loss, pred.loss, *(g.loss for g in d.ghosts)], log=self._log)
        self._ranges.fit(x, y, new)
        self.legend.update(new, d.playing)

    def _show_ghosts(self, d: Descent) -> None:
        keys = tuple(id(g) for g in d.ghosts)
        if keys == self._ghost_keys:
            return
        self._ghost_keys = keys
        legend = self.widget.getPlotItem().legend
        for i, item in enumerate(self._ghosts):
            if i < len(d.ghosts):
                item.setData(d.ghosts[i].steps.astype(float), d.ghosts[i].loss)
            else:
                item.setData([], [])
        for i, item in enumerate(self._ghosts):
            legend.removeItem(item)
            if i < len(d.ghosts):
                legend.addItem(item, d.ghosts[i].label)


class ValueStepPlot:
    """The descending parameter (left axis) and its gradient (right axis) against step."""

    def __init__(self):
        self.widget = make_plot("", "", "w11", corner=(-8, -8), steps=True)
        plot = self.widget.getPlotItem()
        _thin_to_pixels(plot)
        self._value = plot.plot(pen=pen(SELECTED, 2.5), name="w11", **THIN)
        self._predicted = plot.plot(
            pen=pen(PREDICTED, 1.5, dashed=True, alpha=160), name="predicted", **THIN
        )
        self._right = pg.ViewBox()
        plot.showAxis("right")
        plot.getAxis("right").setTextPen(pen(POSITIVE, 1))  # coloured like its curve
        plot.scene().addItem(self._right)
        plot.getAxis("right").linkToView(self._right)
        self._right.setXLink(plot)
        self._grad = pg.PlotDataItem(pen=pen(POSITIVE, 2), **THIN)
        self._right.addItem(self._grad)
        plot.legend.addItem(self._grad, "dMSE/dw11")
        self._zero = pg.InfiniteLine(angle=0, pos=0, movable=False, pen=pen(NEGATIVE, 1, True, 90))
        self._right.addItem(self._zero, ignoreBounds=True)
        plot.vb.sigResized.connect(self._sync)
        self._cursor = _cursor_line()
        plot.addItem(self._cursor, ignoreBounds=True)
        self._left = ViewRanges(plot.vb, AxisRange(), AxisRange())
        self._gradient = ViewRanges(self._right, None, AxisRange())
        self.legend = LegendPlace(plot, [plot.vb, self._right])
        fit_button(plot, [self._left, self._gradient], lambda: self.legend.update(False))
        self._name = ""
        self._loss = "MSE"
        self._shown: tuple = ()
        self.retranslate()

    def retranslate(self) -> None:
        retranslate_menu(self.widget)
        """The fixed texts; the title naming the parameter follows the next redraw."""
        self.widget.setToolTip(
            QCoreApplication.translate(
                "StepPlots",
                "The parameter after each step (left axis) and its gradient there (right axis).",
            )
        )
        set_axis_label(self.widget, "bottom", QCoreApplication.translate("StepPlots", "step"))
        rename(self.widget, self._predicted, QCoreApplication.translate("StepPlots", "predicted"))
        self._title(self._name or "w11")

    def _title(self, name: str) -> None:
        title = QCoreApplication.translate("StepPlots", "%1 and its gradient against step")
        set_title(self.widget, title.replace("%1", name))

    def forget(self) -> None:
        """Draw the next snapshot in full, even the one drawn last (the language changed)."""
        self._shown, self._name = (), ""

    def _sync(self) -> None:
        vb = self.widget.getPlotItem().vb
        self._right.setGeometry(vb.sceneBoundingRect())
        self._right.linkedViewChanged(vb, self._right.XAxis)

    def show(self, d: Descent) -> None:
        """Draw ``d``; nothing is redrawn when the run, cursor and prediction are those drawn
        last."""
        shown = (d.run, d.cursor, d.prediction)
        new = changed(self._shown, shown, self._left, self._gradient)
        if new is None:
            return
        prediction_moved = not self._shown or self._shown[2] is not d.prediction
        self._shown = shown
        run, name, pred = d.run, d.x_name, d.prediction
        rows = run.rows(upto=d.cursor, max_points=DISPLAY_POINTS)
        steps = run.steps[rows].astype(float)
        values, grads = x_column(run.param, run.values)[rows], run.grads[rows, 0]
        self._value.setData(steps, values)
        self._grad.setData(steps, grads)
        pv = pred.values if pred.values.ndim == 1 else pred.values[:, 0]
        if prediction_moved:
            self._predicted.setData(_predicted_steps(d), pv)
        self._cursor.setPos(d.step)
        x = bounds([[0, max(d.step, d.predicted_from + len(pv) - 1)]])
        self._left.fit(x, bounds([values, pv]), new)
        pg_ = pred.grads if pred.grads.ndim == 1 else pred.grads[:, 0]
        self._gradient.fit(None, bounds([grads, pg_]), new)  # where the gradient is going too
        loss = LOSS_SYMBOL[d.run.start.loss]  # MSE, L (half MSE) or BCE
        if (name, loss) != (self._name, self._loss):
            self._name, self._loss = name, loss
            plot = self.widget.getPlotItem()
            self._title(name)
            set_axis_label(self.widget, "left", name)
            legend = plot.legend
            legend.removeItem(self._value)
            legend.removeItem(self._grad)
            legend.addItem(self._value, name)
            legend.addItem(self._grad, f"d{loss}/d{name}")
        self.legend.update(new, d.playing)
