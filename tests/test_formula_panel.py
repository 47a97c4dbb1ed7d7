"""The derivation panel: current numbers, path selection both ways, copy as LaTeX."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication

from core.latex import num
from core.model import Params, forward, gradients
from core.paths import paths
from core.scenario import default
from gui.panels.derivation import DerivationPanel
from gui.panels.formula_view import FormulaView
from gui.state.session import Session


@pytest.fixture
def panel(qtbot):
    session = Session(default())
    widget = DerivationPanel(session)
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    yield widget
    widget.typesetter.shutdown()


def views(panel, role):
    return [w for w, i in panel._formula_rows() if i.role == role]


def shown(panel, role) -> list[str]:
    return [w.latex for w in views(panel, role)]


def random_state(session: Session, seed: int) -> Params:
    rng = np.random.default_rng(seed)
    names = ["w11", "w12", "w21", "w22", "wa", "wb", "wc", "wd", "a11", "a22", "a23", "yy"]
    for name in names:
        session.set_value(name, round(float(rng.normal(0, 1.5)), 3))
    return session.snapshot.params


@pytest.mark.parametrize("seed", range(4))
def test_the_numbers_on_show_are_the_cores_for_random_states(panel, qtbot, seed):
    p = random_state(panel.session, seed)
    panel.session.select(["w11", "w21", "wb", "a22"][seed])
    param = panel.session.snapshot.selected
    qtbot.waitUntil(lambda: panel.is_current, timeout=60000)  # a busy machine
    result = shown(panel, "result")[0].removesuffix(r"\end{aligned}")
    assert result.endswith(f"= {num(gradients(p)[param], 6)}")
    assert f"= {num(forward(p).loss)}," in shown(panel, "loss")[0]
    terms = shown(panel, "path_term")
    assert len(terms) == len(paths(p, param))
    for tex, path in zip(terms, paths(p, param), strict=True):
        by_hand = float(np.prod([f.value for f in path.factors[1:]]))
        assert f"= {num(by_hand)}}}" in tex


def test_an_edit_refreshes_the_numbers_after_the_coalescing_delay(panel, qtbot):
    panel.typeset_now()
    panel.session.set_value("w11", -0.75)
    assert panel.is_current is False
    with qtbot.waitSignal(panel.refreshed, timeout=20000):
        pass
    qtbot.waitUntil(lambda: panel.is_current, timeout=60000)  # a busy machine
    grad = gradients(panel.session.snapshot.params)["w11"]
    assert shown(panel, "result")[0].removesuffix(r"\end{aligned}").endswith(num(grad, 6))


def test_clicking_a_term_selects_its_path(panel, qtbot):
    panel.typeset_now()
    row = [w for w in views(panel, "path_term") if w.path == 2][0]
    qtbot.mouseClick(row, qtbot_left())
    assert panel.session.snapshot.path == 2
    qtbot.mouseClick(row, qtbot_left())
    assert panel.session.snapshot.path is None


def test_selecting_a_path_in_the_session_highlights_its_terms(panel):
    panel.typeset_now()
    panel.session.select_path(1)
    rows = [w for w in panel.findChildren(FormulaView) if w.path is not None]
    assert rows
    for w in rows:
        assert w.state == ("highlight" if w.path == 1 else "dim")
    panel.session.select_path(None)
    assert all(w.state == "normal" for w in rows)


def test_the_panel_follows_the_selected_parameter(panel, qtbot):
    panel.session.select("wc")
    qtbot.waitUntil(lambda: panel.is_current, timeout=60000)  # a busy machine
    assert len(views(panel, "path_term")) == 1
    assert r"\partial w_{c}" in shown(panel, "result")[0]
    panel.session.select("a12")
    qtbot.waitUntil(lambda: panel.is_current, timeout=60000)  # a busy machine
    assert len(views(panel, "path_term")) == 2


def test_copy_as_latex_puts_the_current_numbers_on_the_clipboard(panel):
    panel.session.set_value("w12", 0.25)
    panel.copy_action.trigger()
    text = QGuiApplication.clipboard().text()
    p = panel.session.snapshot.params
    assert "\\documentclass{article}" in text and text.rstrip().endswith("\\end{document}")
    assert num(gradients(p)["w11"], 6) in text
    assert num(forward(p).y_hat) in text
    assert text.count("\\begin{") == text.count("\\end{")
    assert "sigmod" not in text and "\\color[HTML]{" in text
    assert re.search(r"\\times \(\{-1\}\) = \{-2\}\(yy-\\hat\{y\}\)", text)
    assert panel.copy_action.shortcut().toString() == "Ctrl+Shift+C"


def test_zoom_scales_the_formulas(panel):
    panel.typeset_now()
    view = views(panel, "loss")[0]
    before = view.heightForWidth(2000)
    panel.set_zoom(1.5)
    view = views(panel, "loss")[0]
    assert view.heightForWidth(2000) > before * 1.3


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_long_derivation_scrolls_instead_of_squeezing(panel, qtbot):
    from PySide6.QtWidgets import QScrollArea

    panel.resize(500, 400)
    panel.typeset_now()
    scroll = panel.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=5000)
    rows = [w for w, _ in panel._formula_rows()]

    def stacked() -> bool:
        pairs = zip(rows, rows[1:], strict=False)
        return all(a.geometry().bottom() < b.geometry().top() for a, b in pairs)

    qtbot.waitUntil(stacked, timeout=5000)
    assert all(w.height() > 20 for w in rows)


def test_the_typesetting_cache_stays_within_its_byte_budget_and_keeps_the_newest():
    from gui.panels.typeset import _Worker

    w = _Worker(capacity=1000)
    for i in range(20):
        w.store(f"f{i}", b"x" * 300)
    assert sum(len(v) for v in w.cache.values()) <= 1000
    assert list(w.cache) == ["f17", "f18", "f19"]  # 3 x 300 bytes fit in 1,000
    w.store("f18", b"y" * 50)  # stored again: counted once, at its new size
    assert list(w.cache) == ["f17", "f19", "f18"]
    w.store("big", b"z" * 5000)  # larger than the budget: kept alone rather than dropped
    assert list(w.cache) == ["big"]
    w.deleteLater()
