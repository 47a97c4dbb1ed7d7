"""What the plots draw, read as Qt would paint it, for the tests of legends, labels and axes:
each curve's drawn path stroked at its pen width, each marker's disc, each text item's box,
all in scene pixels."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from gui.descent.dots import DottedLine, Marker

SIZES = [(1280, 720), (1024, 768)]


def views_of(widget) -> list[pg.ViewBox]:
    return [i for i in widget.scene().items() if isinstance(i, pg.ViewBox)]


def data_shapes(widget) -> list[tuple[str, QPainterPath]]:
    """What each visible data item paints, as scene-pixel shapes clipped to its view."""
    shapes = []
    for view in views_of(widget):
        clip = QPainterPath()
        clip.addRect(view.sceneBoundingRect())
        for item in view.addedItems:
            if not item.isVisible():
                continue
            if isinstance(item, pg.TextItem):
                path = QPainterPath()
                path.addRect(item.mapRectToScene(item.boundingRect()))
                shapes.append((item.textItem.toPlainText(), path.intersected(clip)))
                continue
            scatters = []
            if isinstance(item, pg.PlotDataItem):
                pen = item.curve.opts["pen"]
                if item.curve.isVisible() and pen is not None:
                    stroker = QPainterPathStroker()
                    stroker.setWidth(max(1.0, pg.mkPen(pen).widthF()))
                    line = item.curve.mapToScene(item.curve.getPath())
                    shapes.append((item.name() or "line", stroker.createStroke(line) & clip))
                scatters.append(item.scatter)
                if isinstance(item, DottedLine) and item.dots.isVisible():
                    xs, ys = item.getData()  # its markers: a disc at each point it draws
                    discs = [
                        (item.mapToScene(QPointF(x, y)), item.opts["symbolSize"] / 2)
                        for x, y in zip(xs, ys)
                    ]
                    shapes.extend(("marker", _disc(c, r) & clip) for c, r in discs)
            elif isinstance(item, pg.ScatterPlotItem):
                scatters.append(item)
            elif isinstance(item, Marker):
                for x, y in zip(*item.getData()):
                    shapes.append(
                        ("marker", _disc(item.mapToScene(QPointF(x, y)), item.size / 2) & clip)
                    )
            for sc in scatters:
                if not sc.isVisible():
                    continue
                for spot in sc.points():
                    disc = _disc(sc.mapToScene(spot.pos()), spot.size() / 2)
                    shapes.append(("marker", disc & clip))
    return shapes


def _disc(centre: QPointF, r: float) -> QPainterPath:
    disc = QPainterPath()
    disc.addEllipse(centre, r, r)
    return disc


def legend_rect(widget) -> QRectF:
    legend = widget.getPlotItem().legend
    return legend.mapRectToScene(legend.boundingRect())


def assert_legend_clear(widget) -> None:
    rect = legend_rect(widget)
    assert not rect.isEmpty()
    for name, shape in data_shapes(widget):
        assert not shape.intersects(rect), f"the legend covers {name!r} in {widget_title(widget)}"
    legend = widget.getPlotItem().legend
    for _sample, label in legend.items:  # every label's text inside the legend's frame
        text = label.item.mapRectToScene(label.item.boundingRect())
        assert rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(text), label.text
    on_widget = widget.mapFromScene(rect).boundingRect()
    assert QRectF(widget.rect()).contains(QRectF(on_widget)), "the legend leaves its plot"
    parent = legend.parentItem()
    if isinstance(parent, pg.ViewBox):  # the view clips what it holds
        assert parent.sceneBoundingRect().contains(rect), "the view cuts the legend"


def widget_title(widget) -> str:
    return widget.getPlotItem().titleLabel.text


def plots(win):
    p = win.descent_panel
    return [p.curve.widget, p.loss.widget, p.value.widget]


def settle(qtbot, win) -> None:
    qtbot.wait(1)
    for w in plots(win):
        w.grab()  # lays out and paints, as the screen would
