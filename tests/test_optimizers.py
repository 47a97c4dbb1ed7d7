"""Each optimizer's update: three steps worked by hand, then 200 steps of the descent engine
against the textbook form of the same rule, written here apart from the code it checks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import live
from core.descent import ALL_WEIGHTS, WEIGHTS, descend
from core.model import EDITABLE, PARAMETERS, Params, gradients
from core.optimizers import NAMES, Memory, Optimizer, OptimizerError, from_json, step
from core.presets import preset

# --- three updates by hand ------------------------------------------------------------------
# One value, x0 = 1, learning rate 0.1, and the gradients 0.5, -0.25, 0.125 handed in.

G = (0.5, -0.25, 0.125)
LR = 0.1


def three_steps(opt: Optimizer) -> list[float]:
    memory, x, out = Memory.fresh(1), np.array([1.0]), []
    for g in G:
        x, memory = step(opt, memory, x, np.array([g]), LR)
        out.append(float(x[0]))
    assert memory.step == 3
    return out


def test_sgd_takes_the_homework_step():
    # x - 0.1 g: 1 - 0.05, then + 0.025, then - 0.0125
    assert three_steps(Optimizer("sgd")) == pytest.approx([0.95, 0.975, 0.9625], abs=1e-15)


def test_momentum_accumulates_a_velocity():
    # b1 = 0.5 (the first gradient); b2 = 0.9 * 0.5 - 0.25 = 0.2; b3 = 0.9 * 0.2 + 0.125 = 0.305
    # x: 1 - 0.05 = 0.95; 0.95 - 0.02 = 0.93; 0.93 - 0.0305 = 0.8995
    assert three_steps(Optimizer("momentum")) == pytest.approx([0.95, 0.93, 0.8995], abs=1e-15)


def test_nesterov_looks_one_velocity_ahead():
    # b as for momentum; the step uses g + 0.9 b: 0.95, -0.07, 0.3995
    # x: 1 - 0.095 = 0.905; 0.905 + 0.007 = 0.912; 0.912 - 0.03995 = 0.87205
    assert three_steps(Optimizer("nesterov")) == pytest.approx([0.905, 0.912, 0.87205], abs=1e-15)


def test_adagrad_divides_by_the_root_of_the_summed_squares():
    # sums 0.25, 0.3125 (= 5/16), 0.328125 (= 21/64); eps 1e-10 beside each root
    x1 = 1 - 0.05 / (0.5 + 1e-10)
    x2 = x1 + 0.025 / (math.sqrt(5) / 4 + 1e-10)
    x3 = x2 - 0.0125 / (math.sqrt(21) / 8 + 1e-10)
    assert three_steps(Optimizer("adagrad")) == pytest.approx([x1, x2, x3], rel=1e-14)
    assert x3 == pytest.approx(0.92289957, abs=1e-8)  # 1 - 0.1 + 0.0447214 - 0.0218218


def test_rmsprop_divides_by_the_root_of_a_running_mean_square():
    # s1 = 0.01 * 0.25 = 0.0025; s2 = 0.99 * 0.0025 + 0.01 * 0.0625 = 0.0031;
    # s3 = 0.99 * 0.0031 + 0.01 * 0.015625 = 0.00322525; eps 1e-8 outside the root
    x1 = 1 - 0.05 / (0.05 + 1e-8)
    x2 = x1 + 0.025 / (math.sqrt(0.0031) + 1e-8)
    x3 = x2 - 0.0125 / (math.sqrt(0.00322525) + 1e-8)
    assert three_steps(Optimizer("rmsprop")) == pytest.approx([x1, x2, x3], rel=1e-12)
    assert x1 == pytest.approx(2e-7, rel=1e-6)  # the first step is lr / (1 + eps / |g|)


def test_adam_corrects_both_moments_for_their_start_at_zero():
    # m: 0.05, 0.9 * 0.05 - 0.025 = 0.02, 0.9 * 0.02 + 0.0125 = 0.0305
    # v: 0.00025, 0.999 * 0.00025 + 0.0000625 = 0.00031225, 0.00032756275
    # corrections 1 - 0.9^t: 0.1, 0.19, 0.271; 1 - 0.999^t: 0.001, 0.001999, 0.002997001
    x1 = 1 - 0.1 * (0.05 / 0.1) / (math.sqrt(0.00025 / 0.001) + 1e-8)
    x2 = x1 - 0.1 * (0.02 / 0.19) / (math.sqrt(0.00031225 / 0.001999) + 1e-8)
    x3 = x2 - 0.1 * (0.0305 / 0.271) / (math.sqrt(0.00032756275 / 0.002997001) + 1e-8)
    assert three_steps(Optimizer("adam")) == pytest.approx([x1, x2, x3], rel=1e-12)
    assert x1 == pytest.approx(0.9, abs=1e-8)  # Adam's first step is lr, whatever the gradient


# --- 200 steps against the textbook rules -----------------------------------------------------


def textbook(name: str, lr: float, history: list[np.ndarray], state: dict) -> np.ndarray:
    """The step ``x_{t+1} - x_t`` by the usual written form, from every gradient so far."""
    g, t = history[-1], len(history)
    if name == "sgd":
        return -lr * g
    if name == "momentum":  # the velocity with the learning rate inside: v = mu v + lr g
        state["v"] = 0.9 * state.get("v", 0.0) + lr * g
        return -state["v"]
    if name == "nesterov":  # Bengio et al. (2013): v = mu v - lr g; x += mu v - lr g
        state["v"] = 0.9 * state.get("v", 0.0) - lr * g
        return 0.9 * state["v"] - lr * g
    squares = np.array([h * h for h in history])
    if name == "adagrad":  # Duchi et al. (2011), the whole sum each time
        total = np.array([math.fsum(col) for col in squares.T])
        return -lr * g / (np.sqrt(total) + 1e-10)
    if name == "rmsprop":  # the running mean written out as its weighted sum
        weights = 0.01 * 0.99 ** np.arange(t - 1, -1, -1)
        return -lr * g / (np.sqrt(weights @ squares) + 1e-8)
    # Kingma and Ba (2015), Algorithm 1
    state["m"] = 0.9 * state.get("m", 0.0) + 0.1 * g
    state["v"] = 0.999 * state.get("v", 0.0) + 0.001 * g * g
    m_hat, v_hat = state["m"] / (1 - 0.9**t), state["v"] / (1 - 0.999**t)
    return -lr * m_hat / (np.sqrt(v_hat) + 1e-8)


def textbook_run(p: Params, param: str, name: str, lr: float, steps: int) -> np.ndarray:
    names = list(WEIGHTS) if param == ALL_WEIGHTS else [param]
    x = np.array([p.get(n) for n in names])
    rows, history, state = [x], [], {}
    for _ in range(steps):
        grads = gradients(p)
        history.append(np.array([grads[n] for n in names]))
        x = x + textbook(name, lr, history, state)
        for n, v in zip(names, x):
            p = p.with_value(n, float(v))
        rows.append(x)
    return np.array(rows)


RATES = {
    "sgd": 0.2,
    "momentum": 0.1,
    "nesterov": 0.1,
    "adagrad": 0.1,
    "rmsprop": 0.01,
    "adam": 0.02,
}


@pytest.mark.parametrize("param", ["w11", "a22", "wb", ALL_WEIGHTS])
@pytest.mark.parametrize("name", NAMES)
def test_two_hundred_steps_follow_the_textbook_rule(name, param):
    p, lr = preset("homework").params, RATES[name]
    s = live.state(p, param)
    taken: list[live.State] = []
    stop = live.drain(live.walk(s, param, lr, s.loss, 200, optimizer=Optimizer(name)), taken.append)
    assert stop.kind == "steps"
    got = np.array([s.value, *(t.value for t in taken)])
    want = textbook_run(p, param, name, lr, 200)
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)
    assert taken[-1].loss < s.loss  # each of them descends here
    if name != "sgd":
        assert taken[-1].memory is not None and taken[-1].memory.step == 200


@pytest.mark.parametrize("name", NAMES)
def test_a_run_stopped_and_resumed_from_its_state_is_the_same_run(name):
    """The state's memory carries the optimizer on: 40 + 60 steps are the 100 steps."""
    p, opt = preset("homework").params, Optimizer(name)
    s = live.state(p, ALL_WEIGHTS)
    whole: list[live.State] = []
    live.drain(live.walk(s, ALL_WEIGHTS, 0.02, s.loss, 100, optimizer=opt), whole.append)
    first: list[live.State] = []
    live.drain(live.walk(s, ALL_WEIGHTS, 0.02, s.loss, 40, optimizer=opt), first.append)
    rest: list[live.State] = []
    live.drain(
        live.walk(first[-1], ALL_WEIGHTS, 0.02, s.loss, 60, None, 41, optimizer=opt), rest.append
    )
    assert [x.value.tobytes() for x in first + rest] == [x.value.tobytes() for x in whole]


@pytest.mark.parametrize("name", NAMES)
def test_the_prediction_and_descend_take_the_walks_steps(name):
    p, opt = preset("homework").params, Optimizer(name)
    s = live.state(p, "w12")
    taken: list[live.State] = []
    live.drain(live.walk(s, "w12", 0.05, s.loss, 30, optimizer=opt), taken.append)
    t = live.predict(s, "w12", 0.05, 30, s.loss, optimizer=opt)
    walked = np.array([s.value[0], *(x.value[0] for x in taken)])
    assert t.values.tobytes() == walked.tobytes() and t.optimizer == opt
    d = descend(p, "w12", 0.05, 30, optimizer=opt)
    np.testing.assert_allclose(d.values, walked, rtol=1e-12)
    assert d.optimizer == opt


def test_a_diverging_adam_run_stops_with_the_reason_before_the_bad_step():
    p = preset("homework").params
    s = live.state(p, "wa")
    taken: list[live.State] = []
    stop = live.drain(
        live.walk(s, "wa", 1e7, s.loss, 50, optimizer=Optimizer("adam")), taken.append
    )
    assert stop.kind == "diverged" and "bound" in stop.message
    assert all(abs(x.value[0]) <= live.VALUE_BOUND for x in taken)


# --- the setting ----------------------------------------------------------------------------


def test_each_name_takes_torch_optims_defaults():
    assert Optimizer().hyperparameters() == {}
    assert Optimizer("momentum").momentum == 0.9 and Optimizer("nesterov").momentum == 0.9
    assert Optimizer("adagrad").hyperparameters() == {"eps": 1e-10}
    assert Optimizer("rmsprop").hyperparameters() == {"alpha": 0.99, "eps": 1e-8}
    assert Optimizer("adam").hyperparameters() == {"betas": (0.9, 0.999), "eps": 1e-8}
    assert Optimizer("adam") == Optimizer("adam", betas=[0.9, 0.999], eps=1e-8)
    assert Optimizer("adam").label() == "adam (betas 0.9, 0.999; eps 1e-08)"


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"name": "lbfgs"}, 'name: "lbfgs" is not one of sgd'),
        ({"name": "adam", "momentum": 0.5}, "momentum: adam takes no momentum"),
        ({"name": "sgd", "eps": 1e-8}, "eps: sgd takes no eps"),
        ({"name": "momentum", "momentum": 1.0}, "momentum: must be at least 0 and less than 1"),
        ({"name": "nesterov", "momentum": 0.0}, "momentum: must be greater than 0"),
        ({"name": "momentum", "momentum": float("nan")}, "momentum: must be"),
        ({"name": "rmsprop", "alpha": -0.1}, "alpha: must be at least 0"),
        ({"name": "adam", "betas": (0.9,)}, "betas: expected two numbers"),
        ({"name": "adam", "betas": (0.9, 1.0)}, "betas[1] (beta2): must be"),
        ({"name": "adam", "eps": 0.0}, "eps: must be greater than 0"),
        ({"name": "adagrad", "eps": "small"}, "eps: expected a number"),
        ({"name": "rmsprop", "alpha": True}, "alpha: expected a number"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_hyperparameter(kwargs, says):
    with pytest.raises(OptimizerError) as err:
        Optimizer(**kwargs)
    assert says in str(err.value)


def test_a_files_optimizer_object_is_read_and_refused_by_field():
    assert from_json({"name": "adam", "betas": [0.8, 0.99]}).betas == (0.8, 0.99)
    assert from_json(Optimizer("rmsprop").to_json()) == Optimizer("rmsprop")
    for value, says in [
        ({"betas": [0.9, 0.99]}, "descent.optimizer.name: missing"),
        ({"name": "adam", "lr": 0.1}, "descent.optimizer.lr: not a hyperparameter"),
        ({"name": "adam", "eps": -1}, "descent.optimizer.eps: must be greater than 0"),
        ([1, 2], "descent.optimizer: expected an object"),
    ]:
        with pytest.raises(OptimizerError) as err:
            from_json(value, "descent.optimizer")
        assert says in str(err.value)


# --- any state, any rate ----------------------------------------------------------------------

extreme = st.one_of(
    st.floats(-3.0, 3.0),
    st.sampled_from([0.0, 1e-300, -1e6, 1e150, -1e150]),
)
states = st.fixed_dictionaries({n: extreme for n in EDITABLE}).map(
    lambda v: Params.create(
        [[v[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)],
        [[v["w11"], v["w12"]], [v["w21"], v["w22"]]],
        [v[h] for h in ("wa", "wb", "wc", "wd")],
        v["yy"],
    )
)


@settings(max_examples=150, deadline=None)
@given(
    states,
    st.sampled_from((*PARAMETERS, ALL_WEIGHTS)),
    st.sampled_from(NAMES),
    st.sampled_from([1e-4, 0.1, 3.0, 1e4, 1e12, 1e300]),
)
def test_any_state_and_rate_walks_or_stops_with_a_reason(p, param, name, lr):
    """No optimizer raises, takes a step past the bound, or counts a step it did not take."""
    s = live.state(p, param)
    taken: list[live.State] = []
    with np.errstate(all="ignore"):
        stop = live.drain(
            live.walk(s, param, lr, s.loss, 30, optimizer=Optimizer(name)), taken.append
        )
    assert stop.kind in ("steps", "diverged")
    assert (stop.kind == "diverged") == bool(stop.message)
    for k, x in enumerate(taken, start=1):
        assert np.all(np.abs(x.value) <= live.VALUE_BOUND) and math.isfinite(x.loss)
        if name != "sgd":
            assert x.memory is not None and x.memory.step == k
