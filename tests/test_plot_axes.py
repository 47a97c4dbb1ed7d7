"""The plots' step labels and axes: labels never overlap and stay inside, every axis range is
a fresh window's after a load or reset, a log axis labels any span with at least two numbers
(parsed back from the tick labels drawn), and a small edit keeps the axes still."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from plot_geometry import (
    SIZES,
    plots,
    settle,
)
from screen_fit import tick_labels

from core.presets import preset
from gui.state.session import Session


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
    labels = tick_labels(widget.getPlotItem().getAxis("left"))
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


def _curve_share(win) -> float:
    """How much of the loss plot's height the loss curve's drawn part spans."""
    curve = win.descent_panel.curve
    (x0, x1), (y0, y1) = curve.widget.getPlotItem().vb.viewRange()
    xs, ys = curve._curve.getData()
    seen = ys[(xs >= x0) & (xs <= x1)]
    return float((seen.max() - seen.min()) / (y1 - y0))


def test_a_diverging_prediction_leaves_the_plot_and_the_curve_keeps_its_shape(win, qtbot):
    """On the diverging preset the prediction reaches w11 = -300 and a loss of 600: fitted to
    it, the loss curve had been a flat line on the axis. The curve fills the plot, the current
    point is on show, and the prediction's first step leaves it upwards."""
    win.session.load_scenario(preset("diverging"))
    settle(qtbot, win)
    pred = win.session.snapshot.descent.prediction
    assert float(np.max(pred.loss)) > 100  # what would flatten the curve
    plot = win.descent_panel.curve.widget.getPlotItem()
    (x0, x1), (y0, y1) = plot.vb.viewRange()
    p = win.session.snapshot.params
    run = win.session.snapshot.run
    assert x0 < p.get("w11") < x1 and y0 < float(run.loss[0]) < y1
    assert _curve_share(win) > 0.5
    assert pred.loss[1] > y1  # the next step's loss is above the plot: it leaves upwards


def test_the_homeworks_prediction_is_drawn_whole(win, qtbot):
    settle(qtbot, win)
    pred = win.session.snapshot.descent.prediction
    (x0, x1), (y0, y1) = win.descent_panel.curve.widget.getPlotItem().vb.viewRange()
    xs = pred.values if pred.values.ndim == 1 else pred.values[:, 0]
    assert x0 <= xs.min() and xs.max() <= x1
    assert y0 <= pred.loss.min() and pred.loss.max() <= y1
    assert _curve_share(win) > 0.5


def test_the_step_axes_label_whole_steps_only(win, qtbot):
    """A short run (the diverging preset's prediction stops after three steps) had its step
    axes labelled 0.5, 1.5 and 2.5."""
    win.session.load_scenario(preset("diverging"))
    settle(qtbot, win)
    for plot in (win.descent_panel.loss, win.descent_panel.value):
        axis = plot.widget.getPlotItem().getAxis("bottom")
        lo, hi = axis.range
        assert hi - lo < 6  # a short run: pyqtgraph would tick it in halves
        shown = [v for _spacing, values in axis.tickValues(lo, hi, axis.width()) for v in values]
        assert len(shown) >= 3
        assert all(float(v).is_integer() for v in shown), shown
    curve = win.descent_panel.curve.widget.getPlotItem().getAxis("bottom")
    lo, hi = curve.range  # w11, not steps: its ticks may fall between whole numbers
    assert any(
        not float(v).is_integer() for _s, vs in curve.tickValues(lo, hi, curve.width()) for v in vs
    )


def _digits(label: str) -> int:
    """Significant digits of a tick label ("-1.8161e-12": 5, "4.000": 4, "150": 3)."""
    mantissa = label.replace("−", "-").lstrip("-").split("e")[0]
    return len(mantissa.replace(".", "").lstrip("0")) or 1


def test_a_stagnating_run_is_labelled_in_four_figures_at_most(win, qtbot):
    """The saturated preset's w11 and gradient hardly move: axes fitted to a span of 1e-4 of
    the value had read "-1.8161e-12" and "3.9996", five figures, taking the plot's width."""
    win.session.load_scenario(preset("saturated"))
    settle(qtbot, win)
    for axis in (
        win.descent_panel.value.widget.getPlotItem().getAxis(side) for side in ("left", "right")
    ):
        drawn = [text for _rect, text in tick_labels(axis)]  # the numbers it draws
        assert drawn
        assert max(_digits(t) for t in drawn) <= 4, drawn
