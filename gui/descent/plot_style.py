"""Shared look of the descent plots: white background, readable fonts, labelled axes."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPicture, QTextCursor, QTextOption

from ..look.palette import FONT_PT, INK
from .dots import Marker
from .log_ticks import ReadableAxis


def pen(colour: str, width: float = 2.0, dashed: bool = False, alpha: int = 255):
    c = QColor(colour)
    c.setAlpha(alpha)
    p = pg.mkPen(c, width=width)
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    return p


# one pen object for "no outline": pyqtgraph keys its symbol images by the pen object, so a
# ``symbolPen=None`` made a new pen, rendered the symbol again and kept the image, on every setData
NO_PEN = QPen(Qt.PenStyle.NoPen)


def brush(colour: str, alpha: int = 255):
    c = QColor(colour)
    c.setAlpha(alpha)
    return pg.mkBrush(c)


def ink(w: pg.PlotWidget) -> str:
    """The colour of the plot's text and axes in the current theme."""
    return w.property("ink") or INK


def font_scale(w: pg.PlotWidget) -> float:
    """How much larger than the window's own the plot's type is (presenter mode's zoom)."""
    return float(w.property("font_scale") or 1.0)


def _pt(w: pg.PlotWidget, points: float) -> str:
    return f"{points * font_scale(w):.1f}pt"


def retranslate_menu(w: pg.PlotWidget) -> None:
    """pyqtgraph's own entry on the plot's context menu, in the interface language."""
    for action in w.scene().contextMenu:
        action.setText(QCoreApplication.translate("GraphicsScene", "Export..."))


def set_title(w: pg.PlotWidget, title: str) -> None:
    w.getPlotItem().setTitle(title, color=ink(w), size=_pt(w, FONT_PT + 1))
    fit_title(w)


def set_font_scale(w: pg.PlotWidget, scale: float) -> None:
    """Draw the title, axis labels and tick numbers ``scale`` times their usual size."""
    w.setProperty("font_scale", float(scale))
    item = w.getPlotItem()
    font = QFont()
    font.setPointSizeF(FONT_PT * scale)
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        axis.setTickFont(font)
        if axis.labelText:
            set_axis_label(w, side, axis.labelText)
    if item.titleLabel.text:
        set_title(w, item.titleLabel.text)


def fit_title(w: pg.PlotWidget, width: float | None = None) -> None:
    """Wrap the title onto more lines when it is wider than the plot (``width`` wide, default
    its current width), so that it is shown whole instead of pushing the plot out of view."""
    item = w.getPlotItem()
    label = item.titleLabel
    if not label.isVisible() or not label.text:
        return
    width = float(w.width() if width is None else width)
    room = max(width - 2 * TITLE_MARGIN, 40.0)  # the title spans the axes' columns too
    text = label.item
    text.setTextWidth(-1)
    if text.boundingRect().width() > room:
        text.setTextWidth(room)
    height = max(text.boundingRect().height(), TITLE_ROW)
    label.setMaximumHeight(height)  # pyqtgraph fixes the title row at 30 px, one small line
    item.layout.setRowFixedHeight(0, height)
    label.updateMin()
    label.resizeEvent(None)


#: Pixels kept free at each end of a plot's title; the title row's least height.
TITLE_MARGIN, TITLE_ROW = 6, 30


def fit_axes(w: pg.PlotWidget) -> None:
    """Give each axis of ``w`` the width of its tick numbers now, before ``w`` is painted.

    pyqtgraph measures the tick numbers while painting an axis and then widens or narrows it,
    moving the plot over: the first paint would show the plot where it does not stay.
    """
    item = w.getPlotItem()
    item.layout.activate()  # the plot's own geometry first: a second view follows its size
    w.scene().prepareForPaint()  # the ranges the paint will draw (auto range is done here)
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        if not axis.isVisible() or axis.linkedView() is not item.vb:
            continue  # an axis of a second view (the gradient's) is sized by its own view
        picture = QPicture()
        painter = QPainter(picture)
        try:
            if axis.style["tickFont"] is not None:
                painter.setFont(axis.style["tickFont"])
            axis.generateDrawSpecs(painter)  # measures the numbers, sets the axis's width
        finally:
            painter.end()
    item.layout.activate()


class _TitleFitter(QObject):
    """Fits the title of the plot it watches to the plot's new width on every resize, and its
    axes to their numbers when it is first shown."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            fit_title(obj, event.size().width())
        elif event.type() == QEvent.Type.Show and not obj.property("axes_fitted"):
            obj.setProperty("axes_fitted", True)
            fit_axes(obj)
        return False


def make_plot(
    title: str, x_label: str, y_label: str, corner=(-8, 8), steps: bool = False
) -> pg.PlotWidget:
    """A white PlotWidget with a title, labelled axes, a grid and a legend; with ``steps``
    its horizontal axis counts steps (whole numbers)."""
    axes = {"left": ReadableAxis("left"), "bottom": ReadableAxis("bottom", whole=steps)}
    # no context menu (style_plot turns it off): never built, rather than built and dropped
    w = pg.PlotWidget(background="w", axisItems=axes, enableMenu=False)
    style_plot(w, w.getPlotItem(), title, x_label, y_label)
    item = w.getPlotItem()
    legend = item.addLegend(
        offset=corner, labelTextSize=f"{FONT_PT - 1}pt", labelTextColor=INK, verSpacing=-6
    )
    legend.setBrush(brush("#FFFFFF", 170))
    legend.setPen(pen("#DADCE0", 1))
    return w


def style_plot(w, item: pg.PlotItem, title: str, x_label: str, y_label: str) -> None:
    """Give ``item``, drawn by the view ``w``, the plots' look: title, axes, fonts."""
    w.setProperty("ink", INK)
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
    item.setMenuEnabled(False)
    centred = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    centred.setWrapMode(QTextOption.WrapMode.WordWrap)
    item.titleLabel.item.document().setDefaultTextOption(centred)
    # pyqtgraph gives an axis title only 0.8 of its height: room below for the rest of it
    item.layout.setContentsMargins(1, 1, 1, 1 + TITLE_MARGIN)
    item.layout.removeItem(item.titleLabel)  # over the axes too, not only the data: more room
    item.layout.addItem(item.titleLabel, 0, 0, 1, 3)
    w.installEventFilter(_TitleFitter(w))


def set_axis_label(w: pg.PlotWidget, side: str, text: str) -> None:
    w.getPlotItem().setLabel(side, text, color=ink(w), **{"font-size": _pt(w, FONT_PT)})


def theme_plot(w: pg.PlotWidget, theme) -> None:
    """Redraw ``w`` in ``theme`` (a :class:`gui.look.theme.Theme`): ground, axes, text, legend.

    Curves and labels drawn in the light theme's ink take the theme's ink; coloured curves
    keep their colours (the palette reads on both grounds).
    """
    color = theme.color(INK)
    recolour = color != ink(w)  # the light theme at start: the texts are in its ink already
    w.setProperty("ink", color)
    w.setBackground(theme.base if theme.dark else "w")
    item = w.getPlotItem()
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        if recolour:
            axis.setPen(pen(color, 1))
            if side != "right":  # the right axis is coloured like its curve
                axis.setTextPen(pen(color, 1))
            if axis.labelText:
                set_axis_label(w, side, axis.labelText)
    if recolour and item.titleLabel.text:
        set_title(w, item.titleLabel.text)
    item.legend.setBrush(brush(theme.base if theme.dark else "#FFFFFF", 170))
    if recolour:
        item.legend.setLabelTextColor(color)
        for _sample, label in item.legend.items:
            text = label.text
            label.setText(text)  # the new colour shows only once the text is set again,
            relabel(label, text)  # and its HTML folded a run of spaces: the text as it was
    right = item.getAxis("right")
    right.setTextPen(pen(theme.color(_first_colour(right, right.textPen())), 1))
    views = [v for v in w.scene().items() if isinstance(v, pg.ViewBox) and v is not item.vb]
    extra = [c for v in views for c in v.childGroup.childItems()]  # a second axis's view
    for child in [*item.items, *extra]:
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
        if isinstance(child, pg.PlotDataItem) and child.opts.get("symbol") is not None:
            fill = pg.mkBrush(child.opts["symbolBrush"]).color()  # the markers, see-through
            child.setSymbolBrush(pg.mkBrush(_themed(child, fill, theme)))  # as they were
        elif isinstance(child, Marker):
            outline = child.style.outline
            child.recolour(
                _themed(child, child.style.fill, theme, "_light_fill"),
                _themed(child, outline.color(), theme) if outline is not None else None,
            )


def _themed(item, colour: QColor, theme, remembered: str = "_light_marks") -> QColor:
    """``colour`` in ``theme``, as see-through as it is (a marker's fill or outline): the light
    theme's colour of it is remembered on ``item`` as ``remembered``."""
    themed = QColor(theme.color(_first_colour(item, colour, remembered)))
    themed.setAlpha(colour.alpha())
    return themed


def _first_colour(item, item_pen, remembered: str = "_light_colour") -> str:
    """The light theme's colour of a pen or colour (remembered on ``item`` on first look),
    opaque: a line drawn see-through fades below the 3:1 a plot line needs against its
    ground."""
    if not hasattr(item, remembered):
        setattr(item, remembered, pg.mkPen(item_pen).color().name().upper())
    return getattr(item, remembered)


def rename(w: pg.PlotWidget, item, name: str) -> None:
    """Call ``item`` ``name`` in the plot's legend (and in the legend it is added to later)."""
    item.opts["name"] = name
    label = w.getPlotItem().legend.getLabel(item)
    if label is not None:
        label.setText(name)


def relabel(label: pg.LabelItem, text: str) -> bool:
    """Show ``text`` in a legend's ``label``, in its style; whether it takes other room now.
    pyqtgraph's ``setText`` parses new HTML (which would also fold a run of spaces into one),
    then measures and places the label and lays the legend out again; the tangent's slope
    changes on every frame of play. Here the characters are replaced in place, and the label
    is measured and laid out again only when the text takes other room."""
    item = label.item
    before = item.boundingRect().size()
    cursor = QTextCursor(item.document())
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text, cursor.charFormat())  # the span's colour and size kept
    label.text = text
    if item.boundingRect().size() == before:
        return False
    label.updateMin()  # as pyqtgraph's setText ends
    label.resizeEvent(None)
    label.updateGeometry()
    return True
