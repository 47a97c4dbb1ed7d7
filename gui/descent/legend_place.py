"""Where a plot's legend goes: a corner (or edge) of the plot that no drawn data crosses.

A legend anchored in a fixed corner covers the data whenever the data go there (the loss curve
climbs into the top corners, a converging run lies along the bottom). After each draw the
places a legend may take are tried in order, the one it holds first (so it does not hop while
a run plays), with one column and then two; the first whose rectangle, with a margin, holds
no point of any curve, marker, tangent or step label is taken. Lines are sampled every few
pixels, so a segment that crosses a corner between two far-apart points counts too. When
every place is crossed, the legend takes the place crossed least and draws no frame fill
When every place inside is crossed, the legend moves out of the data area, into a row under
the plot's axis, laid out in as many columns as its width allows; it comes back in on the next
new run (a load, an edit, a reset) if a place is free then, so it does not hop during play.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsWidget

MARGIN = 6.0  # pixels between the legend and the nearest data, and the plot's edge
SAMPLE = 2.0  # pixels between the samples of a line
# (x, y) fractions of the free room: top right first, where readers look for a legend
ROW_UNDER = 4  # the plot's layout row under the bottom axis
PLACES = [(1, 0), (0, 0), (1, 1), (0, 1), (0.5, 0), (0.5, 1), (1, 0.5), (0, 0.5)]


def _scene_points(item, view) -> np.ndarray:
    """The scene points (n, 2) an item draws, its lines sampled every :data:`SAMPLE` px."""
    if isinstance(item, pg.TextItem):
        r = item.mapRectToScene(item.boundingRect())
        xs = np.linspace(r.left(), r.right(), 5)
        ys = np.linspace(r.top(), r.bottom(), 3)
        return np.array([(x, y) for x in xs for y in ys])
    if isinstance(item, pg.ScatterPlotItem):
        xs, ys = item.getData()
        pad = float(item.opts.get("size", 10)) / 2
        return _with_pad(_to_scene(view, xs, ys), pad)
    if not isinstance(item, pg.PlotDataItem):
        return np.zeros((0, 2))
    xs, ys = item.getData()
    if xs is None or len(xs) == 0:
        return np.zeros((0, 2))
    pts = _to_scene(view, np.asarray(xs, float), np.asarray(ys, float))
    out = [pts]
    if item.opts.get("pen") is not None and len(pts) > 1:
        out.append(_sampled(pts))
    if item.opts.get("symbol") is not None:
        out.append(_with_pad(pts, float(item.opts.get("symbolSize", 0)) / 2))
    return np.concatenate(out)


def _to_scene(view, xs, ys) -> np.ndarray:
    view.updateMatrix()  # a range just set is applied on the next paint otherwise
    t = view.childGroup.sceneTransform()
    with np.errstate(all="ignore"):
        sx = t.m11() * xs + t.m21() * ys + t.dx()
        sy = t.m12() * xs + t.m22() * ys + t.dy()
    pts = np.column_stack([sx, sy])
    return pts[np.isfinite(pts).all(axis=1)]


def _sampled(pts: np.ndarray) -> np.ndarray:
    """Points along the polyline through ``pts``, at most :data:`SAMPLE` px apart."""
    a, b = pts[:-1], pts[1:]
    n = np.clip(np.ceil(np.hypot(*(b - a).T) / SAMPLE), 1, 4000).astype(int)
    seg = np.repeat(np.arange(len(a)), n)
    starts = np.repeat(np.cumsum(n) - n, n)
    f = (np.arange(n.sum()) - starts) / np.repeat(n, n)
    return a[seg] + (b[seg] - a[seg]) * f[:, None]


def _with_pad(pts: np.ndarray, pad: float) -> np.ndarray:
    """``pts`` and the four points ``pad`` away from each (a marker's extent)."""
    if pad <= 0 or len(pts) == 0:
        return pts
    shifts = np.array([[0, 0], [pad, 0], [-pad, 0], [0, pad], [0, -pad]])
    return (pts[None, :, :] + shifts[:, None, :]).reshape(-1, 2)


def data_points(views, legend) -> np.ndarray:
    """Every visible data point drawn in ``views`` (ViewBoxes), in scene pixels."""
    parts = [np.zeros((0, 2))]
    for view in views:
        for item in view.addedItems:
            if item is legend or not item.isVisible():
                continue
            parts.append(_scene_points(item, view))
    return np.concatenate(parts)


def covered(rect: QRectF, points: np.ndarray) -> int:
    """How many of ``points`` lie in ``rect`` grown by :data:`MARGIN`."""
    if len(points) == 0:
        return 0
    r = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    x, y = points[:, 0], points[:, 1]
    inside = (x >= r.left()) & (x <= r.right()) & (y >= r.top()) & (y <= r.bottom())
    return int(inside.sum())


class LegendPlace:
    """Keeps ``plot``'s legend where no data of ``views`` (its ViewBoxes) is drawn."""

    def __init__(self, plot, views=None):
        self.plot = plot
        self.legend = plot.legend
        self.views = list(views) if views else [plot.vb]
        self.place = PLACES[0]
        self.columns = 1
        self.outside = False
        self._room = QGraphicsWidget()  # the row under the axis a legend outside takes

    def _box(self) -> QRectF:
        """The part of the data area shown on screen (a plot squeezed below its least width
        lays its view out past the widget's edge)."""
        box = self.plot.vb.sceneBoundingRect()
        shown = self.plot.scene().views() if self.plot.scene() else []
        if shown:
            view = shown[0]
            box = box.intersected(view.mapToScene(view.viewport().rect()).boundingRect())
        return box

    def _rect_at(self, place, size) -> QRectF:
        """The legend's scene rectangle at ``place`` (fractions of the free room) of the view."""
        box = self._box()
        w, h = size
        room_w = max(0.0, box.width() - w - 2 * MARGIN)
        room_h = max(0.0, box.height() - h - 2 * MARGIN)
        return QRectF(
            box.left() + MARGIN + place[0] * room_w, box.top() + MARGIN + place[1] * room_h, w, h
        )

    def _size(self, columns: int) -> tuple[float, float]:
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)
        self.legend.updateSize()
        return self.legend.width(), self.legend.height()

    def update(self, fresh: bool = True) -> None:
        """Move the legend to the first place that covers no data (see the module's text).

        ``fresh`` (a new run) lets a legend that went out under the plot try the places inside
        again; during play it stays out.
        """
        legend = self.legend
        if not legend.items or self.plot.vb.width() <= 0:
            return
        if self.outside and not fresh:
            self._fit_outside()
            return
        points = data_points(self.views, legend)
        tries = [(self.place, self.columns)] + [(p, c) for c in (1, 2) for p in PLACES]
        box = self._box()
        for place, columns in tries:
            w, h = self._size(columns)
            if w + 2 * MARGIN > box.width() or h + 2 * MARGIN > box.height():
                continue  # the view would cut it
            if not covered(self._rect_at(place, (w, h)), points):
                self._inside(place, columns)
                return
        self._go_outside()

    def _inside(self, place, columns: int) -> None:
        legend = self.legend
        if self.outside:
            self.outside = False
            self.plot.layout.removeItem(self._room)
            self._room.hide()
            legend.setParentItem(self.plot.vb)
        size = self._size(columns)
        self.place, self.columns = place, columns
        rect = self._rect_at(place, size)
        box = self.plot.vb.sceneBoundingRect()
        offset = (rect.left() - box.left(), rect.top() - box.top())
        legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=offset)

    def _go_outside(self) -> None:
        if not self.outside:
            self.outside = True
            self._room.setParentItem(self.plot)
            self._room.show()
            self.plot.layout.addItem(self._room, ROW_UNDER, 1)
            self.legend.setParentItem(self.plot)  # the view clips what it holds
        self._fit_outside()

    def _fit_outside(self) -> None:
        """As many columns as the plot's width holds, in a row made as tall as they need."""
        box = self._box()
        room = box.width()
        columns = max(1, len(self.legend.items))
        while columns > 1 and self._size(columns)[0] > room:
            columns -= 1
        w, h = self._size(columns)
        self.columns = columns
        self._room.setMinimumHeight(h)
        self._room.setMaximumHeight(h)
        left = box.left() - self.plot.sceneBoundingRect().left() + max(0.0, (room - w) / 2)
        self.legend.anchor(itemPos=(0, 1), parentPos=(0, 1), offset=(left, -2))

    def rect(self) -> QRectF:
        """The legend's rectangle in scene pixels."""
        return self.legend.mapRectToScene(self.legend.boundingRect())
