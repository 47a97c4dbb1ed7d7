"""The loss landscape: the loss over two values as a colour map, and the descent walking it.

The map is :func:`core.landscape.landscape` on a 200 x 200 grid over the view's range (one
numpy pass, about 2 ms), shown as log10 of the loss in viridis (perceptually even, readable
in grey and by colour-blind viewers) with contour lines, and computed again only when the
other values, the two names or the range change. Over it: the run up to the step on show,
the predicted steps, the kept runs, the current point, the negative gradient and the
optimizer's memory (velocity, first moment) as arrows. Each of these is drawn light on a dark
halo, so it stands out 3:1 or more against any colour of the map. Items are made once and fed
with ``setData``. The view is a :class:`pyqtgraph.GraphicsLayoutWidget` holding the plot, a
colour bar and the legend beside it (the legend never covers the map).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QSizePolicy

from core.landscape import Landscape, landscape
from core.model import Params

from ..look.palette import FONT_PT
from ..state.descent_data import MAX_GHOSTS
from .plot_style import brush, pen, retranslate_menu, set_title, style_plot, theme_plot

GRID = 200
CONTOURS = 6
#: Contours are traced on every second row and column of the grid (4x fewer cells).
CONTOUR_STEP = 2
#: Light colours (relative luminance 0.4 or more) on a black halo: 3:1 against any map colour.
RUN, GRADIENT, MEMORY, PREDICTED_INK = "#FFFFFF", "#FF8A2A", "#66D9FF", "#E8E8E8"
HALO = "#000000"
LEGEND_GROUND = "#26282C"
LIGHT_GHOSTS = ("#FFE45C", "#FF8FC8", "#9BF59B", "#C9B3FF", "#B5F0F0")
COLOURMAP = "viridis"
#: The arrows' length: this share of the plot's smaller side, in pixels, for the longer one.
ARROW_SHARE = 0.5


def _line(
    width: float, colour: str, dashed: bool = False, dots: bool = False
) -> tuple[pg.PlotDataItem, ...]:
    """A line drawn over a halo 3 px wider: (halo, line); with ``dots``, a dot at each step
    (a zig-zag across a valley retraces one segment: the dots show each step)."""
    halo = pg.PlotDataItem(pen=pen(HALO, width + 3))
    marks = {
        "symbol": "o",
        "symbolSize": 6,
        "symbolBrush": brush(colour),
        "symbolPen": pen(HALO, 1),
    }
    line = pg.PlotDataItem(pen=pen(colour, width, dashed=dashed), **(marks if dots else {}))
    return halo, line


class LandscapeView(pg.GraphicsLayoutWidget):
    """The plot (``getPlotItem()``), its colour bar and legend; :meth:`draw` fills them."""

    def __init__(self):
        super().__init__()
        self.setBackground("w")
        self.ci.layout.setContentsMargins(2, 2, 2, 2)
        plot = self.addPlot(row=0, col=0, enableMenu=False)  # as style_plot leaves it
        self._plot = plot
        style_plot(
            self, plot, QCoreApplication.translate("Landscape", "Loss landscape"), "w11", "w12"
        )
        plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setColorMap(pg.colormap.get(COLOURMAP))
        plot.addItem(self.image)
        self.contours = [pg.IsocurveItem(pen=pen("#FFFFFF", 1, alpha=120)) for _ in range(CONTOURS)]
        for c in self.contours:
            c.setParentItem(self.image)  # the image's pixels are the contours' coordinates
            c.setTransform(QTransform.fromScale(CONTOUR_STEP, CONTOUR_STEP))
        self.ghosts = [_line(2.5, LIGHT_GHOSTS[i], dots=True) for i in range(MAX_GHOSTS)]
        self.predicted = _line(1.5, PREDICTED_INK, dashed=True)
        self.run = _line(2.0, RUN, dots=True)
        self.gradient = _line(2.5, GRADIENT)
        self.memory = _line(2.5, MEMORY)
        self.heads = {
            "gradient": pg.ArrowItem(headLen=14, brush=brush(GRADIENT), pen=pen(HALO, 1.5)),
            "memory": pg.ArrowItem(headLen=14, brush=brush(MEMORY), pen=pen(HALO, 1.5)),
        }
        self.point = pg.ScatterPlotItem(
            size=13, brush=brush(RUN), pen=pen(HALO, 2.5), symbol="o", pxMode=True
        )
        # the prediction under the kept runs (it retraces a kept run from the same start)
        for pair in (self.predicted, *self.ghosts, self.run, self.gradient, self.memory):
            for item in pair:
                plot.addItem(item)
        for head in self.heads.values():
            plot.addItem(head)
        plot.addItem(self.point)
        # the first kept run on top of the later ones (SGD's zig-zag stays in sight under
        # momentum and Adam), all under this run, its arrows and its point
        for i, pair in enumerate(self.ghosts):
            for item in pair:
                item.setZValue(2 + MAX_GHOSTS - i)
        for z, items in enumerate(
            ([*self.run], [*self.gradient, *self.memory, *self.heads.values()], [self.point])
        ):
            for item in items:
                item.setZValue(10 + z)
        self.bar = pg.ColorBarItem(colorMap=pg.colormap.get(COLOURMAP), interactive=False, width=14)
        self.bar.axis.setLabel(
            QCoreApplication.translate("Landscape", "log₁₀ MSE"), color="#202124"
        )
        self.bar.setImageItem(self.image)
        # in the plot's own grid, beside its data (row 2: the view; 3: a right axis's column
        # left free), so the bar is as tall as the map, not the title and the axis with it
        plot.layout.addItem(self.bar, 2, 5)
        legend = pg.LegendItem(
            labelTextSize=f"{FONT_PT - 1}pt", labelTextColor="#202124", verSpacing=-6
        )
        legend.setBrush(brush(LEGEND_GROUND))  # dark like the halos: the light lines show
        plot.legend = legend
        self.addItem(legend, row=0, col=1)
        # as tall as its rows, at the top: in a tall plot its rows had spread over the height
        legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ci.layout.setAlignment(legend, Qt.AlignmentFlag.AlignTop)
        self._pens = [
            (item, item.opts["pen"])
            for pair in (*self.ghosts, self.predicted, self.run, self.gradient, self.memory)
            for item in pair
        ]
        self.grid: Landscape | None = None
        self._key: tuple | None = None
        self._legend_key: tuple = ()

    def set_theme(self, theme) -> None:
        """Axes, title and ground in ``theme``; the lines on the map keep their colours,
        which stand out against the map, not against the ground."""
        theme_plot(self, theme)
        ink = theme.color("#202124")
        self.bar.axis.setPen(pen(ink, 1))
        self.bar.axis.setTextPen(pen(ink, 1))
        self.bar.axis.setLabel(QCoreApplication.translate("Landscape", "log₁₀ MSE"), color=ink)
        self._plot.legend.setBrush(brush(LEGEND_GROUND))
        for item, line in self._pens:
            item.setPen(line)
        self._legend_key = ()

    def retranslate(self) -> None:
        """Its title, the colour bar's label and the scene's Export entry, in the current
        language; the legend is named again on the next draw."""
        set_title(self, QCoreApplication.translate("Landscape", "Loss landscape"))
        self.bar.axis.setLabel(QCoreApplication.translate("Landscape", "log₁₀ MSE"))
        retranslate_menu(self)
        self._legend_key = ()

    def getPlotItem(self) -> pg.PlotItem:  # noqa: N802 - as pg.PlotWidget names it
        return self._plot

    @property
    def vb(self) -> pg.ViewBox:
        return self._plot.vb

    # -- the map -----------------------------------------------------------------------
    def draw_map(self, p: Params, x: str, y: str, shown: bool = True) -> None:
        """The loss over ``x`` and ``y`` across the view's range, computed again only when
        another value, a name or the range changed."""
        (x0, x1), (y0, y1) = self.vb.viewRange()
        others = tuple(v for k, v in sorted(p.values().items()) if k not in (x, y))
        key = (others, p.activation, p.loss, p.b, p.c, x, y, x0, x1, y0, y1)
        self.image.setVisible(shown)
        self.bar.setVisible(shown)
        if key == self._key or not shown:
            return
        self._key = key
        grid = landscape(p, x, y, (x0, x1), (y0, y1), GRID)
        self.grid = grid
        with np.errstate(divide="ignore"):
            logged = np.log10(np.maximum(grid.loss, 1e-300))
        finite = logged[np.isfinite(logged)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        hi = hi if hi > lo else lo + 1.0
        self.image.setImage(logged.T, levels=(lo, hi), autoLevels=False)
        dx, dy = (x1 - x0) / (GRID - 1), (y1 - y0) / (GRID - 1)
        # pixel j's centre is grid.x[j]: each pixel spans half a step either side
        self.image.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, (x1 - x0) + dx, (y1 - y0) + dy))
        self.bar.setLevels((lo, hi))
        coarse = logged.T[::CONTOUR_STEP, ::CONTOUR_STEP]  # contours cost far more than the map
        for c, level in zip(self.contours, np.linspace(lo, hi, CONTOURS + 2)[1:-1]):
            c.setData(coarse, level)

    # -- what walks it -----------------------------------------------------------------
    @staticmethod
    def set_line(pair: Sequence[pg.PlotDataItem], xs, ys) -> None:
        for item in pair:
            if xs is None or ys is None or len(xs) == 0:
                item.setData([], [])
                item.setVisible(False)
            else:
                item.setData(np.asarray(xs, float), np.asarray(ys, float))
                item.setVisible(True)

    def draw_arrows(
        self, at: tuple[float, float], gradient: tuple[float, float] | None, memory
    ) -> None:
        """The negative gradient and the memory's direction (``-m``) from ``at``, both to one
        scale (the longer takes :data:`ARROW_SHARE` of the plot) so their lengths compare."""
        vb = self.vb
        rect = vb.sceneBoundingRect()
        (x0, x1), (y0, y1) = vb.viewRange()
        sx, sy = rect.width() / max(x1 - x0, 1e-300), rect.height() / max(y1 - y0, 1e-300)
        vectors = {"gradient": gradient, "memory": memory}
        lengths = [math.hypot(v[0] * sx, v[1] * sy) for v in vectors.values() if v is not None]
        longest = max(lengths, default=0.0)
        scale = ARROW_SHARE * min(rect.width(), rect.height()) / longest if longest > 0 else 0.0
        for name, pair in (("gradient", self.gradient), ("memory", self.memory)):
            v, head = vectors[name], self.heads[name]
            size = 0.0 if v is None else math.hypot(v[0] * sx, v[1] * sy) * scale
            if v is None or not math.isfinite(size) or size < 1.0:
                self.set_line(pair, None, None)
                head.setVisible(False)
                continue
            tip = (at[0] - v[0] * scale, at[1] - v[1] * scale)
            self.set_line(pair, [at[0], tip[0]], [at[1], tip[1]])
            # screen direction of the arrow (y grows downwards); ArrowItem's 0 points left
            angle = math.degrees(math.atan2(v[1] * scale * sy, -v[0] * scale * sx))
            head.setStyle(angle=180 + angle)
            head.setPos(*tip)
            head.setVisible(True)

    def set_legend(self, entries: list[tuple[tuple[pg.PlotDataItem, ...], str]]) -> None:
        """Name each drawn line in the legend beside the plot (rebuilt only on a change)."""
        key = tuple((id(pair[1]), text) for pair, text in entries)
        if key == self._legend_key:
            return
        self._legend_key = key
        legend = self._plot.legend
        legend.clear()
        legend.setLabelTextColor(RUN)
        for pair, text in entries:
            legend.addItem(pair[1], text)
