"""What the descent is doing, said in the banner: rules checked on runs worked out by hand
(a parabola) and on runs of the real network stepped by an independent loop (reference_core)."""

import math

import numpy as np
import pytest

import tests.reference_core as ref
from core.behaviour import STAGNANT_SLOPE, describe
from core.live import predict, state
from core.model import Params
from core.scenario import default

P = default().params


def parabola(factor: float, steps: int = 6, c: float = 2.0, v0: float = 1.0):
    """Descent on loss = c/2 v^2 with lr = factor'/c: v_{k+1} = factor * v_k (by hand)."""
    values = [v0 * factor**k for k in range(steps + 1)]
    grads = [c * v for v in values]
    loss = [c / 2 * v * v for v in values]
    return list(range(steps + 1)), np.array(values), np.array(grads), loss


def kind(steps, values, grads, loss, param="wa", params=P, lr=0.5, start=None):
    b = describe(param, steps, values, grads, loss, lr, params, loss[0] if start is None else start)
    return None if b is None else b.kind


def test_a_calm_descent_has_no_banner():
    assert kind(*parabola(0.5)) is None  # lr * c = 0.5: v halves, same side every step


def test_steps_that_jump_past_the_bottom_oscillate():
    steps, values, grads, loss = parabola(-0.9)  # lr * c = 1.9: v -> -0.9 v, sign flips
    assert kind(steps, values, grads, loss) == "oscillating"  # loss x 0.81^3 = 0.53 in 3 steps
    b = describe("wa", steps, values, grads, loss, 0.95, P, loss[0])
    assert "(-1.46, +1.31, -1.18, +1.06)" in b.message  # 2 * (-0.9)^k, k = 3..6


def test_damped_swings_whose_loss_falls_fast_are_settling_not_oscillating():
    # lr * c = 1.5: v -> -v/2, the sign flips every step but the loss quarters each step
    # (0.25^3 = 1/64 over the window): the run converges as fast as lr * c = 0.5 would
    assert kind(*parabola(-0.5)) is None
    # the same swings a little slower: 0.8^2 per step, 0.26 over the window, still settling
    assert kind(*parabola(-0.8)) is None


def test_a_two_cycle_oscillates_but_does_not_diverge():
    assert kind(*parabola(-1.0)) == "oscillating"  # lr * c = 2: the loss stays the same


def test_steps_that_overshoot_more_each_time_diverge():
    assert kind(*parabola(-1.5)) == "diverging"  # lr * c = 2.5: the loss grows 2.25x a step


def test_one_overshoot_then_a_calm_descent_is_not_oscillation():
    values = np.array([1.0, -0.5, -0.25, -0.125, -0.0625])
    assert kind(range(5), values, 2 * values, list(values**2)) is None


def test_sign_flips_of_a_converged_gradient_are_rounding_noise():
    values = np.array([1e-17, -1e-17, 1e-17, -1e-17, 1e-17])
    assert kind(range(5), values, 2 * values, list(values**2)) is None


def test_rows_that_skip_steps_say_nothing():
    steps, values, grads, loss = parabola(-1.5)
    assert kind([0, 2, 4, 6, 8, 10, 12], values, grads, loss) is None


def _slopes_by_hand(p: Params) -> list[float]:
    """s'(z) of the four conv cells: each z a 2x2 window of a times the kernel."""
    out = []
    for i, j in ((0, 0), (0, 1), (1, 0), (1, 1)):
        z = float(np.sum(p.a[i : i + 2, j : j + 2] * p.w))
        s = 1 / (1 + math.exp(-z))
        out.append(s * (1 - s))
    return out


def with_w11(v: float) -> Params:
    w = P.w.copy()
    w[0, 0] = v
    return Params(P.a, w, P.head, P.yy)


@pytest.mark.parametrize(("w11", "flat"), [(16.0, True), (1.7, False), (0.4, False)])
def test_stagnation_is_every_sigmoid_w11_feeds_flat(w11, flat):
    p = with_w11(w11)
    assert (max(_slopes_by_hand(p)) < STAGNANT_SLOPE) == flat  # w11 feeds all four cells
    s = state(p, "w11")
    got = describe("w11", [0], s.value, s.grad, [s.loss], 50.0, p, s.loss)
    assert (got is not None and got.kind == "stagnating") == flat
    if flat:
        assert "w11 = 16" in got.message and "plateau" in got.message


def _independent_run(param: str, lr: float, steps: int):
    s = ref.state(P, param)
    out, stop = ref.walk(s, param, lr, s.loss, steps)
    states = [s, *out]
    return states, stop


def _describe_last(param, lr, states):
    last = states[-4:]
    n = len(states)
    return describe(
        param,
        list(range(n - len(last), n)),
        np.array([x.value for x in last]),
        np.array([x.grad for x in last]),
        [x.loss for x in last],
        lr,
        last[-1].params,
        states[0].loss,
    )


def test_w11_at_rate_30_bounces_and_is_called_oscillating():
    states, stop = _independent_run("w11", 30.0, 200)
    g = [float(x.grad[0]) for x in states[-4:]]
    assert stop.kind == "steps" and all(a * b < 0 for a, b in zip(g, g[1:]))  # flips, by loop
    assert max(x.loss for x in states) <= states[0].loss  # the sigmoids bound the loss
    assert _describe_last("w11", 30.0, states).kind == "oscillating"


def test_w11_at_rate_50_is_thrown_onto_the_plateau_and_called_stagnating():
    states, _ = _independent_run("w11", 50.0, 40)
    here = states[-1].params
    assert here.w[0, 0] > 10 and max(_slopes_by_hand(here)) < STAGNANT_SLOPE
    assert _describe_last("w11", 50.0, states).kind == "stagnating"


def test_a_head_weight_at_rate_2_diverges_and_is_called_so():
    states, stop = _independent_run("wa", 2.0, 8)
    loss = [x.loss for x in states]
    assert all(b > a for a, b in zip(loss[-4:], loss[-3:])) and loss[-1] > loss[0]
    assert _describe_last("wa", 2.0, states).kind == "diverging"


def test_the_rate_control_reaches_each_behaviour():
    """1e-4..100 (the slider's range) holds a rate for each: w11 oscillates at 30 and
    stagnates at 50 and above; wa diverges from 2."""
    s = state(P, "w11")
    assert "stagnates" in predict(s, "w11", 100.0, 5, s.loss).message
    assert "plateau" in predict(s, "w11", 100.0, 5, s.loss).message
    s = state(P, "wa")
    assert "diverges" in predict(s, "wa", 2.0, 100, s.loss).message
