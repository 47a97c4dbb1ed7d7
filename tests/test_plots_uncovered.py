"""The plots' legends never cover their own data: each legend is checked against the geometry
Qt would paint (each curve's drawn path stroked at its pen width, each marker's disc, each text
item's box, in scene pixels), after steps, kept runs, a pan by hand, an export and play."""

from __future__ import annotations

import pytest
from plot_geometry import (
    SIZES,
    assert_legend_clear,
    legend_rect,
    plots,
    settle,
    widget_title,
)
from PySide6.QtGui import QImage

from core.descent import ALL_WEIGHTS
from core.presets import preset
from gui.descent.dots import Marker


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
    point = next(i for i in curve.getPlotItem().items if isinstance(i, Marker))
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


def test_a_legend_is_clear_of_the_data_when_its_plots_come_back_from_behind_a_tab(win, qtbot):
    """A scenario loaded while the landscape is in front draws the plots behind its tab: their
    legends are placed there, at the size they keep, for when the Plots tab comes back."""
    panel = win.descent_panel
    panel.tabs.setCurrentWidget(panel.landscape)
    settle(qtbot, win)
    win.session.load_scenario(preset("diverging"))
    settle(qtbot, win)
    panel.tabs.setCurrentIndex(0)  # the plots again, at the same size
    settle(qtbot, win)
    for w in plots(win):
        assert_legend_clear(w)


def test_a_legend_the_slope_widens_during_play_is_placed_again_in_that_frame(
    win, qtbot, monkeypatch
):
    """The slope's text takes other room as the run flattens (-0.01 to -0.009xxx): the legend
    is placed again in that frame, not up to a tenth of a second later. On a 96 dpi screen at
    1024x768 the legend under the axis grew past the plot's right edge, its border cut off,
    until the next check. The clock stands still here, so no check falls due by time."""
    from gui.descent import legend_place

    win.resize(1024, 768)
    settle(qtbot, win)
    curve = win.descent_panel.curve
    label = curve.widget.getPlotItem().legend.items[-1][1]
    clock = legend_place.monotonic() + 1000.0
    monkeypatch.setattr(legend_place, "monotonic", lambda: clock)
    checked: list[int] = []
    real = legend_place.LegendPlace._update
    monkeypatch.setattr(
        legend_place.LegendPlace,
        "_update",
        lambda self, fresh: (self is curve.legend and checked.append(step()), real(self, fresh)),
    )
    s = win.session

    def step() -> int:
        return s.snapshot.descent.step

    s.descent.play()
    s.descent.player.stop()  # the test takes the frames itself
    s.descent.advance(1)  # the first frame of play checks; the clock then holds the rest
    width = round(label.item.boundingRect().width())
    grew = []
    for _ in range(120):
        s.descent.advance(1)
        now = round(label.item.boundingRect().width())
        if now != width:
            grew.append(step())
            width = now
    s.descent.pause()
    assert grew, "the slope's text kept its width"
    assert set(grew) <= set(checked), (grew, checked)  # each such frame placed it again
