"""The chosen theme is remembered for the next launch."""

from __future__ import annotations

from core.scenario import default
from gui.main_window import MainWindow
from gui.session import Session


def test_the_theme_chosen_is_the_theme_of_the_next_window(qtbot):
    first = MainWindow(Session(default()))
    qtbot.addWidget(first)
    assert first.appearance.choice == "system"  # a first launch follows the system
    first.appearance.set_choice("dark")
    second = MainWindow(Session(default()))
    qtbot.addWidget(second)
    assert second.appearance.choice == "dark"
