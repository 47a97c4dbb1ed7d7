"""The landscape tab as a person sees it: the colours are the model's loss, a click starts a run
there (one undo step), the view and its legend lie inside the window on a projector's screen,
and the lines drawn on the map stand out 3:1 against the map where they sit."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from screen_fit import clipped, plot_parts, settle

from core.model import forward
from core.presets import preset
from gui.state.session import Session

SCREENS = [(1280, 720), (1024, 768)]


def landscape_tab(win):
    panel = win.descent_panel
    panel.tabs.setCurrentWidget(panel.landscape)
    settle(win)
    return panel.landscape


def test_the_colours_are_the_models_loss_at_sampled_pixels(win, session):
    session.descent.step()  # somewhere other than the homework's start
    land = landscape_tab(win)
    view = land.view
    image = view.image.image  # (x, y): log10 of the loss, as the colour map shows it
    (x0, x1), (y0, y1) = view.vb.viewRange()
    n = image.shape[0]
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    p = session.snapshot.params
    rng = np.random.default_rng(7)
    for i, j in rng.integers(0, n, size=(25, 2)):
        # independent: set the two values, run the forward pass
        loss = forward(p.with_value("w11", xs[i]).with_value("w12", ys[j])).loss
        assert 10 ** image[i, j] == pytest.approx(loss, rel=1e-12, abs=1e-300)
    # each pixel sits where its value was computed: pixel i's centre is xs[i]
    rect = view.image.mapRectToParent(view.image.boundingRect())
    assert rect.left() + rect.width() / (2 * n) == pytest.approx(x0)
    assert rect.top() + rect.height() / (2 * n) == pytest.approx(y0)


def test_the_map_follows_an_edit_and_the_chosen_values(win, session):
    land = landscape_tab(win)
    before = land.view.image.image.copy()
    session.set_value("wa", 0.5)
    settle(win)
    assert not np.array_equal(before, land.view.image.image)
    land.set_names("a11", "wb")
    settle(win)
    plot = land.view.getPlotItem()
    assert (plot.getAxis("bottom").labelText, plot.getAxis("left").labelText) == ("a11", "wb")
    assert land.view.grid.x_name == "a11" and land.view.grid.y_name == "wb"
    assert land.x_box.currentText() == "a11" and land.y_box.currentText() == "wb"


def click_at(win, land, x: float, y: float, qtbot) -> None:
    view = land.view
    scene_pt = view.vb.mapViewToScene(QPointF(x, y))
    at = view.mapFromScene(scene_pt)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at.x(), at.y()))


def test_clicking_a_point_starts_a_run_there_as_one_undo_step(win, session, qtbot):
    land = landscape_tab(win)
    (x0, x1), (y0, y1) = land.view.vb.viewRange()
    x, y = x0 + 0.3 * (x1 - x0), y0 + 0.7 * (y1 - y0)
    entries = session.undo_stack.count()
    was = (session.snapshot.params.get("w11"), session.snapshot.params.get("w12"))
    click_at(win, land, x, y, qtbot)
    p = session.snapshot.params
    # the click lands within a pixel (and is rounded to three figures of the range)
    assert p.get("w11") == pytest.approx(x, abs=(x1 - x0) / 50)
    assert p.get("w12") == pytest.approx(y, abs=(y1 - y0) / 30)
    assert session.snapshot.start.get("w11") == p.get("w11")  # a new run starts there
    assert session.undo_stack.count() == entries + 1
    session.undo_stack.undo()
    assert (session.snapshot.params.get("w11"), session.snapshot.params.get("w12")) == was


def whole_landscape(win) -> list[str]:
    view = win.descent_panel.landscape.view
    parts = plot_parts(view)
    legend = view.getPlotItem().legend
    assert legend.isVisible() and legend.items
    parts["landscape legend"] = legend.sceneBoundingRect()
    parts["colour bar"] = win.descent_panel.landscape.view.bar.sceneBoundingRect()
    out = clipped(view, parts, win)
    frame = win.rect()
    for w in (view, win.descent_panel.landscape.x_box, win.descent_panel.landscape.y_box):
        r = QRect(w.mapTo(win, QPoint(0, 0)), w.size())
        if not frame.contains(r):
            out.append(f"{type(w).__name__} {r.getRect()}")
    return out


@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
@pytest.mark.parametrize("size", SCREENS, ids=["1280x720", "1024x768"])
def test_the_view_and_its_legend_lie_inside_the_window(win, session, size, presenter):
    session.descent.set_optimizer("momentum")
    for _ in range(3):
        session.descent.step()
    session.descent.keep_run()
    if presenter:
        win.presenter.enter(QRect(0, 0, *size))
    else:
        win.resize(*size)
    landscape_tab(win)
    assert whole_landscape(win) == []
    # the legend sits beside the map, never over it
    view = win.descent_panel.landscape.view
    legend = view.getPlotItem().legend.sceneBoundingRect()
    assert not legend.intersects(view.vb.sceneBoundingRect())


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_the_point_arrows_and_runs_stand_out_3_to_1_against_the_map(win, theme, qtbot):
    session = Session(preset("narrow_valley"))
    from gui.main_window import MainWindow

    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    w.appearance.set_choice(theme, remember=False)
    session.descent.set_optimizer("momentum")
    for _ in range(6):
        session.descent.step()
    session.descent.keep_run()
    land = landscape_tab(w)
    view = land.view
    picture = view.grab().toImage()
    ratio = picture.width() / view.width()
    lut = pg.colormap.get("viridis")
    lo, hi = view.image.levels
    checked = 0
    items = [*view.run, *view.gradient, *view.memory, *view.ghosts[0]]
    for halo, line in zip(items[::2], items[1::2]):
        xs, ys = line.getData()
        assert xs is not None and len(xs) > 1
        core, ring = line.opts["pen"].color(), halo.opts["pen"].color()
        assert ring.alpha() == 255 and core.alpha() == 255
        for x, y in zip(xs, ys):
            # the map's own colour where the line sits, from the grid and the colour map
            grid = view.grid
            j, i = np.abs(grid.x - x).argmin(), np.abs(grid.y - y).argmin()
            level = (math.log10(grid.loss[i, j]) - lo) / (hi - lo)
            under = lut.map(np.clip(level, 0, 1), mode="qcolor")
            assert max(contrast(core, under), contrast(ring, under)) >= 3.0
            checked += 1
        # and what is painted there is the line's colour or its halo, not the map's
        mid = QPointF((xs[0] + xs[1]) / 2, (ys[0] + ys[1]) / 2)  # clear of the point's disc
        sp = view.mapFromScene(view.vb.mapViewToScene(mid))
        painted = picture.pixelColor(int(sp.x() * ratio), int(sp.y() * ratio))
        drawn = [i.opts["pen"].color() for i in items]  # a line or halo, never the bare map
        assert min(contrast(painted, c) for c in drawn) < 1.2
    point = view.point
    assert point.opts["brush"].color().name() == "#ffffff"
    assert point.opts["pen"].color().name() == "#000000"  # white on black: 21:1, any map colour
    assert checked > 10


def test_the_tabs_the_optimizers_and_the_landscape_switch_language_in_the_open_window(win):
    panel, combo = win.descent_panel, win.descent_controls.optimizer.combo
    landscape_tab(win)
    win.language_menu.switch("zh_TW")
    QApplication.processEvents()  # Qt posts LanguageChange to every widget
    try:
        assert [panel.tabs.tabText(i) for i in range(2)] == ["圖表", "損失地形"]
        assert combo.itemText(combo.findData("momentum")) == "動量法"
        plot = panel.landscape.view.getPlotItem()
        assert plot.titleLabel.text == "損失地形"
        assert "不保留記憶" in panel.landscape.memory_label.text()
    finally:
        win.language_menu.switch("en")
        QApplication.processEvents()
    assert panel.tabs.tabText(1) == "Landscape"
    assert combo.itemText(combo.findData("momentum")) == "Momentum"


def test_the_range_follows_the_run_until_the_wheel_zooms_then_a_new_run_follows_again(win, session):
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent

    land = landscape_tab(win)
    for _ in range(40):
        session.descent.step()
    settle(win)

    def run_inside() -> bool:
        xs, ys = land.view.run[1].getData()
        (x0, x1), (y0, y1) = land.view.vb.viewRange()
        return bool((xs >= x0).all() and (xs <= x1).all() and (ys >= y0).all() and (ys <= y1).all())

    assert run_inside()
    vp = land.view.viewport()
    at = land.view.mapFromScene(land.view.vb.sceneBoundingRect().center())
    for _ in range(6):  # zoom in, a person's wheel over the map
        event = QWheelEvent(
            P(at),
            P(vp.mapToGlobal(at)),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(vp, event)
    settle(win)
    zoomed = land.view.vb.viewRange()
    session.descent.step_back()  # the view stays where the person put it
    settle(win)
    assert land.view.vb.viewRange() == zoomed
    assert land.view.grid.x[0] == pytest.approx(zoomed[0][0])  # the map is computed there
    session.descent.reset()  # a new run: the range follows it again
    settle(win)
    assert land.view.vb.viewRange() != zoomed


def test_in_a_tall_view_the_legend_keeps_its_rows_together_at_the_top(win):
    panel = landscape_tab(win)
    view = panel.view
    view.setParent(None)  # a tall place of its own, as an export at 1280x720 gives it
    view.resize(1000, 720)
    view.show()
    settle(view)
    try:
        check_legend_rows(view)
    finally:  # back in its panel: a window of its own would outlive the test's window
        view.hide()
        panel.layout().addWidget(view, 1)


def check_legend_rows(view) -> None:
    legend = view.getPlotItem().legend
    rows = [label for _sample, label in legend.items]
    assert rows
    tall = sum(label.item.boundingRect().height() for label in rows)  # their texts' lines
    box = legend.mapRectToScene(legend.boundingRect())
    plot = view.getPlotItem().mapRectToScene(view.getPlotItem().boundingRect())
    assert box.height() <= tall + 30  # its rows, close together, and its margins
    assert box.top() <= plot.top() + 10


@pytest.mark.parametrize("size", SCREENS)
def test_the_colour_bar_is_as_tall_as_the_map(win, size):
    """The bar had spanned the title and the axis too: its colours did not line up with the
    map's rows."""
    win.resize(*size)
    view = landscape_tab(win).view
    settle(win)
    gradient = view.bar.bar  # the bar's coloured image
    bar = gradient.mapRectToScene(gradient.boundingRect())
    data = view.vb.sceneBoundingRect()
    assert abs(bar.top() - data.top()) <= 2 and abs(bar.bottom() - data.bottom()) <= 2
