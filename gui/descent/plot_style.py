"""Shared look of the descent plots: white background, readable fonts, labelled axes."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from ..look.palette import FONT_PT, INK


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


def ink(w: pg.PlotWidget) -> str:
    """The colour of the plot's text and axes in the current theme."""
    return w.property("ink") or INK


def set_title(w: pg.PlotWidget, title: str) -> None:
    w.getPlotItem().setTitle(title, color=ink(w), size=f"{FONT_PT + 1}pt")


def make_plot(title: str, x_label: str, y_label: str, corner=(-8, 8)) -> pg.PlotWidget:
    """A white PlotWidget with a title, labelled axes, a grid and a legend."""
    w = pg.PlotWidget(background="w")
    w.setProperty("ink", INK)
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
    w.getPlotItem().setLabel(side, text, color=ink(w), **{"font-size": f"{FONT_PT}pt"})


def theme_plot(w: pg.PlotWidget, theme) -> None:
    """Redraw ``w`` in ``theme`` (a :class:`gui.look.theme.Theme`): ground, axes, text, legend.

    Curves and labels drawn in the light theme's ink take the theme's ink; coloured curves
    keep their colours (the palette reads on both grounds).
    """
    color = theme.color(INK)
    w.setProperty("ink", color)
    w.setBackground(theme.base if theme.dark else "w")
    item = w.getPlotItem()
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        axis.setPen(pen(color, 1))
        if side != "right":  # the right axis is coloured like its curve
            axis.setTextPen(pen(color, 1))
        if axis.labelText:
            set_axis_label(w, side, axis.labelText)
    if item.titleLabel.text:
        set_title(w, item.titleLabel.text)
    item.legend.setBrush(brush(theme.base if theme.dark else "#FFFFFF", 170))
    item.legend.setLabelTextColor(color)
    for _sample, label in item.legend.items:
        label.setText(label.text)  # the new colour shows only once the text is set again
    right = item.getAxis("right")
    right.setTextPen(pen(theme.color(_first_colour(right, right.textPen())), 1))
    for child in item.items:
        if isinstance(child, pg.PlotDataItem) and child.opts.get("pen") is not None:
            line = pg.mkPen(child.opts["pen"])
            if line.style() != Qt.PenStyle.NoPen:
                line.setColor(QColor(theme.color(_first_colour(child, line))))  # opaque: 3:1
                child.setPen(line)
        elif isinstance(child, pg.InfiniteLine):
            line = QPen(child.pen)
            line.setColor(QColor(theme.color(_first_colour(child, child.pen))))
            child.setPen(line)
        elif isinstance(child, pg.TextItem):
            child.setColor(color)


def _first_colour(item, item_pen) -> str:
    """The light theme's colour of a pen (remembered on first look), opaque: a line drawn
    see-through fades below the 3:1 a plot line needs against its ground."""
    if not hasattr(item, "_light_colour"):
        item._light_colour = pg.mkPen(item_pen).color().name().upper()
    return item._light_colour
