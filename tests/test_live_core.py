"""Core of the live descent: one step, the divergence rule, the bounded record."""

import numpy as np
import pytest

from core.descent import ALL_WEIGHTS, descend, slice_grid
from core.history import Recorder
from core.live import advance, predict, state
from core.model import gradients
from core.scenario import default


def test_one_step_is_minus_lr_times_gradient():
    p = default().params
    s = state(p, "w11")
    nxt, reason = advance(s, "w11", 0.5, 1, s.loss)
    assert reason == ""
    assert nxt.value[0] == p.get("w11") - 0.5 * gradients(p)["w11"]


@pytest.mark.parametrize("param", ["w11", "wa", ALL_WEIGHTS])
def test_prediction_matches_core_descend(param):
    p = default().params
    s = state(p, param)
    t = predict(s, param, 0.1, 40, s.loss)
    ref = descend(p, param, 0.1, 40)
    assert np.array_equal(t.values, ref.values)
    assert np.array_equal(t.loss, ref.loss)


@pytest.mark.parametrize("lr", [100.0, 1e6])
def test_huge_learning_rate_on_w11_stops_at_step_one(lr):
    s = state(default().params, "w11")
    t = predict(s, "w11", lr, 50, s.loss)
    assert t.stop == "diverged" and t.steps == 0
    assert "learning rate too large" in t.message and "saturated" in t.message


def test_all_weights_divergence_says_loss_grew():
    s = state(default().params, ALL_WEIGHTS)
    t = predict(s, ALL_WEIGHTS, 2.0, 100, s.loss)
    assert t.stop == "diverged"
    assert "loss would grow from 0.2723" in t.message
    assert np.all(np.isfinite(t.loss))


def test_a_first_step_past_the_bound_says_so_not_that_a_loss_grew():
    """A target of 1e150 makes the gradient -6.03e149 (2 (y_hat - yy) times the paths' sum of
    the homework's brackets, 0.3014): the first step, not a growing loss, is what is too large.
    It had said the "loss grew from 1e+300 to 1e+300 by step 0"."""
    p = default().params.with_value("yy", 1e150)
    s = state(p, "w11")
    assert s.grad[0] == pytest.approx(-2e150 * 0.3014, rel=1e-3)  # 2 (y_hat - yy) x 0.3014
    t = predict(s, "w11", 0.5, 50, s.loss)
    assert t.stop == "diverged" and t.steps == 0
    assert t.message.startswith("learning rate too large for the first step")
    assert f"the gradient of w11 is {s.grad[0]:.4g}" in t.message
    assert "grew" not in t.message and "stopped at step 0" in t.message


def test_the_first_step_names_the_weight_it_would_throw_past_the_bound():
    """In all-weights mode the sentence names the weight whose step goes furthest past the
    bound, with that weight's own gradient (not the steepest of all eight)."""
    s = state(default().params, ALL_WEIGHTS)
    lr = 1e7
    names = ("w11", "w12", "w21", "w22", "wa", "wb", "wc", "wd")
    after = [v - lr * g for v, g in zip(s.value.tolist(), s.grad.tolist())]  # one plain step
    k = max(range(8), key=lambda j: abs(after[j]))
    assert abs(after[k]) > 1e6
    t = predict(s, ALL_WEIGHTS, lr, 5, s.loss)
    assert t.stop == "diverged" and t.steps == 0
    assert f"the gradient of {names[k]} is {s.grad[k]:.4g}" in t.message
    assert f"move {names[k]} to" in t.message


def test_a_value_already_past_the_bound_is_not_blamed_on_the_first_step():
    """w11 = 2e6 (the app takes values up to 1e150) with no gradient to speak of: no step is
    too long, the value is already out of bounds, so the first step's sentence is not used."""
    p = default().params.with_value("w11", 2e6)
    s = state(p, "w11")
    t = predict(s, "w11", 1e-4, 5, s.loss)
    assert t.stop == "diverged" and "for the first step" not in t.message


def test_moderate_learning_rate_does_not_stop():
    s = state(default().params, "w11")
    assert predict(s, "w11", 20.0, 200, s.loss).stop == "steps"


def test_recorder_is_bounded_and_keeps_the_newest_step():
    s = state(default().params, "w11")
    rec = Recorder(s, "w11", capacity=16)
    for _ in range(1000):
        rec.append(s, 0.1)
    run = rec.view()
    assert len(run) <= 17
    assert run.steps[0] == 0 and run.last_step == 1000
    assert np.all(np.diff(run.steps) > 0)
    assert np.all(run.steps[:-1] % run.stride == 0)


def test_views_handed_out_never_change():
    s = state(default().params, "w11")
    rec = Recorder(s, "w11", capacity=8)
    for _ in range(5):
        rec.append(s, 0.1)
    before = rec.view()
    copy = before.steps.copy()
    again = Recorder.from_run(before, capacity=8)  # an undo goes on from an earlier view
    for _ in range(40):
        rec.append(s, 0.2)
        again.append(s, 0.3)
    assert np.array_equal(before.steps, copy)
    assert again.view().last_step == rec.view().last_step == 45
    with pytest.raises(ValueError):
        before.loss[0] = 1.0


def test_slice_grid_follows_a_far_trajectory_and_stays_fine_near_the_center():
    xs = slice_grid([0.4, 3e5], 0.4)
    assert xs[0] < 0.4 and xs[-1] > 3e5
    assert np.sum(np.abs(xs - 0.4) <= 1.0) >= 100
