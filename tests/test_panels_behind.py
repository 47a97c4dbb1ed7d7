"""Panels in a dock tab behind another do no per-edit work and catch up when raised: the
derivation builds no LaTeX, the values table is not told, the quiz rows are not rebuilt."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDockWidget

from gui.panels import derivation_rows as derivation_module  # where the panel builds its items
from gui.support.behind import behind_a_tab


def front(win, name: str) -> None:
    win.findChild(QDockWidget, name).raise_()
    QApplication.processEvents()


def test_only_the_panel_in_front_counts_as_seen(win):
    front(win, "Paths")
    assert not behind_a_tab(win.paths_panel)
    assert behind_a_tab(win.derivation) and behind_a_tab(win.quiz) and behind_a_tab(win.values)
    assert not behind_a_tab(win.descent_panel)  # a dock of its own


def test_the_derivation_behind_builds_nothing_and_catches_up_when_raised(win, qtbot, monkeypatch):
    built = []
    real = derivation_module.derivation
    monkeypatch.setattr(
        derivation_module, "derivation", lambda *a, **k: built.append(a[1]) or real(*a, **k)
    )
    front(win, "Paths")
    for v in (0.1, 0.2, 0.3):
        win.session.set_value("w11", v)
    qtbot.wait(200)  # past the derivation's coalescing timer
    assert built == []
    assert not win.derivation.property("rendering")  # nothing for a screenshot to wait on
    win.session.select("wb")
    front(win, "derivationDock")
    qtbot.waitUntil(lambda: built == ["wb"], timeout=5000)
    assert "wb" in win.derivation._title.text()


def test_the_values_table_behind_shows_the_current_numbers_when_raised(win):
    front(win, "Paths")
    win.session.set_value("w11", 0.75)
    front(win, "values_dock")
    model = win.values.model
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index("w11")
    assert model.index(row, 2).data() == "0.75"
