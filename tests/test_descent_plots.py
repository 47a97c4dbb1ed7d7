"""The descent plots show what the snapshot holds, and a frame of play redoes only what moved.

What a person sees is checked through the plots' view ranges: the axes cover the run on show
(and not the one before a load). What a frame costs is checked by counting calls: the axes
are not reset while one parameter plays inside the range already shown.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from core.presets import preset
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
