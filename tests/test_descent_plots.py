"""The descent plots show what the snapshot holds, and a frame of play redoes only what moved.

What a person sees is checked through the plots' items and view ranges: the current point sits
at the snapshot's value on the drawn curve, the axes cover the run on show (and not the one
before a load), the step labels do not cover each other. What a frame costs is checked by
counting calls: the loss curve is not recomputed and the axes are not reset while one
parameter plays inside the range already shown.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from test_paths_panel import mse

from core.descent import ALL_WEIGHTS
from core.presets import preset
from gui.descent import curve_slice
from gui.descent.dots import Marker
from gui.descent.plot_ranges import HEADROOM, AxisRange
from gui.support import language

LONG_PLAY = 10_000_000


def play(session, param: str = "w11") -> None:
    """Start play, held: the test takes each tick itself with ``session.descent.advance``."""
    session.descent.set_descent_param(param)
    session.descent.set_stop_rule(LONG_PLAY)
    session.descent.set_speed(60)
    session.descent.play()
    session.descent.player.stop()
    session.descent.advance(1)


def view_range(widget, axis: int, side: str = "left") -> tuple[float, float]:
    """The range shown along ``axis`` (0 x, 1 y) by the view an axis of ``widget`` belongs to."""
    view = widget.getPlotItem().getAxis(side).linkedView()
    lo, hi = view.viewRange()[axis]
    return lo, hi


def named(widget, name: str):
    return next(i for i in widget.getPlotItem().items if getattr(i, "name", lambda: None)() == name)


def current_point(widget) -> tuple[float, float]:
    point = next(i for i in widget.getPlotItem().items if isinstance(i, Marker))
    xs, ys = point.getData()
    return float(xs[0]), float(ys[0])


def on_curve(widget, x: float, y: float) -> bool:
    """Whether ``(x, y)`` lies on the drawn loss curve, to a thousandth of the plot's height."""
    curve_x, curve_y = named(widget, "MSE").getData()
    y0, y1 = view_range(widget, 1)
    return abs(np.interp(x, curve_x, curve_y) - y) < 1e-3 * (y1 - y0)


def step_labels(widget) -> list[pg.TextItem]:
    items = widget.getPlotItem().items
    return [i for i in items if isinstance(i, pg.TextItem) and i.isVisible()]


@pytest.mark.parametrize("param", ["w11", ALL_WEIGHTS])
def test_the_current_point_is_at_the_snapshots_value_on_the_drawn_curve(window, session, param):
    play(session, param)
    for _ in range(12):
        session.descent.advance(1)
    d = session.snapshot.descent
    widget = window.descent_panel.curve.widget
    x, y = current_point(widget)
    assert x == session.snapshot.params.get("w11")
    assert y == d.run.loss[d.cursor]
    assert on_curve(widget, x, y)
    (x0, x1), (y0, y1) = view_range(widget, 0), view_range(widget, 1)
    assert x0 < x < x1 and y0 < y < y1


def test_after_loading_another_scenario_the_gradient_axis_covers_the_new_run_only(window, session):
    session.load_scenario(preset("saturated"))  # a gradient of -1.8e-12 all along
    for _ in range(3):
        session.descent.step()
    session.load_scenario(preset("homework"))
    for _ in range(10):
        session.descent.step()
    grads = session.snapshot.descent.run.grads[:, 0]
    lo, hi = view_range(window.descent_panel.value.widget, 1, side="right")
    assert lo < grads.min() and grads.max() < hi
    assert hi - lo < 1.5 * (grads.max() - grads.min())  # fitted to this run, not the last


def test_a_one_parameter_play_does_not_recompute_the_loss_curve(window, session, monkeypatch):
    calls = []
    real = curve_slice.loss_along
    monkeypatch.setattr(curve_slice, "loss_along", lambda *a: calls.append(a[1]) or real(*a))
    play(session)
    calls.clear()
    for _ in range(30):
        session.descent.advance(1)
    assert calls == []
    widget = window.descent_panel.curve.widget
    assert on_curve(widget, *current_point(widget))  # the curve kept is the right one


def test_in_all_weights_mode_the_loss_curve_follows_the_other_weights(window, session, monkeypatch):
    calls = []
    real = curve_slice.loss_along
    monkeypatch.setattr(curve_slice, "loss_along", lambda *a: calls.append(a[1]) or real(*a))
    play(session, ALL_WEIGHTS)
    calls.clear()
    for _ in range(5):
        session.descent.advance(1)
    assert calls == ["w11"] * 5


def test_frames_of_play_leave_the_axes_alone_until_the_run_leaves_them(
    window, session, monkeypatch
):
    play(session)
    views = []
    real = pg.ViewBox.setRange
    monkeypatch.setattr(
        pg.ViewBox, "setRange", lambda v, *a, **k: views.append(v) or real(v, *a, **k)
    )
    for _ in range(30):
        session.descent.advance(1)
    assert views == []
    session.descent.advance(1500)  # past the 1,000 predicted steps the axes were fitted to
    assert views
    step = session.snapshot.descent.step
    for widget in (window.descent_panel.loss.widget, window.descent_panel.value.widget):
        lo, hi = view_range(widget, 0)
        assert lo < 0 and step < hi
    views.clear()
    for _ in range(10):
        session.descent.advance(1)
    assert views == []


def test_a_change_the_plots_do_not_draw_leaves_them_untouched(window, session, monkeypatch):
    for _ in range(5):
        session.descent.step()
    calls = []
    for cls, name in ((pg.PlotDataItem, "setData"), (pg.ViewBox, "setRange")):
        real = getattr(cls, name)
        monkeypatch.setattr(cls, name, lambda *a, real=real, **k: calls.append(1) or real(*a, **k))
    session.select("wb")  # the diagram and the paths change; the descent does not
    assert session.snapshot.selected == "wb"
    assert calls == []


def test_step_labels_are_the_latest_and_round_steps_and_never_overlap(window, session):
    widget = window.descent_panel.curve.widget
    made = {id(i) for i in widget.getPlotItem().items if isinstance(i, pg.TextItem)}
    play(session)
    for _ in range(40):
        session.descent.advance(1)
    d = session.snapshot.descent
    labels = step_labels(widget)
    steps = sorted(int(t.textItem.toPlainText()) for t in labels)
    assert steps[-1] == d.step == 41
    assert all(s % 5 == 0 for s in steps[:-1])  # every 5th step of 41
    latest = next(t for t in labels if t.textItem.toPlainText() == "41")
    assert (latest.pos().x(), latest.pos().y()) == pytest.approx(current_point(widget))
    boxes = [t.mapRectToScene(t.boundingRect()) for t in labels]
    for i, a in enumerate(boxes):
        assert not any(a.intersects(b) for b in boxes[i + 1 :])
    assert {id(i) for i in widget.getPlotItem().items if isinstance(i, pg.TextItem)} == made


def test_the_log_scale_fits_the_loss_in_decades(window, session):
    for _ in range(20):
        session.descent.step()
    session.set_log_scale(True)
    d = session.snapshot.descent
    decades = np.log10(np.concatenate([d.run.loss, d.prediction.loss]))
    lo, hi = view_range(window.descent_panel.loss.widget, 1)
    assert lo < decades.min() and decades.max() < hi
    assert hi - lo < 1.5 * (decades.max() - decades.min())


def test_a_zoom_by_hand_stays_until_the_fit_button_fits_the_run_again(window, session):
    for _ in range(5):
        session.descent.step()
    plot = window.descent_panel.loss.widget.getPlotItem()
    plot.vb.scaleBy((0.2, 0.2))
    plot.vb.sigRangeChangedManually.emit([True, True])
    zoomed = plot.vb.viewRange()
    session.select("wb")  # a change the plot does not draw
    assert plot.vb.viewRange() == zoomed
    plot.autoBtn.clicked.emit(plot.autoBtn)
    d = session.snapshot.descent
    (x0, x1), (y0, y1) = plot.vb.viewRange()
    assert x0 < 0 and d.predicted_from + len(d.prediction.loss) - 1 < x1
    assert y0 < d.prediction.loss.min() and d.run.loss.max() < y1


def test_switching_language_redraws_the_computed_plot_texts(window, session):
    window.language_menu.switch("zh_TW")
    try:
        title = window.descent_panel.curve.widget.getPlotItem().titleLabel.text
        assert "其餘固定" in title
    finally:
        window.language_menu.switch("en")
    assert language.current() == "en"


def test_an_axis_grows_with_room_to_spare_and_keeps_its_range_inside():
    axis = AxisRange(pad=0.1)
    assert axis.update((0.0, 10.0), fresh=True) == (-1.0, 11.0)
    assert axis.update((0.0, 10.4), fresh=False) is None  # inside: kept
    lo, hi = axis.update((0.0, 12.0), fresh=False)  # left through the right side
    assert lo == pytest.approx(-1.2) and hi == pytest.approx(13.2 + HEADROOM * 14.4)
    assert axis.update((0.0, 3.0), fresh=False) is not None  # fills under a third: refitted
    assert axis.update((0.0, 3.1), fresh=True) is None  # a new run that nearly fits it
    assert axis.update((0.0, 1.0), fresh=True) == pytest.approx((-0.1, 1.1))


def test_the_tangents_slope_follows_w11_in_a_legend_that_keeps_its_size(window, session):
    """The legend's slope is the gradient at w11, in its line's colour, and the legend neither
    grows nor shrinks as the slope takes seven or eight characters: it would jiggle under a
    scrub and during play, and be laid out again each time."""
    curve = window.descent_panel.curve
    legend = curve.widget.getPlotItem().legend
    label = legend.getLabel(curve._tangent)
    colour = label.item.textCursor().charFormat().foreground().color().name()
    sizes, lengths = set(), set()
    for value in (0.4, 1.2, 1.0, 1.5):  # slopes of seven and eight characters
        session.set_value("w11", value)
        shown = label.item.toPlainText()
        assert shown.startswith("tangent, slope"), shown
        slope = shown.split()[-1]
        h = 1e-5  # the homework's MSE written out by hand (test_paths_panel.mse)
        assert float(slope) == pytest.approx((mse(value + h) - mse(value - h)) / (2 * h), 1e-3)
        assert label.item.textCursor().charFormat().foreground().color().name() == colour
        sizes.add((legend.width(), legend.height()))
        lengths.add(len(slope))
    assert lengths == {7, 8} and len(sizes) == 1


@pytest.mark.parametrize("plot", ["loss", "value"])
def test_a_long_run_is_drawn_as_two_points_a_pixel_and_looks_as_drawn_in_full(
    window, session, qtbot, plot
):
    from svg_render import pixels

    window.resize(1280, 720)
    play(session)
    session.descent.advance(1000)
    session.descent.pause()
    widget = getattr(window.descent_panel, plot).widget
    item = named(widget, "this run" if plot == "loss" else "w11")
    qtbot.wait(50)
    columns = widget.getPlotItem().vb.width()
    drawn = len(item.curve.getData()[0])
    steps = session.snapshot.descent.cursor + 1
    assert len(item.xData) == steps > 3 * columns
    assert drawn <= 2 * columns + 4  # a pair a pixel column: the least and greatest value
    thinned = pixels(widget.grab().toImage())
    widget.getPlotItem().setDownsampling(auto=False)  # the plot menu's "Downsample" unchecked
    qtbot.wait(50)
    assert len(item.curve.getData()[0]) == steps
    full = pixels(widget.grab().toImage())
    differ = np.abs(thinned - full).max(axis=2) > 64
    assert differ.mean() < 0.003, f"{differ.sum()} pixels differ"  # 0.12 % on this machine
