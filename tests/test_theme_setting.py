"""The chosen theme is remembered for the next launch."""

from __future__ import annotations

from core.scenario import default
from gui.main_window import MainWindow
from gui.state.session import Session


def test_the_theme_chosen_is_the_theme_of_the_next_window(qtbot):
    first = MainWindow(Session(default()))
    qtbot.addWidget(first)
    assert first.appearance.choice == "system"  # a first launch follows the system
    first.appearance.set_choice("dark")
    second = MainWindow(Session(default()))
    qtbot.addWidget(second)
    assert second.appearance.choice == "dark"


def test_the_plots_follow_the_theme_and_come_back(qtbot):
    from gui.look.palette import INK
    from gui.look.theme import THEMES

    window = MainWindow(Session(default()))
    qtbot.addWidget(window)
    plot = window.descent_panel.curve
    window.appearance.set_choice("dark", remember=False)
    dark = THEMES["dark"]
    assert plot.widget.backgroundBrush().color().name().upper() == dark.base.upper()
    assert plot._curve.opts["pen"].color().name().upper() == dark.color(INK).upper()
    assert dark.color(INK).upper() != INK.upper()  # the dark ink is not the light one
    window.appearance.set_choice("light", remember=False)
    assert plot.widget.backgroundBrush().color().name().upper() == "#FFFFFF"
    assert plot._curve.opts["pen"].color().name().upper() == INK.upper()
