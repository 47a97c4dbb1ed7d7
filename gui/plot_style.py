"""Shared look of the descent plots: white background, readable fonts, labelled axes."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from .palette import INK

FONT_PT = 11


def pen(colour: str, width: float = 2.0, dashed: bool = False, alpha: int = 255):
    c = QColor(colour)
    c.setAlpha(alpha)
    p = pg.mkPen(c, width=width)
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    return p


def brush(colour: str, alpha: int = 255):
    c = QColor(colour)
    c.setAlpha(alpha)
    return pg.mkBrush(c)


def make_plot(title: str, x_label: str, y_label: str, corner=(-8, 8)) -> pg.PlotWidget:
    """A white PlotWidget with a title, labelled axes, a grid and a legend."""
    w = pg.PlotWidget(background="w")
    item = w.getPlotItem()
    item.setTitle(title, color=INK, size=f"{FONT_PT + 1}pt")
    font = QFont()
    font.setPointSize(FONT_PT)
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        axis.setPen(pen(INK, 1))
        axis.setTextPen(pen(INK, 1))
        axis.setTickFont(font)
        axis.enableAutoSIPrefix(False)
    item.setLabel("bottom", x_label, color=INK, **{"font-size": f"{FONT_PT}pt"})
    item.setLabel("left", y_label, color=INK, **{"font-size": f"{FONT_PT}pt"})
    legend = item.addLegend(
        offset=corner, labelTextSize=f"{FONT_PT - 1}pt", labelTextColor=INK, verSpacing=-6
    )
    legend.setBrush(brush("#FFFFFF", 170))
    legend.setPen(pen("#DADCE0", 1))
    item.setMenuEnabled(False)
    return w


def set_axis_label(w: pg.PlotWidget, side: str, text: str) -> None:
    w.getPlotItem().setLabel(side, text, color=INK, **{"font-size": f"{FONT_PT}pt"})
