"""The panels, the walkthrough, the quiz and descent follow the network on show: the Paths
panel's common factor is the chosen loss's, the walkthrough lights a bias's link, the quiz hides
a bias's path, and descent moves a bias (alone, or with every weight)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QTextDocument

from core.descent import ALL_WEIGHTS
from core.presets import preset
from core.settings_format import FOLLOW_SELECTION


def _plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def test_the_common_factor_is_the_chosen_losss(win):
    s, panel = win.session, win.paths_panel
    y_hat = 0.97818  # the homework's prediction (README: 0.9782)
    s.network.set_loss("half_mse")
    text = _plain(panel.common.text())
    assert "∂L/∂ŷ = −(yy − ŷ)" in text
    assert float(text.split("=")[-1]) == pytest.approx(-(1.5 - y_hat), abs=1e-3)
    assert _plain(panel.gradient.text()).startswith("∂L/∂w11 =")
    s.set_value("yy", 1.0)
    s.network.set_loss("bce_logits")
    text = _plain(panel.common.text())
    assert "∂BCE/∂ŷ = s(ŷ) − yy" in text
    assert float(text.split("=")[-1]) == pytest.approx(_sigmoid(y_hat) - 1.0, abs=1e-3)
    assert "∂BCE/∂ŷ" in _plain(panel.rows[0].text())
    assert "(BCE(v + h) - BCE(v - h)) / 2h" in panel.nudge.toolTip()
    s.network.set_loss("mse")
    assert "(MSE(v + h) - MSE(v - h)) / 2h" in panel.nudge.toolTip()


def test_the_head_biass_one_path_reads_via_y_hat(win):
    s = win.session
    s.load_scenario(preset("biases"))
    s.select("c")
    rows = [r for r in win.paths_panel.rows if r.isVisibleTo(win.paths_panel)]
    assert len(rows) == 1
    assert _plain(rows[0].text()).startswith("1 via ŷ: 1 · ∂MSE/∂ŷ")


@pytest.mark.parametrize(
    ("name", "selected"), [("biases", "b"), ("biases", "c"), ("relu_dead", "w11")]
)
def test_the_walkthrough_runs_through_every_step_of_a_variant(win, name, selected):
    s = win.session
    s.load_scenario(preset(name))
    s.select(selected)
    s.lecture.start_walkthrough()
    n = len(s.snapshot.walk_steps)
    seen_bias_link = False
    for k in range(n):
        s.lecture.walk_to(k)
        said = win.walkthrough.text.text()
        assert said and "{" not in said, (k, said)
        edges = win.scene.edges
        if selected == "c" and s.snapshot.walk_step.kind == "path":
            assert edges["cbias"].style()[1] > 2.0  # the path's link into y_hat is lit
            assert win.scene.labels["cbias"].isVisible()  # with its factor written on it
            seen_bias_link = True
        if selected == "b" and s.snapshot.walk_step.kind == "conv_sum":
            cell = s.snapshot.walk_step.cell
            assert edges[f"bias{cell}"].style()[1] == pytest.approx(5.0)  # b joins the sum
            seen_bias_link = True
    s.lecture.stop_walkthrough()
    assert seen_bias_link or selected == "w11"
    assert s.snapshot.params == preset(name).params  # walking changes no value


def test_the_quiz_hides_a_biass_path_and_its_gradient(win):
    s = win.session
    s.load_scenario(preset("biases"))
    s.select("c")
    s.lecture.set_hidden(["path0"])
    assert win.scene.badges[4].text() == "?"
    assert "?" in win.paths_panel.gradient.text()  # one path: its term is the gradient
    s.lecture.set_hidden([])
    assert win.scene.badges[4].text() != "?"


def test_descent_on_the_selected_bias_moves_it_by_lr_times_its_gradient(win):
    s = win.session
    s.load_scenario(preset("biases"))
    s.descent.set_descent_param(FOLLOW_SELECTION)
    s.select("b")
    grad, lr = s.snapshot.gradients["b"], s.snapshot.lr
    s.descent.step()
    assert s.snapshot.params.b == pytest.approx(-0.5 - lr * grad, rel=1e-12)
    assert s.snapshot.params.w[0, 0] == 0.4  # nothing else moved


def test_all_weights_descent_moves_the_biases_too(win):
    s = win.session
    s.load_scenario(preset("biases"))
    start = s.snapshot.params
    grads, lr = s.snapshot.gradients, s.snapshot.lr
    s.descent.set_descent_param(ALL_WEIGHTS)
    s.descent.step()
    p = s.snapshot.params
    assert p.b == pytest.approx(start.b - lr * grads["b"], rel=1e-12)
    assert p.c == pytest.approx(start.c - lr * grads["c"], rel=1e-12)
    assert p.head[0] == pytest.approx(start.head[0] - lr * grads["wa"], rel=1e-12)


def test_the_values_panel_has_a_row_for_each_bias_present(win):
    s, model = win.session, win.values.model
    n = model.rowCount()
    s.network.set_bias("b", True)
    assert model.rowCount() == n + 1
    assert "b" in model.names and model.names.index("b") == model.names.index("w22") + 1
    s.set_value("b", 0.5)
    row = model.names.index("b")
    assert model.data(model.index(row, 2)) == "0.5"
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert model.rowCount() == n


def test_the_descend_on_list_offers_each_bias_present(win):
    s, combo = win.session, win.descent_controls.param
    modes = lambda: [combo.itemData(i) for i in range(combo.count())]  # noqa: E731
    assert "b" not in modes() and "c" not in modes()
    s.load_scenario(preset("biases"))
    assert "b" in modes() and "c" in modes()
    combo.setCurrentIndex(combo.findData("c"))  # as a person picks it
    assert s.snapshot.settings.mode == "c" and s.snapshot.run.param == "c"
    s.descent.step()
    assert s.snapshot.params.c != 0.3 and s.snapshot.params.b == -0.5
    s.network.set_bias("c", False)  # descent on c goes back to w11 with c gone
    assert s.snapshot.settings.mode == "w11"
    assert "c" not in modes() and combo.currentData() == "w11"


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_a_language_change_keeps_the_diagrams_words_for_the_network_on_show(win, lang):
    """The conv header names the bias and the loss box its loss after the texts are put into
    a language again (an export in another language did so after the state was drawn)."""
    from PySide6.QtWidgets import QApplication

    from gui.support.language import set_language

    win.session.load_scenario(preset("biases"))
    win.session.set_value("yy", 0.5)
    win.session.network.set_loss("bce_logits")
    set_language(lang)
    QApplication.processEvents()
    win.scene.retranslate()  # as the window does on every language change
    header = win.scene.headers[2].text()
    assert "+ b" in header and ("z = " in header or "z =" in header), header
    assert "BCE" in win.scene.nodes["MSE"].title()
