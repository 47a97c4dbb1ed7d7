"""Lines with round markers, and a single marker, drawn in one call rather than point by point.

pyqtgraph draws a PlotDataItem's symbols with a ScatterPlotItem, which on every ``setData``
looks each point's symbol, size, pen and brush up in Python, and spends a tenth of a
millisecond painting even one point. The loss curve's predicted path is new on every edit, its
descent steps and current point on every frame of play: together they took about a
millisecond of each edit. Here a marker is drawn once into a small image, and every point is a
stamp of it, all stamped in one ``QPainter.drawPixmapFragments`` call.

:class:`DottedLine` is a PlotDataItem whose round markers (``symbol="o"``) are stamped so: its
options stay a PlotDataItem's, so the legend draws its marker as before and hiding the line
hides its markers. :class:`Marker` is one such marker at one point. In a file being exported
(pyqtgraph's export mode) the markers are drawn as shapes, sharp at any size.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import cast

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

#: A PixmapFragment's fields, all doubles: x, y (its centre), source left, top, width, height,
#: scale x, y, rotation, opacity.
FRAGMENT_FIELDS = 10
FAR_PX = float(2**30)  # device coordinates are clamped to this (pyqtgraph does the same)


@lru_cache(maxsize=64)
def _disc(size: float, fill: int, outline: int, width: float, dpr: float) -> QPixmap:
    """A disc ``size`` pixels across in ``fill`` (ARGB) with an ``outline`` (ARGB; 0: none)
    ``width`` device pixels wide, centred in a square image at the screen's pixel ratio."""
    side = math.ceil(size + width + 2)
    image = QPixmap(max(1, round(side * dpr)), max(1, round(side * dpr)))
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = QPen(QColor.fromRgba(outline), width / dpr)  # ``width`` device pixels, as a
    painter.setPen(line if outline else Qt.PenStyle.NoPen)  # cosmetic pen draws a curve
    painter.setBrush(QColor.fromRgba(fill))
    painter.drawEllipse(QPointF(side / 2, side / 2), size / 2, size / 2)
    painter.end()
    return image


def images_kept() -> int:
    """How many marker images are kept (one per size, colours and pixel ratio in use)."""
    return _disc.cache_info().currsize


class _Style:
    """A round marker's look: its size, fill and outline (a pen, or none)."""

    def __init__(self, size: float, fill, outline=None):
        self.size = float(size)
        self.fill = pg.mkBrush(fill).color()
        pen = pg.mkPen(outline) if outline is not None else QPen(Qt.PenStyle.NoPen)
        self.outline = pen if pen.style() != Qt.PenStyle.NoPen else None
        self.width = (self.outline.widthF() or 1.0) if self.outline is not None else 0.0

    def reach(self) -> float:
        """Pixels from a point to the edge of its marker, and one more."""
        return self.size / 2 + self.width + 1

    def stamp(self, painter: QPainter, xs: np.ndarray, ys: np.ndarray, export: bool) -> None:
        """A marker at each data point (``xs``, ``ys``: finite), in device pixels."""
        t = painter.transform()
        with np.errstate(over="ignore", invalid="ignore"):  # a huge value: clamped below
            sx = t.m11() * xs + t.m21() * ys + t.dx()
            sy = t.m12() * xs + t.m22() * ys + t.dy()
        far = FAR_PX  # as pyqtgraph keeps its points, so that Qt is never handed infinities
        if abs(sx).max() > far or abs(sy).max() > far:  # a value far off the plot (or inf)
            sx, sy = np.nan_to_num(sx).clip(-far, far), np.nan_to_num(sy).clip(-far, far)
        painter.resetTransform()  # device pixels: round markers whatever the view's scale
        try:
            if export:
                self._shapes(painter, sx, sy)
            else:
                self._stamps(painter, sx, sy)
        finally:
            painter.setTransform(t)

    def _stamps(self, painter: QPainter, sx: np.ndarray, sy: np.ndarray) -> None:
        device = painter.device()
        dpr = float(device.devicePixelRatioF()) if device is not None else 1.0
        outline = self.outline.color().rgba() if self.outline is not None else 0
        image = _disc(self.size, self.fill.rgba(), outline, self.width, dpr)
        side_w, side_h = image.width(), image.height()
        fragments = np.empty((len(sx), FRAGMENT_FIELDS))
        fragments[:, 0], fragments[:, 1] = sx, sy
        fragments[:, 2:4] = 0.0
        fragments[:, 4], fragments[:, 5] = side_w, side_h  # the whole image, device pixels
        fragments[:, 6:8] = 1.0 / dpr
        fragments[:, 8], fragments[:, 9] = 0.0, 1.0
        first = cast(
            QPainter.PixmapFragment,
            shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment),
        )  # the first of the array's fragments: Qt reads them all from its memory
        painter.drawPixmapFragments(first, len(sx), image)

    def _shapes(self, painter: QPainter, sx: np.ndarray, sy: np.ndarray) -> None:
        """One disc after another, each filled and outlined before the next, as stamped on
        screen (one path of them all would leave the overlaps empty and the outlines on top)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.outline is not None:
            pen = QPen(self.outline)
            pen.setCosmetic(False)  # device pixels already: the transform was reset
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.fill)
        r = self.size / 2
        for x, y in zip(sx.tolist(), sy.tolist()):
            painter.drawEllipse(QPointF(x, y), r, r)


def _padded(item: pg.GraphicsObject, data: QRectF, pixels: float) -> QRectF:
    """``data`` (data units) grown by ``pixels`` on every side, in ``item``'s view now."""
    px, py = item.pixelVectors()  # one pixel along x and y, in data units
    if px is None or py is None:
        return QRectF(data)
    dx = pixels * (abs(px.x()) + abs(py.x()))
    dy = pixels * (abs(px.y()) + abs(py.y()))
    return data.adjusted(-dx, -dy, dx, dy)


class Dots(pg.GraphicsObject):
    """Round markers at data points (a child of its :class:`DottedLine`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._xs = self._ys = np.zeros(0)
        self._data = QRectF()  # the points' bounds, in data units
        self.style = _Style(0, "k")
        self._bounds: QRectF | None = None  # with the markers' pixels, in data units

    def set_points(self, xs: np.ndarray, ys: np.ndarray, style: _Style) -> None:
        finite = np.isfinite(xs) & np.isfinite(ys)
        self.prepareGeometryChange()
        self._xs, self._ys = np.asarray(xs[finite], float), np.asarray(ys[finite], float)
        self._data = (
            QRectF(QPointF(self._xs.min(), self._ys.min()), QPointF(self._xs.max(), self._ys.max()))
            if len(self._xs)
            else QRectF()
        )
        self.style, self._bounds = style, None
        self.update()

    def viewTransformChanged(self) -> None:
        """The markers' pixels are other data units now: measure the bounds again."""
        self.prepareGeometryChange()
        super().viewTransformChanged()
        self._bounds = None

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            empty = not len(self._xs)
            self._bounds = QRectF() if empty else _padded(self, self._data, self.style.reach())
        return self._bounds

    @pg.debug.warnOnException  # an exception escaping a paint would end the process
    def paint(self, painter: QPainter, option, widget=None) -> None:
        if len(self._xs):
            self.style.stamp(painter, self._xs, self._ys, self._exportOpts is not False)


class DottedLine(pg.PlotDataItem):
    """A PlotDataItem whose round markers are :class:`Dots`; takes PlotDataItem's options."""

    def __init__(self, *args, **kwargs):
        self.dots = Dots()
        self._style_key: tuple = ()
        self._style = _Style(0, "k")
        super().__init__(*args, **kwargs)
        self.dots.setParentItem(self)

    def updateItems(self, styleUpdate: bool = True) -> None:
        symbol = self.opts["symbol"]
        if symbol not in (None, "o"):
            raise ValueError(f"DottedLine draws round markers only, not {symbol!r}")
        self.opts["symbol"] = None  # the line alone, and pyqtgraph's markers hidden
        try:
            super().updateItems(styleUpdate)
        finally:
            self.opts["symbol"] = symbol
        opts = self.opts
        key = (symbol, opts["symbolSize"], id(opts["symbolBrush"]), id(opts["symbolPen"]))
        if key != self._style_key:  # set with the style, not with every new data
            self._style_key = key
            self._style = _Style(opts["symbolSize"], opts["symbolBrush"], opts["symbolPen"])
            scatter = self.scatter  # holds no points: the legend reads its marker's style there
            scatter.opts.update(symbol=symbol, size=self._style.size)
            scatter.opts.update(
                pen=pg.mkPen(opts["symbolPen"]), brush=pg.mkBrush(opts["symbolBrush"])
            )
        style = self._style
        data = self._getDisplayDataset()
        if symbol is None or data is None:
            self.dots.hide()
            return
        self.dots.set_points(data.x, data.y, style)
        self.dots.show()


class Marker(Dots):
    """One round marker ``size`` pixels across at a data point: the loss curve's current point."""

    def __init__(self, size: float, outline: QPen, fill, parent=None):
        super().__init__(parent)
        self.style = _Style(size, fill, outline)
        self.size = self.style.size

    def set_point(self, x: float, y: float) -> None:
        """Show the marker at ``(x, y)`` (nowhere if either is not finite)."""
        self.set_points(np.array([x], float), np.array([y], float), self.style)

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        """The point as pyqtgraph's items give theirs: arrays of x and y (empty: none)."""
        return self._xs, self._ys

    def recolour(self, fill: QColor, outline: QColor | None) -> None:
        """Draw the marker in ``fill``, its outline (if it has one) in ``outline`` (a theme)."""
        pen = None if self.style.outline is None else QPen(self.style.outline)
        if pen is not None and outline is not None:
            pen.setColor(outline)
        self.style = _Style(self.size, fill, pen)
        self.update()
