"""The plots never cover their own data: legends, step labels, axis ranges and log ticks.

Geometry is read from what Qt would paint: each curve's drawn path stroked at its pen width,
each marker's disc, each text item's box, all in scene pixels, against the legend's box. The
references are independent of the placing code: Qt's own path geometry, a fresh window's
ranges, numbers parsed back from the tick labels drawn.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPainterPathStroker

from core.descent import ALL_WEIGHTS
from core.presets import preset
from gui.state.session import Session

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
            elif isinstance(item, pg.ScatterPlotItem):
                scatters.append(item)
            for sc in scatters:
                if not sc.isVisible():
                    continue
                for spot in sc.points():
                    r = spot.size() / 2
                    c = sc.mapToScene(spot.pos())
                    disc = QPainterPath()
                    disc.addEllipse(c, r, r)
                    shapes.append(("marker", disc & clip))
    return shapes


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


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("steps", [1, 10, 40])
@pytest.mark.parametrize("name", ["homework", "saturated"])
def test_no_legend_covers_a_curve_point_tangent_or_label(win, qtbot, size, steps, name):
    win.resize(*size)
    win.session.load_scenario(preset(name))
    for _ in range(steps):
        win.session.descent.step()
    settle(qtbot, win)
    for w in plots(win):
        assert_legend_clear(w)


@pytest.mark.parametrize("size", SIZES)
def test_with_kept_runs_in_all_weights_mode_the_legend_still_covers_nothing(win, qtbot, size):
    win.resize(*size)
    s = win.session
    s.descent.set_descent_param(ALL_WEIGHTS)
    for _ in range(10):
        s.descent.step()
    s.descent.keep_run()
    for _ in range(5):
        s.descent.step()
    settle(qtbot, win)
    for w in plots(win):
        assert_legend_clear(w)
    curve = win.descent_panel.curve.widget
    point = next(i for i in curve.getPlotItem().items if isinstance(i, pg.ScatterPlotItem))
    assert not legend_rect(curve).intersects(point.mapRectToScene(point.boundingRect()))
    for w in plots(win):  # a legend moved out of the data leaves the data room to be read:
        data = w.getPlotItem().vb.sceneBoundingRect()  # four rows of tick numbers, and more
        assert data.height() >= 60 and data.width() >= 100, (widget_title(w), data, w.size())


@pytest.mark.parametrize("plot", ["curve", "loss", "value"])
def test_after_a_pan_by_hand_the_legend_moves_off_the_data(win, qtbot, plot):
    for _ in range(10):
        win.session.descent.step()
    settle(qtbot, win)
    widget = getattr(win.descent_panel, plot).widget
    vb = widget.getPlotItem().vb
    for shift in (-0.6, 0.6, -0.3):  # pans that carry the data under each corner in turn
        (x0, x1), (y0, y1) = vb.viewRange()
        vb.translateBy(x=shift * (x1 - x0), y=shift * (y1 - y0) / 2)
        vb.sigRangeChangedManually.emit([True, True])
        widget.grab()
        assert_legend_clear(widget)


def test_the_exported_legend_draws_its_last_line_whole(win, qtbot, tmp_path):
    """The legend's last label ends in ")": its pixels lie inside the legend's frame."""
    from gui.files.view_export import PNG_SCALE, export_view

    s = win.session
    s.descent.set_descent_param(ALL_WEIGHTS)
    for _ in range(10):
        s.descent.step()
    s.descent.keep_run()  # labelled "lr = 0.5 (all weights)"
    settle(qtbot, win)
    widget = win.descent_panel.curve.widget
    legend = widget.getPlotItem().legend
    assert legend.items[-1][1].text.endswith(")")
    export_view(win.export_views, "loss-curve", tmp_path / "loss.png")
    image = QImage(str(tmp_path / "loss.png"))
    origin = widget.mapToScene(widget.viewport().rect()).boundingRect().topLeft()
    frame = legend_rect(widget).translated(-origin)
    x0, x1 = (round(v * PNG_SCALE) for v in (frame.left(), frame.right()))
    y0, y1 = (round(v * PNG_SCALE) for v in (frame.top(), frame.bottom()))
    # the frame's right edge is drawn; left of it, a text-free column separates the text
    columns = [
        sum(image.pixelColor(x, y).lightness() < 128 for y in range(y0 + 3, y1 - 3))
        for x in range(x1 - 12, x1 - 2)
    ]
    assert 0 in columns, "the legend's text runs into its right edge"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("presenter", [False, True])
def test_step_labels_never_overlap_and_stay_inside_the_plot(win, qtbot, size, presenter):
    win.resize(*size)
    if presenter:
        win.presenter.enter()  # larger fonts (and full screen)
    s = win.session
    for steps in (12, 60):
        for _ in range(steps):
            s.descent.step()
        settle(qtbot, win)
        widget = win.descent_panel.curve.widget
        view = widget.getPlotItem().vb.sceneBoundingRect()
        labels = [
            i for i in widget.getPlotItem().items if isinstance(i, pg.TextItem) and i.isVisible()
        ]
        assert labels
        boxes = [t.mapRectToScene(t.boundingRect()) for t in labels]
        for i, a in enumerate(boxes):
            assert view.contains(a), labels[i].textItem.toPlainText()
            assert not any(a.intersects(b) for b in boxes[i + 1 :])
    if presenter:
        win.presenter.leave()


def ranges(win) -> list[float]:
    """Every axis's ends: the three plots' x and y, and the gradient's right axis."""
    p = win.descent_panel
    out: list[float] = []
    for w in (p.curve.widget, p.loss.widget, p.value.widget):
        for lo, hi in w.getPlotItem().vb.viewRange():
            out += [lo, hi]
    out += list(p.value._right.viewRange()[1])
    return out


def fresh_window(qtbot, scenario, size):
    from gui.main_window import MainWindow

    other = MainWindow(Session(scenario))
    qtbot.addWidget(other)
    other.resize(*size)
    other.show()
    qtbot.waitExposed(other)
    return other


@pytest.mark.parametrize("before", ["saturated", "diverging", "homework"])
@pytest.mark.parametrize("after", ["homework", "saturated"])
def test_after_a_load_every_axis_range_is_a_fresh_windows(win, qtbot, before, after):
    win.resize(1280, 720)
    win.session.load_scenario(preset(before))
    for _ in range(25):
        win.session.descent.step()
    settle(qtbot, win)
    win.session.load_scenario(preset(after))
    settle(qtbot, win)
    other = fresh_window(qtbot, preset(after), (1280, 720))
    try:
        settle(qtbot, other)
        assert ranges(win) == pytest.approx(ranges(other), rel=1e-9, abs=1e-12)
    finally:
        other.derivation.typesetter.shutdown()


def test_after_a_reset_every_axis_range_is_a_fresh_windows(win, qtbot):
    win.resize(1280, 720)
    for _ in range(30):
        win.session.descent.step()
    settle(qtbot, win)
    win.session.descent.reset()
    settle(qtbot, win)
    other = fresh_window(qtbot, preset("homework"), (1280, 720))
    try:
        settle(qtbot, other)
        assert ranges(win) == pytest.approx(ranges(other), rel=1e-9, abs=1e-12)
    finally:
        other.derivation.typesetter.shutdown()


def drawn_tick_labels(axis) -> list[tuple[QRectF, str]]:
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(QRectF(rect), text) for rect, _flags, text in specs[2]]


@pytest.mark.parametrize("lo", [0.12, 3.4e-5])
@pytest.mark.parametrize("span", [1.5, 10.0, 1e6])
@pytest.mark.parametrize("size", SIZES)
def test_a_log_axis_labels_any_span_with_at_least_two_numbers(win, qtbot, lo, span, size):
    win.resize(*size)
    win.session.set_log_scale(True)
    settle(qtbot, win)
    widget = win.descent_panel.loss.widget
    a, b = math.log10(lo), math.log10(lo * span)
    widget.getPlotItem().vb.setYRange(a, b, padding=0)
    widget.grab()
    labels = drawn_tick_labels(widget.getPlotItem().getAxis("left"))
    assert len(labels) >= 2, labels
    numbers = [float(text) for _rect, text in labels]
    assert all(lo * (1 - 1e-9) <= n <= lo * span * (1 + 1e-9) for n in numbers), numbers
    assert len(set(numbers)) == len(numbers)
    rects = [r for r, _t in labels]
    for i, r in enumerate(rects):
        assert not any(r.intersects(q) for q in rects[i + 1 :])


def test_the_gradient_axis_fits_each_loaded_run(win, qtbot):
    win.session.load_scenario(preset("saturated"))
    for _ in range(3):
        win.session.descent.step()
    win.session.load_scenario(preset("homework"))
    settle(qtbot, win)
    d = win.session.snapshot.descent
    grads = np.concatenate([d.run.grads[:, 0], np.ravel(d.prediction.grads)])
    lo, hi = win.descent_panel.value._right.viewRange()[1]
    assert lo < grads.min() and grads.max() < hi
    assert hi - lo < 1.2 * (grads.max() - grads.min())


def test_a_small_edit_keeps_the_axes_still_and_another_network_refits_them(win, qtbot):
    """A scrub moves one value a little: the axes hold still under the hand (no new ticks at
    every move) while the new run nearly fits them; an edit that leaves them refits."""
    s = win.session
    settle(qtbot, win)
    views = [w.getPlotItem().vb for w in plots(win)]
    before = [v.viewRange() for v in views]
    s.set_value("w11", 0.41)
    settle(qtbot, win)
    assert [v.viewRange() for v in views] == before
    s.set_value("w11", 25.0)  # far off: the curve's axis must take it in
    settle(qtbot, win)
    (x0, x1), _ = views[0].viewRange()
    assert x0 < 25.0 < x1


def test_while_playing_each_legend_is_placed_ten_times_a_second_and_after_the_last_frame(
    win, qtbot, monkeypatch
):
    """Placing a legend costs about a millisecond a plot: a frame of play checks at most every
    0.1 s (by a clock the test turns), and the last check comes after the last frame."""
    from gui.descent import legend_place

    t0 = legend_place.monotonic() + 1000.0  # later than any check the window made already
    clock = [t0]
    monkeypatch.setattr(legend_place, "monotonic", lambda: clock[0])
    checks: list[float] = []
    real = legend_place.LegendPlace._update
    monkeypatch.setattr(
        legend_place.LegendPlace,
        "_update",
        lambda self, fresh: (checks.append(clock[0]), real(self, fresh)),
    )
    s = win.session
    s.descent.play()
    s.descent.player.stop()  # the test takes the frames itself
    for k in range(30):  # 30 frames 10 ms apart: 0.3 s of play
        clock[0] = t0 + 0.01 * k
        s.descent.advance(1)
    times = sorted(set(checks))
    assert times == pytest.approx([t0, t0 + 0.1, t0 + 0.2]), checks  # once a tenth of a second
    clock[0] = t0 + 0.5
    qtbot.waitUntil(lambda: t0 + 0.5 in checks, timeout=2000)  # the check left after the last frame
    s.descent.pause()
    settle(qtbot, win)
    for w in plots(win):
        assert_legend_clear(w)


@pytest.mark.parametrize("size", SIZES)
def test_a_legend_whose_text_widens_and_narrows_again_is_laid_out_to_fit_it(win, qtbot, size):
    """A legend's sizes are remembered by its texts' widths: the tangent's slope takes other
    widths as w11 moves, and each time every label lies inside the legend, in or out of the
    data, during play as after an edit."""
    from gui.descent import legend_place

    win.resize(*size)
    s = win.session
    slopes = set()
    for value in (0.4, 3.5, -2.0, 0.41, 12.0, 0.4):  # slopes of other lengths, then back
        s.set_value("w11", value)
        s.descent.play()
        s.descent.player.stop()
        for _ in range(3):
            s.descent.advance(1)
            for p in (win.descent_panel.curve, win.descent_panel.loss, win.descent_panel.value):
                p.legend._checked = -legend_place.PLAYING_S  # each frame checks its place
        s.descent.pause()
        settle(qtbot, win)
        label = win.descent_panel.curve.widget.getPlotItem().legend.items[-1][1]
        slopes.add(round(label.item.boundingRect().width()))
        for w in plots(win):
            assert_legend_clear(w)
    assert len(slopes) >= 3  # the slope's text did take other widths
