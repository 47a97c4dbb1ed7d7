"""Loss against the descending parameter: the curve, the point, its tangent, the numbered steps.

Every item is created once in ``__init__``. :meth:`LossCurvePlot.show` feeds with ``setData``
only what changed since the snapshot it drew last: during play the run and the point move,
while the curve, the prediction, the kept runs and the axes mostly stay (see
:mod:`.curve_slice` and :mod:`.plot_ranges`), so a frame costs about what the moving parts do.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from core.descent import ALL_WEIGHTS
from core.losses import LOSS_SYMBOL
from core.numfmt import fmt

from ..look.palette import FONT_PT, GHOSTS, INK, PREDICTED, SELECTED, sign_hex
from ..state.descent_data import MAX_GHOSTS, x_column
from ..state.snapshot import Descent
from .curve_slice import CurveSlice
from .dots import DottedLine, Marker
from .legend_place import LegendPlace
from .plot_ranges import (
    RELATIVE_LEAST,
    AxisRange,
    ViewRanges,
    bounds,
    changed,
    fit_button,
    pixel_scale,
    thin,
)
from .plot_style import (
    NO_PEN,
    brush,
    make_plot,
    pen,
    relabel,
    rename,
    retranslate_menu,
    set_axis_label,
    set_title,
)
from .step_labels import StepLabels

DISPLAY_POINTS = 1500  # about two points a pixel on a full-width plot
MAX_SYMBOLS = 300  # beyond this many points a path is drawn as a line alone
#: The slope in the legend is set right in this many characters, led by figure spaces (as
#: wide as a digit; led, as a line's trailing spaces take no width), so that new digits keep
#: the legend's size: it neither jiggles during play nor is laid out again (plot_style.relabel).
SLOPE_CHARS, FIGURE_SPACE = 8, "\u2007"
X_PAD, X_LEAST = 0.15, 1.0  # the curve reaches this far past the path: its shape shows
PREDICTION_REACH = 5.0


def _near(px: np.ndarray, xs: np.ndarray, x_now: float) -> np.ndarray:
    """Which predicted points the x axis is fitted to: those within :data:`PREDICTION_REACH`
    times the run's own reach (its span so far, the first predicted step, and at least
    ``X_LEAST``) of the current point; :func:`_inside` does the same for the loss axis. A
    diverging prediction leaves the plot, its dashed line pointing where it goes, instead of
    squeezing the curve flat against its axis."""
    first = abs(float(px[1] - px[0])) if len(px) > 1 else 0.0
    run = float(xs.max() - xs.min()) if len(xs) > 1 else 0.0  # the steps taken: all finite
    reach = PREDICTION_REACH * max(run, first if math.isfinite(first) else 0.0, X_LEAST)
    with np.errstate(invalid="ignore"):
        return np.abs(px - x_now) <= reach


def _inside(values: np.ndarray, span: tuple[float, float] | None) -> np.ndarray:
    """Which ``values`` lie within :data:`PREDICTION_REACH` times ``span``'s height of it (its
    least height being what the axis would give a flat span)."""
    if span is None:
        return np.isfinite(values)
    lo, hi = span
    # a flat span (one point, a constant loss) reaches as far as the axis would show it
    reach = PREDICTION_REACH * max(hi - lo, RELATIVE_LEAST * max(abs(lo), abs(hi)), 1e-300)
    with np.errstate(invalid="ignore"):
        return (values >= lo - reach) & (values <= hi + reach)


class LossCurvePlot:
    """Owns one PlotWidget (``widget``); :meth:`show` draws a snapshot's descent on it."""

    def __init__(self):
        self.widget = make_plot("", "w11", "MSE")
        plot = self.widget.getPlotItem()
        self._ghosts = []
        for i in range(MAX_GHOSTS):
            g = pg.PlotDataItem(
                pen=pen(GHOSTS[i], 1.5, alpha=150),
                symbol="o",
                symbolSize=4,
                symbolPen=NO_PEN,
                symbolBrush=brush(GHOSTS[i], 150),
            )
            plot.addItem(g)
            self._ghosts.append(g)
        self._curve = plot.plot(pen=pen(INK, 2), name="MSE")
        self._predicted = DottedLine(
            pen=pen(PREDICTED, 1.5, dashed=True, alpha=160),
            symbol="o",
            symbolSize=5,
            symbolPen=NO_PEN,
            symbolBrush=brush(PREDICTED, 110),
            name="",
        )
        plot.addItem(self._predicted)
        self._path = DottedLine(
            pen=pen(SELECTED, 2),
            symbol="o",
            symbolSize=8,
            symbolPen=pen("#FFFFFF", 1),
            symbolBrush=brush(SELECTED),
            name="",
        )
        plot.addItem(self._path)
        self._tangent = pg.PlotDataItem(
            pen=pen(SELECTED, 2.5), name=QCoreApplication.translate("LossCurvePlot", "tangent")
        )
        plot.addItem(self._tangent, ignoreBounds=True)
        self._point = Marker(15, pen(INK, 1.5), brush(SELECTED))
        plot.addItem(self._point)
        font = QFont()
        font.setPointSize(FONT_PT - 1)
        self._labels = StepLabels(plot, font)
        self._slice = CurveSlice()
        self._x, self._y = AxisRange(X_PAD, X_LEAST), AxisRange()
        self._ranges = ViewRanges(plot.vb, self._x, self._y)
        fit_button(plot, [self._ranges], self._redraw)
        self.legend = LegendPlace(plot)
        plot.vb.sigResized.connect(self._redraw)  # thinning and labels depend on pixels
        self._shown: tuple = ()
        self._prediction = None
        self._scale: tuple[float, float] | None = None
        self._last: tuple | None = None
        self._ghost_keys: tuple = ()
        self._texts: dict[str, str] = {}
        self._legend_resized = False  # the slope took other room in the legend this draw
        self._sign: float | None = None  # the sign the tangent is coloured by
        self.retranslate()

    def retranslate(self) -> None:
        retranslate_menu(self.widget)
        """The fixed texts; the title and the tangent's slope follow the next redraw."""
        self.widget.setToolTip(
            QCoreApplication.translate(
                "LossCurvePlot",
                "The loss as the descending parameter varies, all else fixed. Dots are the "
                "descent steps in order; the line through the current point has the "
                "gradient as its slope; the dashed path is where the current learning rate "
                "will go.",
            )
        )
        legend = self.widget.getPlotItem().legend
        for item, name in (
            (self._predicted, QCoreApplication.translate("LossCurvePlot", "predicted path")),
            (self._path, QCoreApplication.translate("LossCurvePlot", "descent steps")),
        ):
            item.opts["name"] = name
            label = legend.getLabel(item)
            if label is not None:
                label.setText(name)
        if not self._texts.get("title"):
            set_title(self.widget, QCoreApplication.translate("LossCurvePlot", "MSE vs w11"))

    def show(self, d: Descent, params) -> None:
        """Draw ``d``; nothing is redrawn when the run, cursor, prediction and kept runs are
        those drawn last."""
        shown = (d.run, d.cursor, d.prediction, d.ghosts)
        new = changed(self._shown, shown, self._ranges)
        if new is None:
            return
        self._shown = shown
        self._last = (d, params)
        self._draw(d, params, new)

    def forget(self) -> None:
        """Draw the next snapshot in full, even the one drawn last (the language changed)."""
        self._shown, self._ghost_keys = (), ()
        self._texts.clear()

    def _redraw(self) -> None:
        if self._last is not None:
            d, params = self._last
            self._draw(d, params, fresh=False)

    def _draw(self, d: Descent, params, fresh: bool) -> None:
        run, x_name, cursor = d.run, d.x_name, d.cursor
        rows = run.rows(upto=cursor, max_points=DISPLAY_POINTS)
        column = x_column(run.param, run.values)
        xs, ys = column[rows], run.loss[rows]
        pred = d.prediction
        px = pred.values if pred.values.ndim == 1 else pred.values[:, 0]
        x_now, loss_now = float(column[cursor]), float(run.loss[cursor])
        ghosts = [g for g in d.ghosts if g.x_name == x_name]
        near = _near(px, xs, x_now)
        x_span = bounds([xs, px[near], [x_now], *(g.x for g in ghosts)])
        nx = self._x.update(x_span, fresh)
        if self._x.range is not None and self._slice.update(params, x_name, self._x.range, x_now):
            self._curve.setData(self._slice.xs, self._slice.loss)
        shown = bounds([self._slice.loss, ys, *(g.loss for g in ghosts)])
        near &= _inside(pred.loss, shown)
        y_span = bounds([self._slice.loss, ys, pred.loss[near], *(g.loss for g in ghosts)])
        self._ranges.set(nx, self._y.update(y_span, fresh), (x_span, y_span))
        scale = pixel_scale(self._ranges.view)
        self._path.setSymbol("o" if len(xs) <= MAX_SYMBOLS else None)
        self._path.setData(*thin(xs, ys, scale))
        if pred is not self._prediction or scale != self._scale:
            self._prediction, self._scale = pred, scale
            self._predicted.setSymbol("o" if len(px) <= MAX_SYMBOLS else None)
            self._predicted.setData(*thin(px, pred.loss, scale))
        self._point.set_point(x_now, loss_now)
        g = float(run.grads[cursor][0])
        self._show_tangent(x_now, loss_now, g)
        self._labels.show(run.steps, column, run.loss, cursor)
        self._show_ghosts(d, x_name)
        self._legend_resized = False
        self._title(d, x_name, g)
        self.legend.update(fresh, d.playing and not self._legend_resized)

    def _show_tangent(self, x_now: float, loss_now: float, g: float) -> None:
        lo, hi = self._ranges.view.viewRange()[0]
        half = 0.12 * (hi - lo)
        tx = np.array([x_now - half, x_now + half])
        with np.errstate(all="ignore"):
            self._tangent.setData(tx, loss_now + g * (tx - x_now))
        sign = float(np.sign(g))
        if sign != self._sign:
            self._sign = sign
            self._tangent.setPen(pen(sign_hex(g), 2.5))

    def _show_ghosts(self, d: Descent, x_name: str) -> None:
        keys = tuple(id(g) for g in d.ghosts) + (x_name,)
        if keys == self._ghost_keys:  # kept runs change only when runs are kept or cleared
            return
        self._ghost_keys = keys
        legend = self.widget.getPlotItem().legend
        for i, item in enumerate(self._ghosts):
            ghost = d.ghosts[i] if i < len(d.ghosts) else None
            if ghost is not None and ghost.x_name == x_name:
                item.setData(ghost.x, ghost.loss)
                item.setVisible(True)
            else:
                item.setData([], [])
                item.setVisible(False)
        for i, item in enumerate(self._ghosts):
            legend.removeItem(item)
            if item.isVisible():
                legend.addItem(item, d.ghosts[i].label)

    def _title(self, d: Descent, x_name: str, g: float) -> None:
        if d.param == ALL_WEIGHTS:
            title = QCoreApplication.translate("LossCurvePlot", "MSE vs w11, other weights as now")
        else:
            title = QCoreApplication.translate(
                "LossCurvePlot", "MSE vs %1, all else fixed"
            ).replace("%1", x_name)
        symbol = LOSS_SYMBOL[d.run.start.loss]  # MSE, or L (half MSE), BCE (cross-entropy)
        if symbol != "MSE":
            title = title.replace("MSE", symbol)
        if self._changed("title", title):
            set_title(self.widget, title)
        if self._changed("loss", symbol):
            set_axis_label(self.widget, "left", symbol)
            rename(self.widget, self._curve, symbol)
        if self._changed("axis", x_name):
            set_axis_label(self.widget, "bottom", x_name)
        slope = QCoreApplication.translate("LossCurvePlot", "tangent, slope %1").replace(
            "%1", fmt(g).rjust(SLOPE_CHARS, FIGURE_SPACE)
        )
        label = self.widget.getPlotItem().legend.getLabel(self._tangent)
        if label is not None and self._changed("slope", slope) and relabel(label, slope):
            self._legend_resized = True  # placed again in this frame, not up to 0.1 s late

    def _changed(self, what: str, text: str) -> bool:
        """Whether ``text`` differs from the one last shown as ``what`` (and remember it)."""
        if self._texts.get(what) == text:
            return False
        self._texts[what] = text
        return True
