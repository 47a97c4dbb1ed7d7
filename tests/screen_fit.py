"""What a person sees clipped: every plot title, legend, axis label and tick number, every
diagram node and every panel, as rectangles in window coordinates, checked against the window.

An item is seen whole when its rectangle lies inside the viewport of the view that draws it
(a graphics view clips to its viewport) and that viewport lies inside the window.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView, QWidget


def settle(window) -> None:
    """Paint twice: pyqtgraph's axes widen to their tick numbers while painting."""
    for _ in range(2):
        QApplication.processEvents()
        window.grab()
    QApplication.processEvents()


def in_window(widget: QWidget, rect: QRect, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def scene_rect_in_window(view: QGraphicsView, rect: QRectF, window: QWidget) -> QRect:
    """``rect`` (scene coordinates) in ``window`` coordinates, clipped by nothing."""
    port = view.viewport()
    return in_window(port, view.mapFromScene(rect).boundingRect(), window)


def visible_area(view: QGraphicsView, window: QWidget) -> QRect:
    """What of ``view`` the window shows: its viewport, cut to the window."""
    port = view.viewport()
    return in_window(port, port.rect(), window).intersected(window.rect())


def clipped(view: QGraphicsView, rects: dict[str, QRectF], window: QWidget) -> list[str]:
    """The names of the scene rectangles not wholly inside what the window shows of ``view``."""
    area = visible_area(view, window)
    out = []
    for name, rect in rects.items():
        r = scene_rect_in_window(view, rect, window)
        if not area.contains(r):
            out.append(f"{name} {r.getRect()} outside {area.getRect()}")
    return out


def text_rect(item) -> QRectF:
    """A text item's scene rectangle without its document's empty margin (padding, no ink)."""
    m = item.document().documentMargin()
    return item.mapRectToScene(item.boundingRect().adjusted(m, m, -m, -m))


def tick_labels(axis: pg.AxisItem) -> list[tuple[QRectF, str]]:
    """Each tick number ``axis`` draws: its rectangle (in the axis's coordinates) and text."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    return [(QRectF(rect), text) for rect, _flags, text in specs[2]]


def tick_texts(axis: pg.AxisItem) -> dict[str, QRectF]:
    """The scene rectangle of every tick number ``axis`` draws."""
    return {f"tick {text!r}": axis.mapRectToScene(rect) for rect, text in tick_labels(axis)}


def plot_parts(plot: pg.PlotWidget) -> dict[str, QRectF]:
    """Scene rectangles of what a person reads on a plot: title, legend, axis labels, ticks."""
    item = plot.getPlotItem()
    parts: dict[str, QRectF] = {}
    title = item.titleLabel
    if title.isVisible() and title.text:
        parts[f"title {title.text!r}"] = text_rect(title.item)
    legend = item.legend
    if legend is not None and legend.isVisible() and legend.items:
        parts["legend"] = legend.sceneBoundingRect()
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        if not axis.isVisible():
            continue
        if axis.label.isVisible() and axis.labelText:
            parts[f"{side} label {axis.labelText!r}"] = text_rect(axis.label)
        parts.update({f"{side} {k}": r for k, r in tick_texts(axis).items()})
    return parts


def everything_clipped(window) -> list[str]:
    """Every plot part, diagram node and panel of ``window`` that is not wholly on show."""
    out: list[str] = []
    frame = window.rect()
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            r = in_window(dock, dock.rect(), window)
            if not frame.contains(r):
                out.append(f"panel {dock.objectName()} {r.getRect()}")
    plots = [p for p in window.findChildren(pg.PlotWidget) if p.isVisible()]
    assert plots, "no plot on show"
    for plot in plots:
        out += clipped(plot, plot_parts(plot), window)
    view = window.view
    nodes = {  # a bias node the network lacks is not drawn
        name: node.sceneBoundingRect()
        for name, node in window.scene.nodes.items()
        if node.isVisible()
    }
    out += clipped(view, nodes, window)
    return out


def title_is_whole(plot: pg.PlotWidget) -> bool:
    """The title's text is all there (no ellipsis) and no line runs past the title's width."""
    label = plot.getPlotItem().titleLabel
    text = label.item
    document = text.document()
    shown = text.toPlainText().replace("\u2028", " ").replace("\n", " ")
    no_overflow = text.textWidth() < 0 or document.idealWidth() <= text.textWidth() + 0.5
    return shown.split() == label.text.split() and "…" not in shown and no_overflow
