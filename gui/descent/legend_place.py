"""Where a plot's legend goes: a corner (or edge) of the plot that no drawn data crosses.

A legend anchored in a fixed corner covers the data whenever the data go there (the loss curve
climbs into the top corners, a converging run lies along the bottom). After each draw the
places a legend may take are tried in order, the one it holds first (so it does not hop while
a run plays), with one column and then two; the first whose rectangle, with a margin, holds
no point of any curve, marker, tangent or step label is taken. Lines count by their segments,
so a segment that crosses a corner between two far-apart points counts too. When every
place inside is crossed, the legend moves out of the data area: into a row under the plot's
axis, laid out in as many columns as the plot's width allows (it may reach under the side
axes, whose corners are empty), or into a column right of the plot, whichever leaves the
data the larger area (a short, wide plot keeps its height); it comes back in on the next new
run (a load, an edit, a reset) if a place is free then, so it does not hop during play.
"""

from __future__ import annotations

from time import monotonic

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QGraphicsWidget

from .dots import Marker

MARGIN = 6.0  # pixels between the legend and the nearest data, and the plot's edge
#: While a run plays, the legend is placed again at most this often (the last time after the
#: last frame): checking on every frame took 2.6 ms of a 17 ms frame for three plots, and a
#: legend the run reaches moves a tenth of a second later.
PLAYING_S = 0.1
SIZES_KEPT = 64  # legend sizes remembered, by texts' widths and columns (a few kB)
# (x, y) fractions of the free room: the corners first (top right, where readers look for a
# legend), then the edges' middles, then places between
ROW_UNDER = 4  # the plot's layout row under the bottom axis
VIEW_ROW, COLUMN_RIGHT = 2, 3  # the view's row, and the layout column right of the right axis
PLACES = [(1, 0), (0, 0), (1, 1), (0, 1), (0.5, 0), (0.5, 1), (1, 0.5), (0, 0.5)] + [
    (x, y) for y in (0.0, 1.0, 0.25, 0.75, 0.5) for x in (0.25, 0.75)
]


def _drawn(item, t) -> tuple[np.ndarray, np.ndarray]:
    """What ``item`` draws in scene pixels (``t``: its view's data-to-scene transform): boxes
    (k, 4: left, top, right, bottom) for its markers and text, and segments (m, 4: x0, y0, x1,
    y1) for its line."""
    none = np.zeros((0, 4))
    if isinstance(item, pg.TextItem):
        r = item.mapRectToScene(item.boundingRect())
        return np.array([[r.left(), r.top(), r.right(), r.bottom()]]), none
    if isinstance(item, pg.ScatterPlotItem):
        xs, ys = item.getData()
        return _boxes(_to_scene(t, xs, ys), float(item.opts.get("size", 10)) / 2), none
    if isinstance(item, Marker):
        return _boxes(_to_scene(t, *item.getData()), item.size / 2), none
    if not isinstance(item, pg.PlotDataItem):
        return none, none
    xs, ys = item.getData()
    if xs is None or len(xs) == 0:
        return none, none
    pts = _to_scene(t, np.asarray(xs, float), np.asarray(ys, float))
    boxes = _boxes(pts, float(item.opts.get("symbolSize", 0)) / 2)
    segments = none
    if item.opts.get("pen") is not None and len(pts) > 1:
        segments = np.hstack([pts[:-1], pts[1:]])
    return boxes, segments


def _to_scene(t, xs, ys) -> np.ndarray:
    with np.errstate(all="ignore"):
        sx = t.m11() * xs + t.m21() * ys + t.dx()
        sy = t.m12() * xs + t.m22() * ys + t.dy()
    pts = np.column_stack([sx, sy])
    return pts[np.isfinite(pts).all(axis=1)]


def _boxes(pts: np.ndarray, pad: float) -> np.ndarray:
    return np.hstack([pts - pad, pts + pad])


def data_drawn(views, legend) -> tuple[np.ndarray, np.ndarray]:
    """Every visible data item's boxes and segments in ``views`` (ViewBoxes), scene pixels."""
    boxes, segments = [np.zeros((0, 4))], [np.zeros((0, 4))]
    for view in views:
        view.updateMatrix()  # a range just set is applied on the next paint otherwise
        t = view.childGroup.sceneTransform()
        for item in view.addedItems:
            if item is legend or not item.isVisible():
                continue
            b, s = _drawn(item, t)
            boxes.append(b)
            segments.append(s)
    return np.concatenate(boxes), np.concatenate(segments)


def covered(rect: QRectF, drawn: tuple[np.ndarray, np.ndarray]) -> int:
    """How many boxes and segments of ``drawn`` meet ``rect`` grown by :data:`MARGIN`."""
    boxes, seg = drawn
    r = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    left, top, right, bottom = r.left(), r.top(), r.right(), r.bottom()
    n = int(
        np.count_nonzero(
            (boxes[:, 0] <= right)
            & (boxes[:, 2] >= left)
            & (boxes[:, 1] <= bottom)
            & (boxes[:, 3] >= top)
        )
    )
    x0, y0, x1, y1 = seg.T
    near = (
        (np.minimum(x0, x1) <= right)
        & (np.maximum(x0, x1) >= left)
        & (np.minimum(y0, y1) <= bottom)
        & (np.maximum(y0, y1) >= top)
    )
    if near.any():  # a segment whose box meets the rect crosses it unless all four corners
        x0, y0, x1, y1 = seg[near].T  # lie on one side of its line
        dx, dy = x1 - x0, y1 - y0
        sides = np.array(
            [dx * (cy - y0) - dy * (cx - x0) for cx in (left, right) for cy in (top, bottom)]
        )
        n += int(np.count_nonzero((sides.min(axis=0) <= 0) & (sides.max(axis=0) >= 0)))
    return n


class LegendPlace:
    """Keeps ``plot``'s legend where no data of ``views`` (its ViewBoxes) is drawn."""

    def __init__(self, plot, views=None):
        self.plot = plot
        self.legend = plot.legend
        self.views = list(views) if views else [plot.vb]
        self.place = PLACES[0]
        self.columns = 1
        self.outside = False
        self._busy = False
        self._placed = False  # the room is in the plot's layout
        self.side = "under"  # where a legend outside sits: "under" the axis, or "right"
        self._sizes: dict[tuple, tuple[float, float]] = {}  # (texts' widths, columns) -> size
        self._laid: tuple = ()  # the texts' widths the legend was last laid out for
        self._offset: tuple[float, float] | None = None
        plot.vb.sigRangeChangedManually.connect(lambda _axes: self.update(False))  # zoom, pan
        plot.vb.sigResized.connect(lambda _vb: self.update(False))  # a new layout, new type
        self._room = QGraphicsWidget()  # the row under the axis a legend outside takes
        self._checked = -PLAYING_S  # when the place was last checked (monotonic)
        self._later = QTimer(self.legend)  # the check a frame during play left for later
        self._later.setSingleShot(True)
        self._later.timeout.connect(lambda: self.update(False))

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

    def _size(self, columns: int, lay_out: bool = True) -> tuple[float, float]:
        """The legend's size in ``columns``; ``lay_out`` leaves it laid out so. It is laid out
        again only when its texts' widths changed (a new slope's digits, a kept run), not on
        every frame; a size only asked for (``lay_out`` False) is remembered with the texts'
        widths, so trying places and column counts lays nothing out once each was seen (a
        slope's digits take one of a few widths)."""
        legend = self.legend
        widths = tuple(round(label.item.boundingRect().width()) for _s, label in legend.items)
        known = self._sizes.get((widths, columns))
        if known is not None and not lay_out:
            return known
        if legend.columnCount != columns or self._laid != widths:
            legend.setColumnCount(columns)
            self._laid = widths
        hint = legend.layout.preferredSize()  # pyqtgraph's updateSize() sums the labels' old
        if (legend.width(), legend.height()) != (hint.width(), hint.height()):  # widths
            legend.setGeometry(0, 0, hint.width(), hint.height())  # (its anchor places it)
            legend.layout.activate()
        if len(self._sizes) >= SIZES_KEPT:
            self._sizes.clear()
        size = self._sizes[widths, columns] = (legend.width(), legend.height())
        return size

    def update(self, fresh: bool = True, playing: bool = False) -> None:
        """Move the legend to the first place that covers no data (see the module's text).

        ``fresh`` (a new run) lets a legend that went out under the plot try the places inside
        again; during play it stays out. A frame of play (``playing``) checks at most every
        :data:`PLAYING_S`, and leaves a check for when that time is over.
        """
        legend = self.legend
        if not legend.items or self.plot.vb.width() <= 0 or self._busy:
            return
        now = monotonic()
        wait = self._checked + PLAYING_S - now
        if playing and not fresh and wait > 0:
            if not self._later.isActive():
                self._later.start(max(1, round(wait * 1000)))
            return
        self._later.stop()
        self._checked = now
        self._busy = True  # laying the plot out resizes its view, which asks again
        try:
            self._update(fresh)
        finally:
            self._busy = False

    def _update(self, fresh: bool) -> None:
        legend = self.legend
        if self.outside and not fresh:
            self._fit_outside()
            return
        drawn = data_drawn(self.views, legend)
        tries = [(self.place, self.columns)] + [(p, c) for c in (1, 2) for p in PLACES]
        box = self._box()
        for place, columns in tries:
            w, h = self._size(columns, lay_out=False)
            if w + 2 * MARGIN > box.width() or h + 2 * MARGIN > box.height():
                continue  # the view would cut it
            if not covered(self._rect_at(place, (w, h)), drawn):
                self._inside(place, columns)
                return
        self._go_outside()

    def _inside(self, place, columns: int) -> None:
        legend = self.legend
        if self.outside:
            self.outside = False
            self._leave_room()
            legend.setParentItem(self.plot.vb)
            self._offset = None
        size = self._size(columns)
        self.place, self.columns = place, columns
        rect = self._rect_at(place, size)
        box = self.plot.vb.sceneBoundingRect()
        offset = (rect.left() - box.left(), rect.top() - box.top())
        if offset != self._offset:
            self._offset = offset
            legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=offset)

    def _span_title(self, columns: int) -> None:
        """The title over the axes and the view (``columns`` 3), or over a legend right of them
        too (4): else the title's width would hold the view wide and push the legend off."""
        title, layout = self.plot.titleLabel, self.plot.layout
        layout.removeItem(title)
        layout.addItem(title, 0, 0, 1, columns)

    def _leave_room(self) -> None:
        if self._placed:
            self.plot.layout.removeItem(self._room)
            self._placed = False
            self._span_title(3)
        self._room.setMinimumSize(0, 0)
        self._room.setMaximumSize(0, 0)
        self._room.hide()

    def _go_outside(self) -> None:
        if not self.outside:
            self.outside = True
            self._room.setParentItem(self.plot)
            self._room.show()
            self.legend.setParentItem(self._room)  # the view clips what it holds; the room
        self._fit_outside()  # places the legend wherever the layout puts the room

    def _span(self) -> tuple[float, float]:
        """The scene x range a legend under the axis may take: under the axes and the view
        (the corners under the side axes are empty), as far as the widget shows."""
        span = self.plot.mapRectToScene(self.plot.contentsRect())
        shown = self.plot.scene().views() if self.plot.scene() else []
        if shown:
            view = shown[0]
            span = span.intersected(view.mapToScene(view.viewport().rect()).boundingRect())
        return span.left() + MARGIN, span.right() - MARGIN

    def _under(self) -> tuple[int, float, float]:
        """Columns, width and height of the legend in a row under the axis."""
        left, right = self._span()
        room = right - left
        columns = max(1, len(self.legend.items))
        while columns > 1 and self._size(columns, lay_out=False)[0] > room:
            columns -= 1
        return (columns, *self._size(columns, lay_out=False))

    def _fit_outside(self) -> None:
        """Under the axis in as many columns as the width holds, or right of the plot in one
        column, whichever leaves the data more room."""
        box = self._box()
        now_w = box.width() + (self._room.size().width() if self.side == "right" else 0)
        now_h = box.height() + (self._room.size().height() if self.side == "under" else 0)
        columns, w, h = self._under()
        rw, rh = self._size(1, lay_out=False)
        under_area = now_w * max(0.0, now_h - h)
        right_area = max(0.0, now_w - rw - MARGIN) * now_h if rh <= now_h else -1.0
        side = "right" if right_area > under_area else "under"
        if side == "right":
            columns = 1
        w, h = self._size(columns)  # laid out so: the room takes the size it has
        self.columns = columns
        if side != self.side or not self._placed:
            if self._placed:
                self.plot.layout.removeItem(self._room)
            self.side, self._placed = side, True
            self.plot.layout.addItem(self._room, *self._cell(side))
            self._span_title(4 if side == "right" else 3)
        if side == "right":
            self._room.setMinimumSize(w + MARGIN, 0)
            self._room.setMaximumSize(w + MARGIN, 1e6)
            self.legend.anchor(itemPos=(1, 0.5), parentPos=(1, 0.5), offset=(-2, 0))
        else:
            self._room.setMinimumSize(0, h)
            self._room.setMaximumSize(1e6, h)
            # centred under the part of the view on screen (a plot squeezed below its least
            # width lays its view out past the widget's edge), reaching under the side axes
            # when it is wider than the view
            left, right = self._span()
            x = min(max(box.center().x() - w / 2, left), right - w)
            offset = (x - self.plot.vb.sceneBoundingRect().left(), -2)
            self.legend.anchor(itemPos=(0, 1), parentPos=(0, 1), offset=offset)
        self.plot.layout.activate()  # the room takes its place now, not on the next event

    @staticmethod
    def _cell(side: str) -> tuple[int, int]:
        return (VIEW_ROW, COLUMN_RIGHT) if side == "right" else (ROW_UNDER, 1)

    def rect(self) -> QRectF:
        """The legend's rectangle in scene pixels."""
        return self.legend.mapRectToScene(self.legend.boundingRect())
