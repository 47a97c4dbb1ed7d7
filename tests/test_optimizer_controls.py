"""The optimizer toolbar as a person uses it: the combo box changes what takes the steps (Adam's
first step is lr * sign(g), by hand), each hyperparameter is one undoable step saved with the
scenario, a refused value says why and changes nothing, play goes on from the optimizer's
memory, and kept runs name their optimizer: "SGD vs momentum vs Adam" from one start."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from core.model import forward, gradients
from core.numfmt import fmt
from core.optimizers import Optimizer
from core.scenario import default


def choose(win, name: str) -> None:
    combo = win.descent_controls.optimizer.combo
    combo.setCurrentIndex(combo.findData(name))


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_combo_offers_the_six_optimizers_sgd_first(win):
    combo = win.descent_controls.optimizer.combo
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names == ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    assert combo.currentData() == "sgd"


def test_adams_first_step_is_lr_times_the_sign_of_the_gradient(win, session):
    choose(win, "adam")
    assert session.snapshot.settings.optimizer.name == "adam"
    p, lr = default().params, session.snapshot.lr
    g = gradients(p, forward(p))["w11"]
    session.descent.step()
    # by hand: m1 = (1 - b1) g, v1 = (1 - b2) g^2; m_hat = g, v_hat = g^2,
    # so the step is lr * g / (|g| + eps) = lr * sign(g) up to eps / |g|
    moved = session.snapshot.params.get("w11") - p.get("w11")
    assert moved == pytest.approx(-lr * math.copysign(1.0, g), rel=1e-7)
    # plain gradient descent takes lr * g instead
    choose(win, "sgd")
    session.descent.step()
    moved = session.snapshot.params.get("w11") - p.get("w11")
    assert moved == pytest.approx(-lr * g, rel=1e-12)


def test_momentum_goes_on_from_its_velocity_step_after_step(win, session):
    choose(win, "momentum")
    p, lr = default().params, session.snapshot.lr
    x, b = p.get("w11"), 0.0
    for k in range(3):  # by hand: b <- g (first), then 0.9 b + g; x <- x - lr b
        session.descent.step()
        g = gradients(p.with_value("w11", x), forward(p.with_value("w11", x)))["w11"]
        b = g if k == 0 else 0.9 * b + g
        x = x - lr * b
        assert session.snapshot.params.get("w11") == pytest.approx(x, rel=1e-12)
    said = win.descent_controls.optimizer.memory.text()  # by hand too: b is the velocity
    assert said == f"velocity w11 = {fmt(b)}"


def test_each_hyperparameter_is_one_undo_step_and_saved(win, session, qtbot):
    choose(win, "adam")
    entries = session.undo_stack.count()
    field = win.descent_controls.optimizer.fields[("betas", 1)]
    qtbot.waitUntil(field.isVisible)  # the toolbar shows Adam's fields, not momentum's
    assert not win.descent_controls.optimizer.fields[("momentum", None)].isVisible()
    type_into(qtbot, field, "0.99")
    assert session.snapshot.settings.optimizer == Optimizer("adam", betas=(0.9, 0.99))
    assert session.undo_stack.count() == entries + 1
    saved = session.scenario().descent["optimizer"]
    assert saved == {"name": "adam", "betas": [0.9, 0.99], "eps": 1e-8}
    session.undo_stack.undo()
    assert session.snapshot.settings.optimizer == Optimizer("adam")
    assert field.text() == "0.999"


@pytest.mark.parametrize("typed", ["1", "abc", "-0.5"])
def test_a_refused_hyperparameter_says_why_and_changes_nothing(win, session, qtbot, typed):
    choose(win, "momentum")
    entries = session.undo_stack.count()
    controls = win.descent_controls.optimizer
    field = controls.fields[("momentum", None)]
    type_into(qtbot, field, typed)
    assert session.snapshot.settings.optimizer == Optimizer("momentum")
    assert session.undo_stack.count() == entries
    assert field.text() == "0.9"
    bubble = controls.bubble
    assert bubble.isVisible() and "Not changed" in bubble.text() and "0.9" in bubble.text()


def test_sgd_vs_momentum_vs_adam_from_one_start_in_three_kept_runs(win, session):
    session.load_scenario(__import__("core.presets").presets.preset("narrow_valley"))
    for name in ("sgd", "momentum", "adam"):
        choose(win, name)
        for _ in range(5):
            session.descent.step()
        session.descent.keep_run()
    labels = [g.label for g in session.snapshot.ghosts]
    assert labels[0].startswith("SGD, lr = 0.2")
    assert labels[1].startswith("Momentum μ 0.9, lr = 0.2")
    assert labels[2].startswith("Adam β 0.9, 0.999 ε 1e-08, lr = 0.2")
    assert [g.optimizer.name for g in session.snapshot.ghosts] == ["sgd", "momentum", "adam"]
    # all three began where the scenario begins, and took different paths
    starts = {tuple(g.x[:1]) for g in session.snapshot.ghosts}
    assert len(starts) == 1
    assert len({tuple(g.x) for g in session.snapshot.ghosts}) == 3
    # the landscape's legend and the loss curve's name them
    legend = win.descent_panel.landscape.view.getPlotItem().legend
    win.descent_panel.tabs.setCurrentWidget(win.descent_panel.landscape)
    assert {lab for lab in labels} <= {label.text for _, label in legend.items}
    # a file keeps each run's optimizer
    runs = session.scenario().descent["runs"]
    assert [r.get("optimizer", {"name": "sgd"})["name"] for r in runs] == [
        "sgd",
        "momentum",
        "adam",
    ]


def test_a_saved_file_brings_back_the_optimizer_and_each_kept_runs(win, session):
    from core.scenario import dumps, loads

    choose(win, "rmsprop")
    session.descent.set_hyperparameter("alpha", 0.9)
    for _ in range(3):
        session.descent.step()
    session.descent.keep_run()
    text = dumps(session.scenario())
    choose(win, "sgd")
    session.descent.clear_runs()
    session.load_scenario(loads(text))
    s = session.snapshot
    assert s.settings.optimizer == Optimizer("rmsprop", alpha=0.9)
    assert [g.optimizer for g in s.ghosts] == [Optimizer("rmsprop", alpha=0.9)]
    assert s.ghosts[0].label.startswith("RMSprop α 0.9 ε 1e-08, lr = ")
    assert s.step == 3 and not session.modified
    assert win.descent_controls.optimizer.combo.currentData() == "rmsprop"
    assert win.descent_controls.optimizer.fields[("alpha", None)].text() == "0.9"


def test_the_quiz_hiding_the_gradient_hides_the_memory_built_from_it(win, session):
    choose(win, "momentum")
    session.descent.step()  # a first momentum step: the velocity is the gradient it took,
    memory = win.descent_controls.optimizer.memory  # the homework's dMSE/dw11 = -0.314542
    assert memory.text() == "velocity w11 = -0.3145"
    session.lecture.hide_value("grad")
    assert memory.text() == "velocity w11 = ?"
    session.lecture.hide_value("grad", False)
    assert memory.text() == "velocity w11 = -0.3145"
