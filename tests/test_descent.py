"""Gradient descent on one parameter or on every weight, and the finite-difference check."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from core.descent import (
    ALL_WEIGHTS,
    WEIGHTS,
    central_difference,
    descend,
    loss_curve,
    relative_error,
)
from core.loss_along import loss_along
from core.model import (
    EDITABLE,
    HEAD,
    MAX_ABS_VALUE,
    PARAMETERS,
    Params,
    forward,
    gradients,
)
from core.scenario import default


def naive_loss(v: dict) -> float:
    """The network with plain loops and math.exp."""
    y_hat = 0.0
    for cell, (i, j) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        z = sum(
            v[f"a{i + k + 1}{j + m + 1}"] * v[f"w{k + 1}{m + 1}"] for k in (0, 1) for m in (0, 1)
        )
        y_hat += v[HEAD[cell]] / (1.0 + math.exp(-z))
    return (v["yy"] - y_hat) ** 2


def my_difference(p: Params, name: str, h: float = 1e-6) -> float:
    v = p.values()
    return (naive_loss(v | {name: v[name] + h}) - naive_loss(v | {name: v[name] - h})) / (2 * h)


@pytest.fixture
def homework() -> Params:
    return default().params


def test_step_zero_is_the_start(homework):
    t = descend(homework, "w11", lr=0.1, steps=3)
    assert t.values[0] == homework.get("w11")
    assert t.loss[0] == pytest.approx(naive_loss(homework.values()), rel=1e-13)
    assert t.grads[0] == pytest.approx(my_difference(homework, "w11"), rel=1e-7)
    assert t.steps == 3 and t.stop == "steps"
    assert t.values.shape == t.loss.shape == t.grads.shape == (4,)


def test_one_step_moves_w11_by_exactly_minus_lr_times_the_gradient(homework):
    lr = 0.25
    g = gradients(homework)["w11"]
    assert g == pytest.approx(my_difference(homework, "w11"), rel=1e-7)
    t = descend(homework, "w11", lr=lr, steps=1)
    assert t.values[1] == homework.get("w11") - lr * g
    moved = homework.with_value("w11", homework.get("w11") - lr * g)
    assert t.loss[1] == pytest.approx(naive_loss(moved.values()), rel=1e-13)


def test_descent_leaves_the_other_values_alone(homework):
    t = descend(homework, "a23", lr=0.1, steps=5)
    assert t.values[0] == homework.get("a23")
    assert homework == default().params  # the start is not mutated


def test_small_learning_rate_lowers_the_loss_every_step(homework):
    t = descend(homework, "w11", lr=0.1, steps=100)
    assert t.stop == "steps" and t.steps == 100
    assert np.all(np.diff(t.loss) < 0)
    assert t.loss[-1] < 0.75 * t.loss[0]


def test_tolerance_stops_once_the_gradient_is_small(homework):
    tol = 0.02
    t = descend(homework, "w11", lr=0.5, steps=10_000, tol=tol)
    assert t.stop == "tolerance"
    assert t.steps < 10_000
    assert abs(t.grads[-1]) < tol
    assert np.all(np.abs(t.grads[:-1]) >= tol)
    assert t.grads[-1] == pytest.approx(my_difference(homework.with_value("w11", t.values[-1]),
                                                      "w11"), rel=1e-6)  # fmt: skip


def test_all_weights_mode_matches_a_hand_loop(homework):
    lr, steps = 0.3, 7
    t = descend(homework, ALL_WEIGHTS, lr=lr, steps=steps)
    assert WEIGHTS == ("w11", "w12", "w21", "w22", "wa", "wb", "wc", "wd")
    assert t.values.shape == t.grads.shape == (steps + 1, 8)
    v = homework.values()
    for k in range(steps + 1):
        p = Params.create(
            [[v[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)],
            [[v["w11"], v["w12"]], [v["w21"], v["w22"]]],
            [v[h] for h in HEAD],
            v["yy"],
        )
        g = gradients(p)
        np.testing.assert_allclose(t.values[k], [v[n] for n in WEIGHTS], rtol=1e-12)
        np.testing.assert_allclose(t.grads[k], [g[n] for n in WEIGHTS], rtol=1e-10, atol=1e-15)
        assert t.loss[k] == pytest.approx(naive_loss(v), rel=1e-12)
        v = v | {n: v[n] - lr * g[n] for n in WEIGHTS}
    assert t.loss[-1] < t.loss[0]


@pytest.mark.parametrize(("param", "lr"), [(ALL_WEIGHTS, 1e6), ("wa", 1e6), ("wd", 1e3)])
def test_huge_learning_rate_stops_as_diverged_with_finite_records(homework, param, lr):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            t = descend(homework, param, lr=lr, steps=10_000)
    assert t.stop == "diverged"
    assert t.steps < 10_000
    assert t.message
    assert np.all(np.isfinite(t.values)) and np.all(np.abs(t.values) <= MAX_ABS_VALUE)
    assert np.all(np.isfinite(t.loss))
    assert np.all(np.isfinite(t.grads))
    # The next step really would leave the usable range.
    with np.errstate(all="ignore"):
        nxt = t.values[-1] - lr * t.grads[-1]
    assert not (np.all(np.isfinite(nxt)) and np.all(np.abs(nxt) <= MAX_ABS_VALUE))


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf")])
def test_invalid_learning_rate_is_refused(homework, lr):
    with pytest.raises(ValueError):
        descend(homework, "w11", lr=lr, steps=1)


def test_unknown_parameter_is_refused(homework):
    with pytest.raises(KeyError):
        descend(homework, "yy", lr=0.1, steps=1)


def test_loss_curve_has_the_requested_points_and_agrees_with_loss_along(homework):
    xs, loss = loss_curve(homework, "w11", -2.0, 3.0)
    assert xs.shape == loss.shape == (10_001,)
    assert (xs[0], xs[-1]) == (-2.0, 3.0)
    assert xs[5000] == pytest.approx(0.5)
    np.testing.assert_array_equal(loss, loss_along(homework, "w11", xs))
    for k in (0, 1234, 5000, 10_000):
        v = homework.values() | {"w11": float(xs[k])}
        assert loss[k] == pytest.approx(naive_loss(v), rel=1e-12)


def test_loss_curve_passes_through_the_current_loss(homework):
    w = homework.get("w11")
    xs, loss = loss_curve(homework, "w11", w - 1.0, w + 1.0, n=3)
    assert xs[1] == w
    assert loss[1] == pytest.approx(forward(homework).loss, rel=1e-15)


@pytest.mark.parametrize("name", PARAMETERS)
def test_central_difference_agrees_with_the_analytic_gradient(homework, name):
    g = gradients(homework)[name]
    fd = central_difference(homework, name)
    assert relative_error(fd, g) < 1e-6 or abs(fd - g) < 1e-9
    assert fd == pytest.approx(my_difference(homework, name), rel=1e-6, abs=1e-9)


def test_relative_error():
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error(1.0, 0.5) == 0.5  # |1 - 0.5| / 1
    assert relative_error(-2.0, 2.0) == 2.0


def test_editable_names_include_the_target_but_descent_needs_a_gradient():
    assert "yy" in EDITABLE and "yy" not in PARAMETERS


def test_an_overflowing_gradient_stops_at_once_without_nan():
    # a = 1e150, w = 1e-150: every z = 4 * 1e150 * 1e-150 = 4, yet dMSE/dw11 is of order
    # 1e151 (dMSE/dy_hat) * 1e150 (head) * 0.018 (s'(4)) * 4e150 (inputs): past float64.
    big = MAX_ABS_VALUE
    p = Params.create(np.full((3, 3), big), np.full((2, 2), 1 / big), np.full(4, big), -big)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = descend(p, "w11", lr=0.1, steps=5)
    assert t.stop == "diverged" and t.steps == 0
    assert t.values[0] == 1 / big
    assert np.isfinite(t.loss[0])
    assert not np.isnan(t.grads[0])
