"""Presenter mode and themes: full screen and back exactly as it was; one zoom for everything."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar, QToolBar, QToolButton

from gui.lecture.presenter_layout import FONT_BOOST
from gui.look.theme import THEMES


def layout_of(w):
    bars = {b.objectName(): b.isVisible() for b in w.findChildren(QToolBar)}
    docks = {
        d.objectName(): (d.isVisible(), w.dockWidgetArea(d)) for d in w.findChildren(QDockWidget)
    }
    return bars, docks, w.menuBar().isVisible()


def tick_pt(w) -> float:
    plot = w.findChildren(pg.PlotWidget)[0]
    return plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSizeF()


def panel_pt(w) -> float:
    """The point size of the Paths panel's type (it is the window's own)."""
    return w.paths_panel.font().pointSizeF()


def tab_bars(w) -> list[QTabBar]:
    return [b for b in w.findChildren(QTabBar) if b.isVisible()]


def test_f5_enters_full_screen_in_high_contrast_with_the_chrome_hidden(win, qtbot):
    base_pt = win.font().pointSizeF()
    qtbot.keyClick(win, Qt.Key.Key_F5)
    assert win.presenter.active and win.isFullScreen()
    assert not win.menuBar().isVisible()
    assert not win.descent_controls.toolbars[0].isVisible()
    assert win.scene.theme == THEMES["contrast"]
    assert win.scene.backgroundBrush().color().name() == "#000000"
    assert win.font().pointSizeF() == pytest.approx(base_pt * FONT_BOOST)
    assert win.derivation.zoom() == pytest.approx(FONT_BOOST)


def test_escape_leaves_and_restores_everything(win, qtbot):
    geometry, before = win.geometry(), layout_of(win)
    font, zoom, dzoom, pt = win.font(), win.view.zoom(), win.derivation.zoom(), tick_pt(win)
    qtbot.keyClick(win, Qt.Key.Key_F5)
    qtbot.keyClick(win, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert not win.presenter.active and not win.isFullScreen()
    qtbot.waitUntil(lambda: win.geometry() == geometry, timeout=3000)
    assert layout_of(win) == before
    assert win.font() == font
    assert (win.view.zoom(), win.derivation.zoom(), tick_pt(win)) == (zoom, dzoom, pt)
    assert win.scene.theme == THEMES["light"]


def test_zoom_scales_every_font_and_the_diagram(win, qtbot):
    win.presenter.enter(QRect(0, 0, 2560, 1440))  # a large screen: room for larger plot type
    win.session.lecture.start_walkthrough()  # its first sentence is short: drawn full size
    QApplication.processEvents()  # the docks take their new sizes
    pt, dzoom, ticks = panel_pt(win), win.derivation.zoom(), tick_pt(win)
    chrome = win.font().pointSizeF()
    for _ in range(2):
        qtbot.keyClick(win, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    factor = 1.15**2
    assert panel_pt(win) == pytest.approx(pt * factor)
    assert win.walkthrough.text.font().pointSizeF() == pytest.approx(pt * factor)
    # the tabs, the docks' titles and the walkthrough's buttons stay as at zoom 1
    assert win.font().pointSizeF() == pytest.approx(chrome)
    assert win.walkthrough.counter.font().pointSizeF() == pytest.approx(chrome)
    assert all(bar.font().pointSizeF() == pytest.approx(chrome) for bar in tab_bars(win))
    assert win.derivation.zoom() == pytest.approx(dzoom * factor)
    assert tick_pt(win) == pytest.approx(ticks * factor)
    assert win.view.zoom() == pytest.approx(factor)
    qtbot.keyClick(win, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert win.view.zoom() == pytest.approx(1.15)


def test_plot_type_grows_only_while_the_plots_have_room(win, qtbot):
    win.presenter.enter(QRect(0, 0, 1024, 768))
    QApplication.processEvents()
    first, panel = tick_pt(win), panel_pt(win)
    for _ in range(4):
        qtbot.keyClick(win, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert panel_pt(win) > panel * 1.5  # the panels' type follows the zoom
    assert tick_pt(win) == pytest.approx(first)  # the plots were full already at zoom 1


def test_outside_presenter_mode_ctrl_plus_zooms_the_diagram_only(win, qtbot):
    pt = win.font().pointSizeF()
    qtbot.keyClick(win, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert win.view.zoom() == pytest.approx(1.2)
    assert win.font().pointSizeF() == pt


def test_menu_shortcuts_still_work_with_the_menu_bar_hidden(win, session, qtbot):
    win.presenter.enter()
    qtbot.keyClick(win, Qt.Key.Key_2)
    assert session.snapshot.path == 1


def test_escape_closes_the_walkthrough_before_presenter_mode(win, session, qtbot):
    win.presenter.enter()
    qtbot.keyClick(win, Qt.Key.Key_W)
    assert win.walkthrough.bar.isVisible()  # the step counter stays in presenter mode
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert session.snapshot.walk is None and win.presenter.active
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert not win.presenter.active


@pytest.mark.parametrize("choice", ["dark", "contrast", "light"])
def test_a_theme_applies_without_restart(win, choice):
    win.appearance.set_choice(choice)
    theme = THEMES[choice]
    assert win.scene.backgroundBrush().color().name().upper() == theme.background.upper()
    assert win.scene.nodes["w11"]._theme == theme
    if choice != "light":
        window_color = win.palette().color(win.palette().ColorRole.Window)
        assert window_color.name().upper() == theme.window.upper()
    assert win.appearance.theme_actions[choice].isChecked()


def test_the_spotlight_follows_its_toggle(win, qtbot):
    qtbot.keyClick(win, Qt.Key.Key_L)
    assert win.presenter.spotlight.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_L)
    assert not win.presenter.spotlight.isVisible()


def test_the_derivations_title_stays_larger_than_its_button_at_every_zoom(win, qtbot):
    win.presenter.enter(QRect(0, 0, 1280, 720))
    panel = win.derivation
    button = next(iter(panel.findChildren(QToolButton)))  # Copy as LaTeX
    for zoom in (1.0, 1.5, 2.0):
        win.appearance.set_zoom(zoom)
        QApplication.processEvents()
        assert panel._title.font().pointSizeF() > button.font().pointSizeF(), zoom


def test_a_panel_first_shown_in_presenter_mode_takes_the_zooms_type(win, qtbot):
    """The Quiz is made when its tab first comes forward: made after the zoom, it had kept the
    type of zoom 1 beside panels twice its size."""
    win.presenter.enter(QRect(0, 0, 1280, 720))
    win.appearance.set_zoom(2.0)
    QApplication.processEvents()
    win.findChild(QDockWidget, "quiz_dock").raise_()
    QApplication.processEvents()
    assert win.quiz.font().pointSizeF() == pytest.approx(panel_pt(win))
    win.presenter.leave()
    assert win.quiz.font().pointSizeF() == pytest.approx(win.font().pointSizeF())
