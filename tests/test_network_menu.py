"""The Network menu: each choice changes the network on show as one undo step named for it,
the checks follow the network after a load, an undo or a redo, and a loss the target cannot
take is refused with a message, changing nothing."""

from __future__ import annotations

import pytest

from core.presets import preset


def _trigger(action) -> None:
    action.trigger()  # as a click on the menu item does


@pytest.mark.parametrize("name", ["tanh", "relu", "leaky_relu", "identity"])
def test_an_activation_is_one_undo_step_named_for_it(win, name):
    s, menu = win.session, win.network_menu
    before = s.snapshot.params
    count = s.undo_stack.count()
    _trigger(menu.activations[name])
    assert s.snapshot.params.activation == name
    assert s.snapshot.params == before.with_network(name)  # only the activation changed
    assert s.undo_stack.count() == count + 1
    assert name in s.undo_stack.undoText()
    assert menu.activations[name].isChecked() and not menu.activations["sigmoid"].isChecked()
    s.undo_stack.undo()
    assert s.snapshot.params == before
    assert menu.activations["sigmoid"].isChecked() and not menu.activations[name].isChecked()
    s.undo_stack.redo()
    assert s.snapshot.params.activation == name
    assert menu.activations[name].isChecked()


@pytest.mark.parametrize("bias", ["b", "c"])
def test_a_bias_is_added_at_zero_and_removed_in_one_step_each(win, bias):
    s, action = win.session, win.network_menu.biases[bias]
    before = s.snapshot
    assert not action.isChecked() and not s.snapshot.params.has(bias)
    _trigger(action)
    p = s.snapshot.params
    assert p.has(bias) and p.get(bias) == 0.0
    assert s.snapshot.forward.loss == before.forward.loss  # a bias of 0 changes no number
    assert action.isChecked()
    assert "bias" in s.undo_stack.undoText() and bias in s.undo_stack.undoText()
    s.select(bias)
    _trigger(action)  # removing it moves the selection back to w11
    assert not s.snapshot.params.has(bias)
    assert s.snapshot.selected == "w11"
    assert not action.isChecked()
    s.undo_stack.undo()
    assert s.snapshot.params.has(bias) and s.snapshot.selected == bias
    assert action.isChecked()


def test_a_loss_is_one_undo_step_and_saved_in_the_scenario(win):
    s, menu = win.session, win.network_menu
    _trigger(menu.losses["half_mse"])
    assert s.snapshot.params.loss == "half_mse"
    assert "half_mse" in s.undo_stack.undoText()
    assert s.scenario().params.loss == "half_mse"  # what Save writes
    assert s.modified
    s.undo_stack.undo()
    assert s.snapshot.params.loss == "mse"
    assert menu.losses["mse"].isChecked()


def test_cross_entropy_for_a_target_of_1_5_is_refused_and_says_why(win):
    s, menu = win.session, win.network_menu
    assert s.snapshot.params.yy == 1.5  # the homework's target: no probability
    document, count = s.snapshot.document(), s.undo_stack.count()
    _trigger(menu.losses["bce_logits"])
    assert s.snapshot.document() == document
    assert s.undo_stack.count() == count
    assert menu.losses["mse"].isChecked() and not menu.losses["bce_logits"].isChecked()
    said = win.statusBar().currentMessage()
    assert "bce_logits" in said and "0" in said and "1" in said and "1.5" in said
    assert win.statusBar().isVisible()


def test_cross_entropy_is_taken_once_the_target_is_a_probability(win):
    s, menu = win.session, win.network_menu
    s.set_value("yy", 1.0)
    _trigger(menu.losses["bce_logits"])
    assert s.snapshot.params.loss == "bce_logits"
    with pytest.raises(ValueError, match="target"):
        s.set_value("yy", 1.5)  # the target may not leave [0, 1] now either
    assert s.snapshot.params.yy == 1.0


def test_the_checks_follow_a_loaded_scenario_and_its_undo(win):
    s, menu = win.session, win.network_menu
    s.load_scenario(preset("classification"))
    assert menu.losses["bce_logits"].isChecked()
    s.load_scenario(preset("biases"))
    assert menu.biases["b"].isChecked() and menu.biases["c"].isChecked()
    assert menu.losses["mse"].isChecked()
    s.load_scenario(preset("relu_dead"))
    assert menu.activations["relu"].isChecked()
    assert not menu.biases["b"].isChecked()
    s.undo_stack.undo()
    assert menu.activations["sigmoid"].isChecked() and menu.biases["b"].isChecked()


def test_the_network_menu_sits_in_the_menu_bar_and_lists_the_new_presets(win):
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert "Network" in titles
    scenario = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Scenario")
    presets = {a.text() for a in scenario.actions()}
    for title in ("ReLU: a dead path", "tanh", "With biases", "Classification (cross-entropy)"):
        assert title in presets


def test_a_new_preset_opens_from_the_scenario_menu(win):
    scenario = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Scenario")
    item = next(a for a in scenario.actions() if a.text() == "ReLU: a dead path")
    item.trigger()
    assert win.session.snapshot.params.activation == "relu"
    assert win.network_menu.activations["relu"].isChecked()
