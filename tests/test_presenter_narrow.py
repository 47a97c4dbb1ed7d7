"""On a 4:3 projector (1024x768) presenter mode gives the wide diagram the whole width: the
right-hand panels become tabs beside the plots, so the diagram's type is read from the back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar
from screen_fit import clipped, settle

RIGHT, BOTTOM = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea


def dock(win, name: str) -> QDockWidget:
    return win.findChild(QDockWidget, name)


def in_front(win, dock_widget) -> bool:
    """A dock on screen: Qt lays a tab that is not in front out beyond the window's edge."""
    return win.rect().intersects(dock_widget.geometry()) and not dock_widget.isHidden()


def node_type_px(win) -> float:
    """The height on screen of a conv cell's text lines ("z00 = 1.35"): the height of the
    font it draws them in (its line height), times the view's scale."""
    item = win.scene.nodes["z00"]
    _text, font = item.drawn_lines()[1]  # the lines as drawn, after the title
    return QFontMetricsF(font).height() * win.view.transform().m11()


def test_on_a_4_3_screen_the_panels_join_the_plots_and_the_diagram_takes_the_width(win):
    win.presenter.enter(QRect(0, 0, 1024, 768))
    settle(win)
    assert win.dockWidgetArea(dock(win, "Paths")) == BOTTOM
    assert dock(win, "Paths") in win.tabifiedDockWidgets(win.descent_panel.parentWidget())
    assert in_front(win, dock(win, "descent_dock"))  # the plots stay in front
    assert not in_front(win, dock(win, "Paths"))
    assert win.view.viewport().width() >= 0.95 * 1024
    # the scene (1440 units wide) is drawn at 0.43 beside the panels; alone it gets 0.69+
    assert win.view.transform().m11() >= 0.65
    assert node_type_px(win) >= 14  # beside the panels: 21-unit lines at 0.43, 9 px


def test_on_a_16_9_screen_the_panels_stay_beside_the_diagram(win):
    win.presenter.enter(QRect(0, 0, 1280, 720))
    settle(win)
    assert win.dockWidgetArea(dock(win, "Paths")) == RIGHT
    assert in_front(win, dock(win, "Paths")) and in_front(win, dock(win, "descent_dock"))


def test_leaving_puts_the_panels_back_on_the_right(win):
    win.presenter.enter(QRect(0, 0, 1024, 768))
    settle(win)
    win.presenter.leave()
    QApplication.processEvents()
    assert win.dockWidgetArea(dock(win, "Paths")) == RIGHT
    assert in_front(win, dock(win, "Paths")) and in_front(win, dock(win, "descent_dock"))


def test_the_tabs_read_paths_derivation_quiz_values_after_the_plots(win):
    win.presenter.enter(QRect(0, 0, 1024, 768))
    settle(win)
    bar = next(
        b
        for b in win.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QTabBar)
        if b.isVisible() and b.count() >= 5
    )
    assert [bar.tabText(i) for i in range(bar.count())] == [
        "Gradient descent", "Paths", "Derivation", "Quiz", "Values"
    ]  # fmt: skip


def test_d_enlarges_the_derivation_upward_under_the_diagram(win, qtbot):
    win.presenter.enter(QRect(0, 0, 1024, 768))
    settle(win)
    plots_height = win.descent_panel.height()
    qtbot.keyClick(win, Qt.Key.Key_D)
    settle(win)
    derivation = dock(win, "derivationDock")
    assert in_front(win, derivation) and not in_front(win, dock(win, "descent_dock"))
    assert derivation.height() > 1.3 * plots_height
    qtbot.keyClick(win, Qt.Key.Key_D)
    settle(win)
    assert in_front(win, dock(win, "descent_dock"))


def test_alt_1_brings_the_paths_tab_forward_then_closes_it(win, qtbot):
    win.presenter.enter(QRect(0, 0, 1024, 768))
    settle(win)
    paths = dock(win, "Paths")
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    settle(win)
    assert in_front(win, paths) and paths.toggleViewAction().isChecked()
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    settle(win)
    assert paths.isHidden() and not paths.toggleViewAction().isChecked()
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    settle(win)
    assert in_front(win, paths) and paths.toggleViewAction().isChecked()


def test_each_plot_keeps_its_data_readable_with_its_legend_under_it(win, qtbot):
    """At 1024x768 the three plots share the width: a legend that must leave the data goes
    under the axis in as many columns as the plot's width holds, reaching under its side axes:
    the loss curve's four lines, in one column, had left its data 70 px of height."""
    import pyqtgraph as pg

    win.presenter.enter(QRect(0, 0, 1024, 768))
    settle(win)
    panel = win.descent_panel
    for plot in (panel.curve, panel.loss, panel.value):
        widget = plot.widget
        widget.grab()  # laid out and painted, as on the screen
        item = widget.getPlotItem()
        data = item.vb.sceneBoundingRect()
        least = 100 if plot is panel.curve else 85  # the value plot's title takes two lines
        assert data.height() >= least, (item.titleLabel.text, data)
        legend = item.legend.mapRectToScene(item.legend.boundingRect())
        shown = widget.mapToScene(widget.viewport().rect()).boundingRect()
        assert shown.contains(legend), item.titleLabel.text  # whole, inside its plot
        if isinstance(item.legend.parentItem(), pg.ViewBox):
            continue  # inside the data: test_plots_uncovered checks it covers nothing
        assert legend.top() >= data.bottom(), item.titleLabel.text  # under the data


def test_the_walkthrough_bar_keeps_every_button_on_a_4_3_projector(win, qtbot):
    """Its sentence wraps instead of pushing Leave into the bar's overflow menu."""
    from gui.support.language import set_language

    win.presenter.enter(QRect(0, 0, 1024, 768))
    s = win.session
    s.lecture.start_walkthrough()
    w = win.walkthrough
    for lang in ("en", "zh_TW"):
        set_language(lang)
        for step in range(len(s.snapshot.walk_steps)):
            s.lecture.walk_to(step)
            settle(win)
            for action in (w.prev, w.next, w.leave):
                button = w.bar.widgetForAction(action)
                assert button is not None and button.isVisible(), (lang, step, action.text())
                assert w.bar.rect().contains(button.geometry()), (lang, step, action.text())


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_zoomed_in_every_tab_keeps_its_words_and_the_diagram_its_headers(win, size, lang):
    """Presenter zoom enlarges the panels, the plots and the diagram; the tabs stay as at zoom
    1 (they had been cut to "Pa…" and "ape"), and a column header is never cut in half."""
    from gui.support.language import set_language

    set_language(lang)
    win.presenter.enter(QRect(0, 0, *size))
    win.appearance.set_zoom(3.0)  # the most it goes to
    settle(win)
    for bar in win.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        metrics = bar.fontMetrics()
        vertical = bar.shape() in (QTabBar.Shape.RoundedWest, QTabBar.Shape.RoundedEast)
        for i in range(bar.count()):
            rect = bar.tabRect(i)
            room = rect.height() if vertical else rect.width()
            assert room >= metrics.horizontalAdvance(bar.tabText(i)), bar.tabText(i)
            assert win.rect().contains(QRect(bar.mapTo(win, rect.topLeft()), rect.size()))
    assert win.view.zoom() == pytest.approx(3.0)
    for selected in ("w11", "wb", "a22", "wd"):  # all four paths, one, two, one at the edge
        win.session.select(selected)
        settle(win)
        nodes = {n: item.sceneBoundingRect() for n, item in win.scene.nodes.items()}
        whole = [r for n, r in nodes.items() if not clipped(win.view, {n: r}, win)]
        assert whole, selected
        # a header over (or under) a column with a node on show whole is on show whole
        headers = {
            h.text(): box
            for h in win.scene.headers
            if any(
                r.left() < (box := h.sceneBoundingRect()).right() and r.right() > box.left()
                for r in whole
            )
        }
        assert headers, selected
        assert clipped(win.view, headers, win) == [], selected
    for zoom in (1.5, 2.0):
        win.appearance.set_zoom(zoom)
        win.session.select("w11")
        settle(win)
        # a line of the colour legend on show is on show whole ("…∂(node" had lost its ")")
        port = win.view.viewport().rect()
        legend = {
            t.text(): t.sceneBoundingRect()
            for t in win.scene.legend
            if hasattr(t, "text") and win.view.mapFromScene(t.sceneBoundingRect()).intersects(port)
        }
        assert clipped(win.view, legend, win) == [], zoom


@pytest.mark.parametrize("zoom", [1.0, 1.5, 2.0])
def test_zoomed_in_the_panels_keep_their_share_of_a_16_9_screen(win, zoom):
    """Zoomed type must not widen the panels' dock into the diagram (the derivation's title,
    enlarged with the zoom, had taken it to 590 of 1280 pixels)."""
    from gui.lecture.presenter_layout import SIDE_SHARE

    win.derivation.start_typesetting()  # as the app does after its first paint: rows built
    win.presenter.enter(QRect(0, 0, 1280, 720))
    win.appearance.set_zoom(zoom)
    settle(win)
    assert dock(win, "Paths").width() <= round(SIDE_SHARE * 1280) + 4
