"""The loss curve's own markers draw what pyqtgraph's symbols draw, legend sample included."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from numpy.lib.stride_tricks import sliding_window_view
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from svg_render import pixels

from gui.descent.dots import DottedLine, Marker
from gui.descent.plot_style import NO_PEN, brush, pen

XS = np.linspace(0.0, 2.0, 40)
YS = np.exp(-2 * XS)
LINE = {"pen": pen("#5F6368", 1.5, dashed=True, alpha=160), "symbol": "o", "symbolSize": 5}
MARKS = {"symbolPen": NO_PEN, "symbolBrush": brush("#5F6368", 110)}


def drawn(qtbot, item) -> np.ndarray:
    """``item`` drawn on a white 320 x 220 plot with fixed ranges and a legend: RGB floats."""
    widget = pg.PlotWidget(background="w")
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    plot.addLegend(offset=(-10, 10))
    plot.addItem(item)
    plot.setRange(xRange=(-0.2, 2.2), yRange=(-0.1, 1.1), padding=0)
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    widget.resize(320, 220)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return pixels(widget.grab().toImage())


def alike(ours: np.ndarray, theirs: np.ndarray, ink: float = 0.03, near: float = 20) -> None:
    """The same picture but for where within a pixel each marker sits: as much ink (to within
    ``ink`` of it), and the same ink in every 5 x 5 pixel neighbourhood to within ``near`` of
    255 (one 5-pixel disc missing or moved by its size makes a difference of over 50 there)."""
    ink_a, ink_b = (255 - ours).mean(axis=2), (255 - theirs).mean(axis=2)
    assert ink_a.sum() > 1000
    assert abs(ink_a.sum() - ink_b.sum()) < ink * ink_b.sum()
    near_a, near_b = (
        sliding_window_view(np.pad(each, 2), (5, 5)).mean(axis=(2, 3)) for each in (ink_a, ink_b)
    )
    assert np.abs(near_a - near_b).max() < near


def test_a_dotted_line_draws_the_markers_and_legend_pyqtgraphs_symbols_draw(qtbot):
    line = DottedLine(XS, YS, name="predicted path", **LINE, **MARKS)
    assert len(line.scatter.data) == 0 and line.dots.isVisible()  # stamped, not pyqtgraph's
    ours = drawn(qtbot, line)
    theirs = drawn(qtbot, pg.PlotDataItem(XS, YS, name="predicted path", **LINE, **MARKS))
    alike(ours, theirs)
    legend = np.s_[:60, 150:]  # the legend's corner: its sample draws from the item's options
    assert np.array_equal(ours[legend], theirs[legend])


def test_a_marker_draws_the_disc_a_scatter_draws(qtbot):
    style = {"pen": pen("#202124", 1.5), "brush": brush("#00785A")}
    marker = Marker(15, style["pen"], style["brush"])
    marker.set_point(1.0, 0.5)
    ours = drawn(qtbot, marker)
    theirs = drawn(qtbot, pg.ScatterPlotItem([1.0], [0.5], size=15, **style))
    alike(ours, theirs)


def test_markers_with_an_outline_are_drawn_as_pyqtgraph_draws_them(qtbot):
    style = {"symbolPen": pen("#FFFFFF", 1), "symbolBrush": brush("#00785A"), "symbolSize": 8}
    line = {"pen": pen("#00785A", 2), "symbol": "o"}
    ours = drawn(qtbot, DottedLine(XS, YS, name="descent steps", **line, **style))
    theirs = drawn(qtbot, pg.PlotDataItem(XS, YS, name="descent steps", **line, **style))
    alike(ours, theirs)
    legend = np.s_[:60, 150:]
    assert np.array_equal(ours[legend], theirs[legend])


def test_a_dotted_line_hides_its_markers_with_itself_and_takes_round_markers_only(qtbot):
    line = DottedLine(XS, YS, **LINE, **MARKS)
    assert line.dots.isVisible()
    line.setSymbol(None)
    assert not line.dots.isVisible()
    with pytest.raises(ValueError):
        DottedLine(XS, YS, pen="k", symbol="s", symbolPen=NO_PEN)


def scene_picture(widget, export: bool) -> np.ndarray:
    """The plot's scene painted into an image as on screen, or as a file is (export mode)."""
    scene = widget.scene()
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    items = [i for i in scene.items() if hasattr(i, "setExportMode")]
    for item in items:
        item.setExportMode(export, {"antialias": True} if export else None)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), widget.mapToScene(widget.rect()).boundingRect())
    painter.end()
    for item in items:
        item.setExportMode(False)
    return pixels(image)


def test_a_file_draws_overlapping_markers_as_the_screen_does(qtbot):
    """A converging run piles its steps onto each other: each marker is drawn whole over the
    ones before it, outline and all, in a file as on screen."""
    xs = np.linspace(0.9, 1.1, 40)  # forty markers eight pixels across on twenty pixels
    style = {"symbolPen": pen("#FFFFFF", 1), "symbolBrush": brush("#00785A"), "symbolSize": 8}
    for marks in (style, MARKS | {"symbolSize": 5}):
        widget = pg.PlotWidget(background="w")
        qtbot.addWidget(widget)
        widget.getPlotItem().addItem(DottedLine(xs, np.exp(-xs), pen=None, symbol="o", **marks))
        widget.getPlotItem().setRange(xRange=(-0.2, 2.2), yRange=(-0.1, 1.1), padding=0)
        widget.resize(320, 220)
        widget.show()
        qtbot.waitExposed(widget)
        # on screen each marker sits on the pixel grid, in a file where it is: over forty
        # markers piled up that moves 3 % of the ink, and 24 of 255 in a neighbourhood (one
        # path of all the markers left their overlaps empty: 14 % less ink, and 100 to 175)
        exported, shown = scene_picture(widget, export=True), scene_picture(widget, export=False)
        alike(exported, shown, ink=0.05, near=35)


def test_a_marker_far_off_the_plot_is_drawn_without_a_warning(qtbot, recwarn):
    marker = Marker(15, pen("#202124", 1.5), brush("#00785A"))
    marker.set_point(1.0, 1e307)  # 1e307 times the view's scale overflows to infinity
    picture = drawn(qtbot, marker)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
    assert (255 - picture).sum() == 0  # nothing drawn inside the plot: the point is far above
