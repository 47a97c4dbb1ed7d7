"""The walkthrough's last step under each optimizer: what its memory holds and how it moves
the value, with numbers worked out here by hand from the gradient (a central difference)."""

from __future__ import annotations

import math

import pytest

from core.optimizers import Optimizer
from core.scenario import default
from core.walkthrough import NARRATION, steps

P = default().params
H = 1e-6


def central_gradient() -> float:
    def loss(v: float) -> float:
        from core.model import forward

        return forward(P.with_value("w11", v)).loss

    return (loss(0.4 + H) - loss(0.4 - H)) / (2 * H)


G = central_gradient()  # about -0.3145


def last(opt: Optimizer, memory=(0, 0.0, 0.0)):
    step = steps(P, "w11", 0.5, opt, memory)[-1]
    return step, dict(step.args)


@pytest.mark.parametrize(
    ("opt", "by_hand"),
    [
        (Optimizer("momentum"), 0.4 - 0.5 * G),  # first step: v = g
        (Optimizer("nesterov"), 0.4 - 0.5 * (G + 0.9 * G)),  # v = g, then g + mu v
        (Optimizer("adagrad"), 0.4 - 0.5 * G / (abs(G) + 1e-10)),  # s = g^2
        (Optimizer("rmsprop"), 0.4 - 0.5 * G / (math.sqrt(0.01 * G * G) + 1e-8)),  # s = 0.01 g^2
        (Optimizer("adam"), 0.4 - 0.5 * G / (abs(G) + 1e-8)),  # m_hat = g, v_hat = g^2
    ],
)
def test_the_first_step_of_each_optimizer_moves_w11_as_worked_by_hand(opt, by_hand):
    step, args = last(opt)
    assert float(args["new"]) == pytest.approx(by_hand, rel=1e-5)
    text = step.narration()
    assert args["new"] in text and "{" not in text
    assert text.startswith("One ")


def test_momentum_from_a_velocity_already_built_up():
    _step, args = last(Optimizer("momentum"), (2, 0.1, 0.0))  # v = 0.1 after two steps
    v = 0.9 * 0.1 + G
    assert float(args["v_new"].strip("()")) == pytest.approx(v, rel=1e-5)
    assert float(args["new"]) == pytest.approx(0.4 - 0.5 * v, rel=1e-5)
    assert args["t"] == "3"


def test_adams_bias_correction_at_the_third_step():
    m, v = 0.05, 0.002  # the moments after two steps
    _step, args = last(Optimizer("adam"), (2, m, v))
    m1, v1 = 0.9 * m + 0.1 * G, 0.999 * v + 0.001 * G * G
    m_hat, v_hat = m1 / (1 - 0.9**3), v1 / (1 - 0.999**3)
    assert float(args["m_hat"].strip("()")) == pytest.approx(m_hat, rel=1e-5)
    assert float(args["v_hat"]) == pytest.approx(v_hat, rel=1e-5)
    assert float(args["new"]) == pytest.approx(
        0.4 - 0.5 * m_hat / (math.sqrt(v_hat) + 1e-8), rel=1e-5
    )


def test_plain_descent_keeps_its_sentence_and_a_hidden_gradient_reads_question_marks():
    assert last(Optimizer("sgd"))[0].narration().startswith("One step: w11 <- w11 - lr")
    step, args = last(Optimizer("adam"))
    text = step.narration(hidden={"grad", "after"})
    numbers = text.split("step 1):", 1)[1].replace(args["old"], "")  # past "betas 0.9, 0.999"
    for arg in ("grad", "m_new", "v_new", "m_hat", "v_hat", "root", "new"):
        assert args[arg] not in numbers, arg
    assert numbers.count("?") >= 7


def test_every_optimizer_sentence_is_in_the_narration_catalogue():
    for name in ("momentum", "nesterov", "adagrad", "rmsprop", "adam"):
        assert f"update_{name}" in NARRATION


def test_the_windows_walkthrough_ends_with_the_chosen_optimizers_step(qtbot):
    from gui.state.session import Session

    session = Session(default())
    session.descent.set_optimizer("adam")
    last_step = session.snapshot.walk_steps[-1]
    assert last_step.key == "update_adam"
    assert float(dict(last_step.args)["new"]) == pytest.approx(0.4 - 0.5 * G / (abs(G) + 1e-8))
