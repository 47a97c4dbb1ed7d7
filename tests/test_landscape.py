"""The loss over two values on a grid: each point is the model's loss with those two values set."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from core.landscape import around, landscape, loss_grid
from core.model import EDITABLE, HEAD, forward
from core.presets import preset, random_scenario


def bound(p) -> float:
    """How far a loss may be from the single-state one when numpy's exp rounds differently
    from math.exp: |yy - y_hat| within 4 eps (|yy| + sum |head|), as core.model documents."""
    return 4 * np.finfo(float).eps * (abs(p.yy) + sum(abs(p.get(h)) for h in HEAD))


@pytest.mark.parametrize("scenario", ["homework", "cancelling", "random"])
def test_every_pair_of_values_gives_the_models_loss_at_sampled_points(scenario):
    p = random_scenario(3).params if scenario == "random" else preset(scenario).params
    rng = np.random.default_rng(0)
    for x_name, y_name in itertools.permutations(EDITABLE, 2):
        grid = landscape(p, x_name, y_name, (-2.5, 1.5), (-1.0, 3.0), 9)
        assert grid.loss.shape == (9, 9)
        for i, j in rng.integers(0, 9, size=(4, 2)):
            q = p.with_value(x_name, grid.x[j]).with_value(y_name, grid.y[i])
            want = forward(q)
            err = abs(np.sqrt(grid.loss[i, j]) - abs(q.yy - want.y_hat))
            assert err <= bound(q), (x_name, y_name, i, j)
            assert grid.loss[i, j] == pytest.approx(want.loss, rel=1e-12, abs=1e-300)


def test_rows_follow_y_and_columns_follow_x():
    p = preset("homework").params
    grid = landscape(p, "w11", "yy", (-1.0, 1.0), (0.0, 4.0), 5)
    np.testing.assert_array_equal(grid.x, np.linspace(-1, 1, 5))
    np.testing.assert_array_equal(grid.y, np.linspace(0, 4, 5))
    # yy enters only as (yy - y_hat)^2: down a column, the loss changes as yy does
    y_hat = forward(p.with_value("w11", grid.x[2])).y_hat
    np.testing.assert_allclose(grid.loss[:, 2], (grid.y - y_hat) ** 2, rtol=1e-13)


def test_the_grid_is_one_array_pass_that_works_on_any_axes():
    p = preset("homework").params
    xs, ys = np.array([0.1, 0.2, 0.3]), np.array([-1.0, 2.0])
    out = loss_grid(p, "wa", "a22", xs, ys)
    assert out.shape == (2, 3) and out.flags.writeable
    want = [[forward(p.with_value("wa", x).with_value("a22", y)).loss for x in xs] for y in ys]
    np.testing.assert_allclose(out, want, rtol=1e-12)


def test_a_big_grid_is_finite_at_the_largest_values():
    p = preset("homework").params
    grid = landscape(p, "wa", "yy", (-1e150, 1e150), (-1e150, 1e150), 200)
    assert grid.loss.shape == (200, 200) and np.all(np.isfinite(grid.loss))


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("w11", "w11", (0, 1), (0, 1), 5), "both axes are w11"),
        (("w11", "bias", (0, 1), (0, 1), 5), "'bias' is not one of"),
        (("w11", "w12", (1, 0), (0, 1), 5), "low bound must be below"),
        (("w11", "w12", (0, float("inf")), (0, 1), 5), "must be finite"),
        (("w11", "w12", (0, 1), (0, 1e200), 5), "at most 1e+150"),
        (("w11", "w12", (0, 1), (0, 1), 1), "from 2 to 2000 points"),
    ],
)
def test_bad_axes_are_refused_with_the_reason(args, says):
    with pytest.raises(ValueError) as err:
        landscape(preset("homework").params, *args)
    assert says in str(err.value)


def test_limits_around_a_run_hold_it_with_a_margin():
    assert around([0.0, 0.0]) == (-1.0, 1.0)  # a run that has not moved: its neighbourhood
    lo, hi = around([-4.0, 6.0, float("nan")])
    assert lo == pytest.approx(-5.5) and hi == pytest.approx(7.5)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu", "identity"])
@pytest.mark.parametrize("loss", ["mse", "half_mse", "bce_logits"])
def test_every_network_variant_gives_the_models_loss_on_its_grid(activation, loss):
    """Biases included: the grid over (w11, b), (c, a22) and (wa, w12) at sampled points is the
    single-state model's loss with those values set (core.model.forward, one state at a time)."""
    p = preset("homework").params.with_network(activation=activation, loss=loss, b=0.2, c=-0.3)
    if loss == "bce_logits":
        p = p.with_value("yy", 0.7)
    rng = np.random.default_rng(1)
    for x_name, y_name in (("w11", "b"), ("c", "a22"), ("wa", "w12"), ("b", "c")):
        grid = landscape(p, x_name, y_name, (-1.5, 1.5), (-1.0, 2.0), 7)
        for i, j in rng.integers(0, 7, size=(5, 2)):
            q = p.with_value(x_name, grid.x[j]).with_value(y_name, grid.y[i])
            want = forward(q).loss
            assert grid.loss[i, j] == pytest.approx(want, rel=1e-12, abs=1e-15), (x_name, y_name)


def test_a_bias_the_network_lacks_is_refused_by_name():
    p = preset("homework").params
    with pytest.raises(ValueError, match="'b' is not one of"):
        landscape(p, "w11", "b", (-1, 1), (-1, 1), 3)
