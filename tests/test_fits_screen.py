"""Made for a projector: at 1280x720 and 1024x768, in every theme, presenter mode (at zoom 1 and
after two Ctrl+=) and the normal window show every plot title, legend, axis label and tick
number, every diagram node and every panel whole, inside the window."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect, Qt
from screen_fit import everything_clipped, settle, title_is_whole

SCREENS = [(1280, 720), (1024, 768)]
THEMES = ["light", "dark", "contrast"]
#: A desktop's window frame: a 32 px title bar and 4 px borders (openbox draws less).
FRAME_SIDES, FRAME_TOP = 4, 32
#: The plots' titles as the homework's English interface words them.
TITLES = {"MSE vs w11, all else fixed", "Loss against step", "w11 and its gradient against step"}


def zoom_in(win, qtbot, times: int) -> None:
    for _ in range(times):
        qtbot.keyClick(win, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)


def check_whole(win) -> None:
    settle(win)
    assert everything_clipped(win) == []
    plots = win.findChildren(pg.PlotWidget)
    assert {p.getPlotItem().titleLabel.text for p in plots} == TITLES
    assert all(title_is_whole(p) for p in plots)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SCREENS, ids=["1280x720", "1024x768"])
@pytest.mark.parametrize("zooms", [0, 2], ids=["zoom1", "two-ctrl-plus"])
def test_presenter_mode_shows_everything_whole(win, qtbot, size, theme, zooms):
    win.appearance.set_choice(theme, remember=False)
    win.presenter.enter(QRect(0, 0, *size))
    zoom_in(win, qtbot, zooms)
    assert win.size().toTuple() == size
    check_whole(win)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SCREENS, ids=["1280x720", "1024x768"])
def test_the_normal_window_inside_a_projector_screen_shows_everything_whole(win, size, theme):
    win.appearance.set_choice(theme, remember=False)
    width, height = size
    win.resize(width - 2 * FRAME_SIDES, height - FRAME_TOP - FRAME_SIDES)
    check_whole(win)


def test_the_third_plot_keeps_its_title_legend_and_right_axis_at_1280x720(win):
    win.presenter.enter(QRect(0, 0, 1280, 720))
    settle(win)
    plot = win.descent_panel.value.widget
    right = plot.getPlotItem().getAxis("right")
    assert right.isVisible()
    assert title_is_whole(plot)
    assert everything_clipped(win) == []


def node_areas(win, names) -> list[tuple[str, bool]]:
    view, port = win.view, win.view.viewport().rect()
    return [
        (n, port.contains(view.mapFromScene(win.scene.nodes[n].sceneBoundingRect()).boundingRect()))
        for n in names
    ]


def test_ctrl_plus_grows_the_diagram_around_the_selection_and_keeps_it_on_screen(
    win, session, qtbot
):
    session.select("wa")  # its one path: o00 -> wa -> y_hat -> MSE, the right half
    win.presenter.enter(QRect(0, 0, 1280, 720))
    settle(win)
    before = win.view.transform().m11()
    zoom_in(win, qtbot, 3)
    settle(win)
    assert win.view.transform().m11() > before * 1.2
    names = ["z00", "wa", "y_hat", "MSE"]
    assert node_areas(win, names) == [(n, True) for n in names]
    qtbot.keyClick(win, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    settle(win)
    assert win.view.transform().m11() == pytest.approx(before, rel=0.02)


def test_ctrl_plus_never_pushes_the_lit_paths_off_screen(win, qtbot):
    win.presenter.enter(QRect(0, 0, 1280, 720))
    zoom_in(win, qtbot, 6)
    settle(win)
    names = [n for n, node in win.scene.nodes.items() if node.isVisible()]  # all w11's paths
    assert node_areas(win, names) == [(n, True) for n in names]


def test_ctrl_0_in_presenter_mode_fits_the_diagram_and_the_plots(win, qtbot):
    win.presenter.enter(QRect(0, 0, 1024, 768))
    settle(win)
    scale, ticks = win.view.transform().m11(), win.descent_panel.type_scale()
    qtbot.keyClick(win, Qt.Key.Key_1)
    zoom_in(win, qtbot, 4)
    qtbot.keyClick(win, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert win.appearance.zoom == 1.0 and win.view.zoom() == 1.0
    settle(win)
    assert win.view.transform().m11() == pytest.approx(scale)
    assert win.descent_panel.type_scale() == pytest.approx(ticks)
    assert everything_clipped(win) == []


def test_the_derivation_scales_with_the_presenter_zoom(win, qtbot):
    win.presenter.enter(QRect(0, 0, 1280, 720))
    first = win.derivation.zoom()
    zoom_in(win, qtbot, 2)
    assert win.derivation.zoom() == pytest.approx(first * 1.15**2)


@pytest.mark.parametrize(
    "wanted, frame, available, expected",
    [
        # 1280x720 asked for on a 1280x720 screen with a 32 px title bar and 4 px borders
        ((0, 0, 1280, 720), (4, 32, 4, 4), (0, 0, 1280, 720), (4, 32, 1272, 684)),
        # a panel of 30 px at the top of a 1024x768 screen
        ((100, 50, 1280, 720), (4, 32, 4, 4), (0, 30, 1024, 738), (4, 62, 1016, 702)),
        # it fits already: left where it is
        ((200, 100, 800, 500), (4, 32, 4, 4), (0, 0, 1920, 1080), (200, 100, 800, 500)),
        # off the right edge of a large screen: moved back, not shrunk
        ((1500, 100, 800, 500), (1, 20, 1, 1), (0, 0, 1920, 1080), (1119, 100, 800, 500)),
    ],
)
def test_the_window_and_its_frame_are_kept_inside_the_screen(wanted, frame, available, expected):
    from PySide6.QtCore import QMargins

    from gui.support.screen_fit import fitted

    got = fitted(QRect(*wanted), QMargins(*frame), QRect(*available))
    assert got.getRect() == expected


def test_the_window_shrinks_to_a_small_screen_once_shown(win):
    from PySide6.QtCore import QMargins

    from gui.support.screen_fit import GUESSED_FRAME

    win.setGeometry(QRect(0, 0, 1280, 720))
    area = win.screen().availableGeometry()  # 800x800 on the offscreen platform
    win.fit_to_screen()
    frame = win.frameGeometry() if win.frameGeometry() != win.geometry() else None
    outer = frame or win.geometry().marginsAdded(QMargins(GUESSED_FRAME))
    assert area.contains(outer)
    assert outer.width() == area.width()  # as large as the screen allows, no smaller


def test_a_title_wider_than_its_plot_wraps_whole_instead_of_pushing_the_plot_out(qtbot):
    from screen_fit import clipped, plot_parts

    from gui.descent.plot_style import make_plot, set_font_scale

    plot = make_plot("w11 and its gradient against step", "step", "w11")
    qtbot.addWidget(plot)
    set_font_scale(plot, 1.6)
    plot.resize(900, 240)
    plot.show()
    qtbot.waitExposed(plot)
    settle(plot)
    title = plot.getPlotItem().titleLabel.item
    one_line = title.document().size().height()
    plot.resize(260, 240)
    settle(plot)
    assert title.document().size().height() > 1.5 * one_line  # on two lines or more
    assert title_is_whole(plot)
    assert clipped(plot, plot_parts(plot), plot) == []
    plot.resize(900, 240)  # room again: back on one line
    settle(plot)
    assert title.document().size().height() == one_line


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_a_1024_wide_window_keeps_what_descends_and_how_on_its_settings_bar(win, lang):
    """The learning rate, what descends, the speed and the stop rule stay on the bar; only
    the tolerance may go into the bar's overflow menu."""
    from gui.support.language import set_language

    set_language(lang)
    win.resize(1024, 768)
    settle(win)
    c = win.descent_controls
    bar = c.toolbars[1]
    for widget in (c.lr_slider, c.lr_box, c.param, c.speed, c.max_steps):
        assert widget.isVisible(), (lang, type(widget).__name__)
        assert bar.rect().contains(widget.geometry()), (lang, type(widget).__name__)
