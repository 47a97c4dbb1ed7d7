"""Every theme passes WCAG 2.1 AA: text 4.5:1 against its ground; controls, focus rings, edges
and plot lines 3:1. The colours are read from the window as it draws itself in each theme
(palette roles, style sheets, plot pens, diagram items); the transport icons, the sliders, the
field borders and the focus rings are rendered and measured in pixels.

The ratio is computed here from WCAG 2.1's own definitions of relative luminance and contrast.
"""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGraphicsEllipseItem,
    QLineEdit,
    QSlider,
    QStyleOptionGraphicsItem,
    QToolButton,
    QWidget,
)

from gui.diagram.edges import BadgeItem, EdgeItem, EdgeLabel
from gui.diagram.editable import EditableItem
from gui.diagram.items import NodeItem
from gui.look.palette import NEGATIVE, POSITIVE

TEXT, GRAPHIC = 4.5, 3.0
THEME_NAMES = ("light", "dark", "contrast")


def lum(c: QColor) -> float:
    def ch(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())


def contrast(a, b) -> float:
    hi, lo = sorted((lum(QColor(a)), lum(QColor(b))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def over(fg: QColor, ground) -> QColor:
    """``fg`` as drawn over ``ground`` (its alpha blended in)."""
    g, a = QColor(ground), fg.alphaF()
    return QColor.fromRgbF(
        a * fg.redF() + (1 - a) * g.redF(),
        a * fg.greenF() + (1 - a) * g.greenF(),
        a * fg.blueF() + (1 - a) * g.blueF(),
    )


class Pairs:
    """Collects (what, foreground, ground, needed) and reports every pair below its need."""

    def __init__(self):
        self.failed: list[str] = []
        self.count = 0

    def check(self, what: str, fg, ground, need: float) -> None:
        self.count += 1
        r = contrast(fg, ground)
        if r < need:
            fg, ground = QColor(fg).name(), QColor(ground).name()
            self.failed.append(f"{what}: {fg} on {ground} is {r:.2f}:1 < {need}:1")


@pytest.fixture(params=THEME_NAMES)
def themed(request, win, qtbot):
    win.appearance.set_choice(request.param, remember=False)
    qtbot.wait(20)
    return win


def test_palette_roles(themed):
    pal, p = themed.palette(), Pairs()
    r = QPalette.ColorRole
    for fg, bg in (
        (r.WindowText, r.Window),
        (r.Text, r.Base),
        (r.ButtonText, r.Button),
        (r.HighlightedText, r.Highlight),
        (r.ToolTipText, r.ToolTipBase),
        (r.PlaceholderText, r.Base),
        (r.Text, r.AlternateBase),
    ):
        p.check(f"{fg.name} on {bg.name}", pal.color(fg), pal.color(bg), TEXT)
    assert p.failed == []


def sheet_colours(sheet: str) -> tuple[list[str], list[str], list[str]]:
    """Text, ground and border colours of a sheet (rules for disabled controls left out:
    WCAG does not ask inactive controls for contrast)."""
    rules = re.findall(r"([^{}]*)\{([^{}]*)\}", sheet) or [("", sheet)]
    sheet = " ".join(body for selector, body in rules if ":disabled" not in selector)
    texts = re.findall(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", sheet)
    grounds = re.findall(r"background(?:-color)?:\s*(#[0-9A-Fa-f]{6}|white)", sheet)
    borders = re.findall(r"border[-\w]*:\s*\d+px\s+solid\s+(#[0-9A-Fa-f]{6})", sheet)
    return texts, grounds, borders


def ground_of(w: QWidget) -> str:
    """The nearest background a style sheet gives ``w`` or a parent; else the palette's."""
    node: QWidget | None = w
    while node is not None:
        grounds = sheet_colours(node.styleSheet())[1]
        if grounds:
            return grounds[0]
        node = node.parentWidget()
    return w.window().palette().color(QPalette.ColorRole.Window).name()


#: Cards drawn by the Paths and quiz panels, which take their colours from Theme.card and
#: Theme.card_border (checked below) as they move to them.
CARDS = ("PathRow",)


def test_style_sheet_text_and_borders(themed):
    p = Pairs()
    for w in themed.findChildren(QWidget):
        if not w.styleSheet() or type(w).__name__ in CARDS:  # hidden ones too: notes, banners
            continue
        texts, _grounds, borders = sheet_colours(w.styleSheet())
        ground = ground_of(w)
        for c in texts:
            p.check(f"text of {type(w).__name__} {w.objectName()}", c, ground, TEXT)
        outside = ground_of(w.parentWidget()) if w.parentWidget() else ground
        for c in borders:
            p.check(f"border of {type(w).__name__}", c, outside, GRAPHIC)
    assert p.count > 10
    assert p.failed == [], "\n".join(p.failed)


def ink_of(label) -> QColor:
    return QColor(label.opts.get("color") or label.item.defaultTextColor())


@pytest.mark.parametrize("name", THEME_NAMES)
def test_card_colours_each_theme_offers(name):
    from gui.look.palette import NEGATIVE, POSITIVE, SELECTED
    from gui.look.theme import THEMES

    t, p = THEMES[name], Pairs()
    for ground in (t.window, t.base):
        p.check("card edge", t.card_border, ground, GRAPHIC)
    p.check("card edge inside", t.card_border, t.card, GRAPHIC)
    for c in (t.text, t.color(POSITIVE), t.color(NEGATIVE), t.color(SELECTED), t.muted):
        p.check("card text", c, t.card, TEXT)
    assert p.failed == []


def test_plot_pens_text_and_grounds(themed):
    p = Pairs()
    plots = themed.findChildren(pg.PlotWidget)
    assert len(plots) == 3
    for w in plots:
        bg = w.backgroundBrush().color()
        item = w.getPlotItem()
        title = item.titleLabel.text
        for side in ("left", "bottom", "right"):
            axis = item.getAxis(side)
            if axis.isVisible():
                p.check(f"{title}: {side} axis", axis.pen().color(), bg, GRAPHIC)
                p.check(f"{title}: {side} tick text", axis.textPen().color(), bg, TEXT)
        p.check(f"{title}: title", ink_of(item.titleLabel), bg, TEXT)
        legend_bg = over(item.legend.brush().color(), bg)
        for _sample, label in item.legend.items:
            p.check(f"{title}: legend '{label.text}'", ink_of(label), legend_bg, TEXT)
        views = [v for v in w.scene().items() if isinstance(v, pg.ViewBox)]
        drawn = [c for v in views for c in v.childGroup.childItems()]  # both axes' views
        for child in {id(c): c for c in drawn}.values():
            if isinstance(child, pg.PlotDataItem) and child.opts.get("pen") is not None:
                pen = pg.mkPen(child.opts["pen"])
                if pen.style() != Qt.PenStyle.NoPen:
                    name = child.name() or "curve"
                    p.check(f"{title}: {name}", over(pen.color(), bg), bg, GRAPHIC)
            elif isinstance(child, pg.InfiniteLine):
                p.check(f"{title}: line", over(child.pen.color(), bg), bg, GRAPHIC)
    assert p.count > 20
    assert p.failed == [], "\n".join(p.failed)


def test_plot_markers_take_the_themes_colours(themed):
    """The current point and the descent's steps stand out 3:1 from the plot's ground, outline
    and fill; the predicted path's see-through markers are the colour of their own line."""
    curve = themed.descent_panel.curve
    bg = curve.widget.backgroundBrush().color()
    p = Pairs()
    point = curve._point.style
    p.check("current point", point.fill, bg, GRAPHIC)
    p.check("current point's outline", point.outline.color(), bg, GRAPHIC)
    steps = pg.mkBrush(curve._path.opts["symbolBrush"]).color()
    p.check("descent steps", over(steps, bg), bg, GRAPHIC)
    assert p.failed == [], "\n".join(p.failed)
    marks = pg.mkBrush(curve._predicted.opts["symbolBrush"]).color()
    line = pg.mkPen(curve._predicted.opts["pen"]).color()
    assert marks.rgb() == line.rgb() and marks.alpha() < 255  # see-through, on their line


def test_diagram_nodes_edges_and_signs(themed):
    scene, p = themed.scene, Pairs()
    dots: list[str] = []
    bg = scene.backgroundBrush().color()
    for item in scene.items():
        if not item.isVisible() or item.effectiveOpacity() < 1:
            continue  # dimmed on purpose: the paths not spotlit
        if isinstance(item, NodeItem):
            c = item.colors()
            p.check(f"{item.name} border", c["border"], bg, GRAPHIC)
            for role in ("title", "value", "grad"):
                p.check(f"{item.name} {role}", c[role], c["fill"], TEXT)
        elif isinstance(item, EdgeItem):
            p.check("edge", item.style()[0], bg, GRAPHIC)
        elif isinstance(item, BadgeItem):
            color = item.theme.color(item._color)
            p.check(f"badge {item.index + 1}", color, bg, TEXT)
        elif isinstance(item, EdgeLabel):
            color = item.theme.color(item._color)
            p.check(f"label {item.text()}", color, item.theme.node_fill, TEXT)
        elif hasattr(item, "brush") and hasattr(item, "text"):  # headers and legend
            p.check(f"caption {item.text()}", item.brush().color(), bg, TEXT)
        elif isinstance(item, QGraphicsEllipseItem):  # the legend's sign dots
            p.check("legend dot", item.brush().color(), bg, GRAPHIC)
            dots.append(item.brush().color().name().upper())
    theme = scene.theme  # the dots are the colours of the edges they explain
    assert sorted(dots) == sorted([theme.color(POSITIVE).upper(), theme.color(NEGATIVE).upper()])
    assert p.count > 40
    assert p.failed == [], "\n".join(p.failed)


def test_derivation_ink_and_term_colours(themed):
    from gui.look.palette import COMMON, NEGATIVE, NEUTRAL, POSITIVE

    t, p = themed.derivation.theme(), Pairs()
    body = themed.derivation._body.palette().color(QPalette.ColorRole.Window)
    assert themed.derivation._body.autoFillBackground()
    ink = QColor("black") if t.name == "light" else t.ink  # the typesetter's black in light
    p.check("formula ink", ink, body, TEXT)
    for name, c in (("positive", POSITIVE), ("negative", NEGATIVE), ("zero", NEUTRAL)):
        p.check(f"{name} term", t.color(c), body, TEXT)
    p.check("common factor", t.color(COMMON), body, TEXT)
    assert p.failed == []


def strongest(image: QImage, ground: QColor) -> float:
    """The highest contrast of any pixel of ``image`` against ``ground``."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    h, w = img.height(), img.width()
    raw = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.bytesPerLine() * h)
    px = raw.reshape(h, img.bytesPerLine() // 4, 4)[:, :w, :3]
    colours = np.unique(px.reshape(-1, 3), axis=0)
    return max(contrast(QColor(int(r), int(g), int(b)), ground) for b, g, r in colours)


def test_transport_icons_as_rendered(themed):
    c = themed.descent_controls
    ground = themed.palette().color(QPalette.ColorRole.Button)
    for action in (c.reset, c.back, c.play, c.step):
        button = next(b for b in themed.findChildren(QToolButton) if b.defaultAction() is action)
        ratio = strongest(button.grab().toImage(), ground)
        assert ratio >= GRAPHIC, f"{action.text()} icon: {ratio:.2f}:1"


def test_sliders_fields_and_check_boxes_as_rendered(themed):
    ground = themed.palette().color(QPalette.ColorRole.Window)
    c = themed.descent_controls
    for w in (c.timeline, c.lr_slider):
        assert isinstance(w, QSlider)
        assert strongest(w.grab().toImage(), ground) >= GRAPHIC
    fields = [  # the window's own fields, not those inside a spin box or a combo box
        w
        for w in themed.findChildren(QLineEdit)
        if w.isVisibleTo(themed) and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
    ]
    boxes = [w for w in themed.findChildren(QCheckBox) if w.isVisibleTo(themed)]
    assert fields and boxes
    for w in [*fields, *boxes]:
        img = w.grab().toImage()
        edge = img.copy(0, 0, img.width(), 2)  # the top edge: the border, not the text
        if isinstance(w, QCheckBox):
            edge = img.copy(0, 0, 20, img.height())  # the indicator's box
        ratio = strongest(edge, ground)
        assert ratio >= GRAPHIC, f"{type(w).__name__} edge: {ratio:.2f}:1"


def test_focus_rings_as_rendered(themed, qtbot):
    field = themed.descent_controls.tol_box
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    ground = themed.palette().color(QPalette.ColorRole.Window)
    top = field.grab().toImage()
    assert strongest(top.copy(0, 0, top.width(), 2), ground) >= GRAPHIC

    item = next(i for i in themed.scene.items() if isinstance(i, EditableItem))
    fill = QColor(item.colors()["fill"])

    def render(focused: bool) -> QImage:
        rect = item.boundingRect()
        img = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
        img.fill(fill)
        painter = QPainter(img)
        painter.translate(-rect.topLeft())
        item.hasFocus = (lambda: True) if focused else (lambda: False)  # type: ignore[method-assign]
        item.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.end()
        del item.hasFocus
        return img

    plain, ring = render(False), render(True)
    a = np.frombuffer(plain.constBits(), np.uint8).copy()
    b = np.frombuffer(ring.constBits(), np.uint8)
    changed = (a != b).reshape(-1, 4).any(axis=1)
    assert changed.any(), "no focus ring drawn"
    colours = {tuple(px[:3]) for px in b.reshape(-1, 4)[changed]}
    best = max(contrast(QColor(r, g, bl), fill) for bl, g, r in colours)
    assert best >= GRAPHIC, f"diagram focus ring: {best:.2f}:1"
    QApplication.processEvents()
    assert QRectF(item.boundingRect()).isValid()


def test_the_descent_banner_takes_the_themes_ground(themed):
    """A banner in a dark theme is not a pale slab: its ground is as dark as the panel's."""
    banner = themed.descent_panel.banner
    ground = QColor(sheet_colours(banner.styleSheet())[1][0])
    window = themed.palette().color(QPalette.ColorRole.Window)
    assert (ground.lightness() < 128) == (window.lightness() < 128), ground.name()
