"""Every shipped preset loads and keeps its promise, checked numerically."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.descent import ALL_WEIGHTS, central_difference
from core.live import predict, state
from core.model import forward, gradients
from core.paths import paths
from core.presets import NAMES, preset, random_scenario


@pytest.mark.parametrize("name", NAMES)
def test_every_preset_loads_with_a_name_and_description(name):
    s = preset(name)
    assert s.name and s.description
    assert s.selected == "w11"


def test_saturated_preset_fades_every_path():
    p = preset("saturated").params
    f = forward(p)
    assert np.all(np.abs(f.z) > 20)  # deep in the flat tails of the sigmoid
    assert f.loss > 1.0  # far from the target...
    assert all(abs(path.value) < 1e-9 for path in paths(p, "w11"))  # ...yet no gradient


def test_cancelling_preset_sums_to_nothing_from_sizeable_paths():
    p = preset("cancelling").params
    terms = [path.value for path in paths(p, "w11")]
    assert min(abs(t) for t in terms) > 0.3
    assert sum(t > 0 for t in terms) == 2
    assert abs(gradients(p)["w11"]) < 1e-6
    assert abs(central_difference(p, "w11")) < 1e-6  # an independent check of the zero
    assert forward(p).loss > 0.5


def test_zeroed_preset_silences_the_path_through_the_zero():
    p = preset("zeroed").params
    assert p.get("a12") == 0.0
    terms = [path.value for path in paths(p, "w11")]
    assert terms[1] == 0.0 and all(t != 0.0 for k, t in enumerate(terms) if k != 1)


def test_random_scenario_is_reproducible_from_its_seed():
    a, b, c = random_scenario(7), random_scenario(7), random_scenario(8)
    assert a.params == b.params
    assert a.params != c.params
    assert all(math.isfinite(v) for v in a.params.values().values())
    with pytest.raises(ValueError):
        random_scenario(-1)


def test_diverging_preset_descends_all_weights_and_blows_up():
    s = preset("diverging")
    assert s.descent["mode"] == ALL_WEIGHTS and s.learning_rate >= 1.0
    start = state(s.params, ALL_WEIGHTS)
    run = predict(start, ALL_WEIGHTS, s.learning_rate, s.descent["max_steps"], start.loss)
    assert run.stop == "diverged"
    assert "learning rate too large" in run.message
    calm = predict(start, ALL_WEIGHTS, 0.5, s.descent["max_steps"], start.loss)
    assert calm.stop != "diverged" and calm.loss[-1] < start.loss  # the same run, a sane rate


def test_narrow_valley_preset_zigzags_under_sgd_and_not_under_momentum_or_adam():
    """Plain gradient descent crosses the valley at every step: the step on w11 (and w12)
    changes sign every time for the whole 100-step run, while the loss still falls; momentum
    and Adam, from the same start at the same rate, leave it along other paths and end lower."""
    from core.optimizers import Optimizer

    s = preset("narrow_valley")
    assert s.descent["mode"] == ALL_WEIGHTS and "optimizer" not in s.descent
    first = state(s.params, ALL_WEIGHTS)
    runs = {
        name: predict(
            first, ALL_WEIGHTS, s.learning_rate, 100, first.loss, optimizer=Optimizer(name)
        )
        for name in ("sgd", "momentum", "adam")
    }
    assert all(t.stop == "steps" for t in runs.values())
    sgd = runs["sgd"]
    for col in (0, 1):  # w11, w12
        steps = np.diff(sgd.values[:, col])
        assert np.all(steps[1:] * steps[:-1] < 0)  # every step the other way: 99 sign changes
    assert sgd.loss[-1] < 0.1 * sgd.loss[0]  # it does descend, slowly
    assert np.all(sgd.loss <= sgd.loss[0])
    for name in ("momentum", "adam"):
        t = runs[name]
        turns = np.diff(np.sign(np.diff(t.values[:, 0]))) != 0
        assert turns.sum() < 50  # far fewer reversals than sgd's 99
        apart = np.abs(t.values[1:11, :2] - sgd.values[1:11, :2]).max()
        assert apart > 0.05  # a visibly different path over the first ten steps
        assert t.loss[-1] < 0.1 * sgd.loss[-1]
