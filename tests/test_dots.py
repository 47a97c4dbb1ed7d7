"""The loss curve's own markers draw what pyqtgraph's symbols draw, legend sample included."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from numpy.lib.stride_tricks import sliding_window_view
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


def alike(ours: np.ndarray, theirs: np.ndarray) -> None:
    """The same picture but for where within a pixel each marker sits: as much ink, and the
    same ink in every 5 x 5 pixel neighbourhood to within 20 of 255 (one 5-pixel disc
    missing or moved by its size makes a difference of over 50 there)."""
    ink_a, ink_b = (255 - ours).mean(axis=2), (255 - theirs).mean(axis=2)
    assert ink_a.sum() > 1000
    assert abs(ink_a.sum() - ink_b.sum()) < 0.03 * ink_b.sum()
    near_a, near_b = (
        sliding_window_view(np.pad(ink, 2), (5, 5)).mean(axis=(2, 3)) for ink in (ink_a, ink_b)
    )
    assert np.abs(near_a - near_b).max() < 20


def test_a_dotted_line_draws_the_markers_and_legend_pyqtgraphs_symbols_draw(qtbot):
    ours = drawn(qtbot, DottedLine(XS, YS, name="predicted path", **LINE, **MARKS))
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
