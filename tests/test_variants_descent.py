"""Descent works the same for every network variant, and the four new presets keep their word."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from core.descent import ALL_WEIGHTS, descend, weights
from core.history import Recorder
from core.live import drain, predict, state, walk
from core.model import Params, forward, gradients, parameters
from core.paths import paths
from core.presets import NAMES, preset
from core.scenario import default

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
LOSSES = ("mse", "half_mse", "bce_logits")
BIASES = ((None, None), (0.1, None), (None, -0.2), (0.1, -0.2))
COMBOS = list(itertools.product(ACTIVATIONS, BIASES, LOSSES))


def network(activation: str, biases: tuple, loss: str) -> Params:
    p = default().params
    if loss == "bce_logits":
        p = p.with_value("yy", 0.9)
    return p.with_network(activation=activation, loss=loss, b=biases[0], c=biases[1])


def run(p: Params, param: str, lr: float, steps: int):
    first = state(p, param)
    taken: list = []
    stop = drain(walk(first, param, lr, first.loss, steps), taken.append)
    return first, taken, stop


@pytest.mark.parametrize(("activation", "biases", "loss"), COMBOS)
def test_descent_on_all_weights_lowers_the_loss_in_every_variant(activation, biases, loss):
    p = network(activation, biases, loss)
    first, taken, stop = run(p, ALL_WEIGHTS, 0.02, 60)
    assert stop.kind == "steps" and len(taken) == 60
    assert taken[-1].loss < first.loss
    assert first.value.size == len(weights(p)) == 8 + sum(b is not None for b in biases)
    last = taken[-1]  # the walk's plain floats are the model's numbers at every state
    want = gradients(last.params)
    assert last.grad.tolist() == [want[n] for n in weights(p)]
    assert last.loss == forward(last.params).loss
    assert (last.params.activation, last.params.loss) == (activation, loss)
    assert (last.params.b is None, last.params.c is None) == (biases[0] is None, biases[1] is None)
    plan = predict(first, ALL_WEIGHTS, 0.02, 60, first.loss)
    assert plan.loss.tolist() == [first.loss, *(s.loss for s in taken)]
    done = descend(p, ALL_WEIGHTS, 0.02, 60)
    assert done.loss.tolist() == plan.loss.tolist()


@pytest.mark.parametrize(("activation", "biases", "loss"), COMBOS[::3])
def test_descent_on_each_parameter_follows_the_models_gradient(activation, biases, loss):
    p = network(activation, biases, loss)
    for param in parameters(p):
        first, taken, stop = run(p, param, 0.01, 5)
        assert stop.kind in ("steps", "diverged")
        for s in taken:
            assert s.grad[0] == gradients(s.params)[param], param
            assert s.loss == forward(s.params).loss, param


def test_a_recorder_keeps_the_biases_columns():
    p = network("relu", (0.1, -0.2), "mse")
    first = state(p, ALL_WEIGHTS)
    rec = Recorder(first, ALL_WEIGHTS)
    view = rec.view()
    assert view.values.shape == (1, 10)
    assert view.params_at(0) == p


def test_a_step_that_kills_every_relu_cell_is_not_taken_and_says_why():
    # y_hat = 0.75 with the homework's numbers; a target of -1.5 makes dMSE/dy_hat = 4.5 and
    # dMSE/db = 4.5 (0.8 - 0.5 + 0 + 0.7) = 4.5 (z10 is dead already). At lr 1, b goes to
    # -4.5 and every z (at most 1.5 - 4.5) drops below 0: every cell would be dead.
    p = network("relu", (0.0, None), "mse").with_value("yy", -1.5)
    first, taken, stop = run(p, "b", 1.0, 10)
    assert taken == [] and stop.kind == "diverged"
    assert "every ReLU it feeds has z <= 0" in stop.message and "from 0 to -4.5" in stop.message
    _, taken, stop = run(p, "b", 0.01, 10)
    assert len(taken) == 10 and stop.kind == "steps"


def test_a_step_into_the_flat_tails_of_tanh_says_tanh():
    p = network("tanh", (None, None), "mse")
    _, _, stop = run(p, "w11", 1e4, 5)
    assert stop.kind == "diverged" and "every tanh it feeds is saturated" in stop.message


def test_a_leaky_relu_never_stalls_the_descent():
    p = network("leaky_relu", (0.0, None), "mse").with_value("yy", -1.5)
    _, taken, stop = run(p, "b", 1.0, 3)
    assert len(taken) == 3 and stop.kind == "steps"  # slope 0.01 keeps a gradient


# --- the presets ----------------------------------------------------------------------------


def test_the_new_presets_are_listed_and_load():
    for name in ("relu_dead", "tanh", "biases", "classification"):
        assert name in NAMES
        s = preset(name)
        assert s.name and len(s.description) > 80 and not s.params.is_homework


def test_relu_preset_has_exactly_one_dead_path_into_w11():
    p = preset("relu_dead").params
    f = forward(p)
    assert f.z_cells[2] == pytest.approx(-1.1) and f.ds_cells[2] == 0.0
    ps = paths(p, "w11")
    assert [x.dead for x in ps] == [False, False, True, False]
    assert ps[2].value == 0.0  # exactly zero, whatever its other factors
    assert all(abs(x.value) > 0.3 for k, x in enumerate(ps) if k != 2)


def test_tanh_preset_keeps_z_near_zero_where_tanh_is_four_times_steeper():
    p = preset("tanh").params
    f = forward(p)
    assert max(abs(z) for z in f.z_cells) <= 0.3 + 1e-12
    assert min(f.ds_cells) > 0.91
    for z, d in zip(f.z_cells, f.ds_cells):
        s = 1 / (1 + math.exp(-z))
        assert d > 3.6 * s * (1 - s)  # the sigmoid's slope at the same z
    assert f.o_cells[2] < 0  # tanh(-0.22): a sigmoid output never is


def test_biases_preset_gradients_are_the_cells_sum_and_the_common_factor():
    p = preset("biases").params
    assert (p.b, p.c) == (-0.5, 0.3)
    f = forward(p)
    g = gradients(p)
    per_cell = [f.dloss_dyhat * float(p.head[c]) * f.ds_cells[c] for c in range(4)]
    assert g["b"] == pytest.approx(sum(per_cell), rel=1e-14)
    assert [x.value for x in paths(p, "b")] == pytest.approx(per_cell, rel=1e-14)
    assert g["c"] == f.dloss_dyhat
    assert len(paths(p, "b")) == 4 and len(paths(p, "c")) == 1


def test_classification_preset_has_a_probability_for_a_common_factor():
    s = preset("classification")
    p, f = s.params, forward(s.params)
    prob = 1 / (1 + math.exp(-f.y_hat))
    assert f.y_hat == pytest.approx(0.978, abs=5e-4) and prob == pytest.approx(0.727, abs=5e-4)
    assert f.dloss_dyhat == pytest.approx(prob - 1.0, rel=1e-12)
    assert "s(0.978) = 0.727" in s.description and "-0.273" in s.description
    assert p.loss == "bce_logits" and p.yy == 1.0
    assert np.isfinite(f.loss) and f.loss > 0
