"""The core's single-state math and its descent walk give the reference's bits, on any state.

``reference_core`` is the arithmetic as it was before it was made fast, kept apart from the
code it checks. Equal here means the same float64 bits (``-0.0`` and ``0.0`` differ), for the
forward pass, every gradient, each state of a walk, and the reason a walk stops.
"""

from __future__ import annotations

import numpy as np
import reference_core as ref
from hypothesis import given, settings
from hypothesis import strategies as st

from core import live
from core.descent import ALL_WEIGHTS
from core.model import (
    EDITABLE,
    HEAD,
    MAX_ABS_VALUE,
    PARAMETERS,
    Params,
    forward,
    gradients,
    loss_and_gradient,
)


def bits(x) -> bytes:
    return np.asarray(x, dtype=np.float64).tobytes()


def make(values: dict) -> Params:
    a = [[values[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)]
    w = [[values["w11"], values["w12"]], [values["w21"], values["w22"]]]
    return Params.create(a, w, [values[h] for h in HEAD], values["yy"])


moderate = st.one_of(
    st.floats(-3.0, 3.0), st.sampled_from([0.0, -0.0, 1.0, -1.0, 20.0, -20.0, 1e-300])
)
extreme = st.one_of(
    moderate,
    st.sampled_from([MAX_ABS_VALUE, -MAX_ABS_VALUE, 1e6, -1e6]),
    st.floats(-MAX_ABS_VALUE, MAX_ABS_VALUE),
)
moderate_params = st.fixed_dictionaries({n: moderate for n in EDITABLE}).map(make)
extreme_params = st.fixed_dictionaries({n: extreme for n in EDITABLE}).map(make)
any_params = st.one_of(moderate_params, extreme_params)


def same_state(a: live.State, b: live.State) -> bool:
    def fingerprint(s: live.State) -> list[bytes]:
        p = s.params
        return [bits(x) for x in (p.a, p.w, p.head, p.yy, s.value, s.grad, s.loss, s.ds)]

    return fingerprint(a) == fingerprint(b)


# --- one state ----------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(any_params)
def test_forward_and_gradients_give_the_reference_bits(p):
    with np.errstate(all="ignore"):
        f, want = forward(p), ref.forward(p)
        g, want_g = gradients(p, f), ref.gradients(p)
    for field in ("z", "o", "ds", "y_hat", "loss", "dloss_dyhat"):
        assert bits(getattr(f, field)) == bits(getattr(want, field)), field
    assert f.z.shape == f.o.shape == f.ds.shape == (2, 2)
    assert list(g) == list(PARAMETERS)
    for name in PARAMETERS:
        assert bits(g[name]) == bits(want_g[name]), name
        with np.errstate(all="ignore"):
            got, want_one = loss_and_gradient(p, name), ref.loss_and_gradient(p, name)
        assert [bits(x) for x in got] == [bits(x) for x in want_one], name


# --- the descent walk ---------------------------------------------------------------------

learning_rates = st.one_of(
    st.sampled_from([0.01, 0.1, 0.5, 2.0, 20.0, 100.0, 1e3, 1e6, 1e12, 1e300]),
    st.floats(1e-4, 1e8),
)


@st.composite
def walks(draw, params=moderate_params):
    p = draw(params)
    param = draw(st.sampled_from((*PARAMETERS, ALL_WEIGHTS)))
    s = ref.state(p, param)
    if draw(st.booleans()):  # a state as a recorded run gives it back: no slopes kept
        s = live.State(s.params, s.value, s.grad, s.loss)
    lr = draw(learning_rates)
    steps = draw(st.integers(0, 40))
    tol = draw(st.one_of(st.none(), st.sampled_from([1e-3, 1e-2, 0.1])))
    start_loss = draw(st.one_of(st.just(s.loss), st.sampled_from([0.0, 1e-6, 1e3])))
    first = draw(st.sampled_from([1, 7]))
    return s, param, lr, start_loss, steps, tol, first


def run_walk(s, param, lr, start_loss, steps, tol, first):
    out: list[live.State] = []
    stop = live.drain(live.walk(s, param, lr, start_loss, steps, tol, first), out.append)
    return out, stop


def check_walk(args):
    with np.errstate(all="ignore"):
        want, want_stop = ref.walk(*args)
    got, stop = run_walk(*args)
    assert (stop.kind, stop.message) == (want_stop.kind, want_stop.message)
    assert len(got) == len(want)
    for k, (a, b) in enumerate(zip(got, want)):
        assert same_state(a, b), k


@settings(max_examples=300, deadline=None)
@given(walks())
def test_the_walk_gives_the_reference_states_and_stop(args):
    check_walk(args)


@settings(max_examples=150, deadline=None)
@given(walks(extreme_params))
def test_the_walk_from_extreme_states_gives_the_reference_states_and_stop(args):
    check_walk(args)


@settings(max_examples=200, deadline=None)
@given(walks())
def test_one_step_gives_the_reference_state_or_reason(args):
    s, param, lr, start_loss, _, _, first = args
    with np.errstate(all="ignore"):
        want, want_reason = ref.advance(s, param, lr, first, start_loss)
    got, reason = live.advance(s, param, lr, first, start_loss)
    assert reason == want_reason
    assert (got is None) == (want is None)
    if got is not None and want is not None:
        assert same_state(got, want)


@settings(max_examples=100, deadline=None)
@given(walks())
def test_a_prediction_is_the_reference_walk(args):
    s, param, lr, start_loss, steps, tol, _ = args
    with np.errstate(all="ignore"):
        want, want_stop = ref.walk(s, param, lr, start_loss, steps, tol)
    t = live.predict(s, param, lr, steps, start_loss, tol)
    rows = [s, *want]
    values = np.array([r.value for r in rows])
    grads = np.array([r.grad for r in rows])
    if param != ALL_WEIGHTS:
        values, grads = values[:, 0], grads[:, 0]
    assert (t.stop, t.message) == (want_stop.kind, want_stop.message)
    assert bits(t.values) == bits(values) and t.values.shape == values.shape
    assert bits(t.grads) == bits(grads)
    assert bits(t.loss) == bits([r.loss for r in rows])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(), min_size=1, max_size=8),
    st.one_of(st.none(), st.floats(allow_nan=False, min_value=0.0)),
)
def test_the_tolerance_test_is_the_reference_one_for_any_gradient(grads, tol):
    zeros = Params.create(np.zeros((3, 3)), np.zeros((2, 2)), np.zeros(4), 0.0)
    s = live.State(zeros, np.zeros(len(grads)), np.array(grads), 0.0)
    assert live.converged(s, tol) == ref.converged(s, tol)


def test_every_parameter_and_every_kind_of_stop_is_walked():
    """Every preset and a few random scenarios, every parameter, each kind of stop."""
    from core.presets import NAMES, preset, random_scenario

    big = MAX_ABS_VALUE  # every gradient but the head's overflows: 1e150 * 1e150 * 1e150 * s'(4)
    overflowing = Params.create(np.full((3, 3), big), np.full((2, 2), 1 / big), [big] * 4, -big)
    starts = []
    homework = [preset(n).params for n in NAMES if preset(n).params.is_homework]  # the reference's
    scenarios = homework + [random_scenario(k).params for k in range(3)]
    for param in (*PARAMETERS, ALL_WEIGHTS):
        starts += [(ref.state(p, param), param) for p in scenarios]
        s = ref.state(overflowing, param)  # a zero gradient to leave from: the step lands on inf
        starts.append((live.State(s.params, s.value, 0 * s.value, s.loss, s.ds), param))
    seen = set()
    for s, param in starts:
        for lr in (0.1, 3.0, 50.0, 1e4, 1e8):
            for tol in (None, 0.05):
                args = (s, param, lr, s.loss, 60, tol, 1)
                check_walk(args)
                stop = run_walk(*args)[1]
                words = ("bound", "grow", "saturated", "overflowed")
                seen.add((stop.kind, *(w for w in words if w in stop.message)))
    assert seen == {
        ("steps",),
        ("tolerance",),
        *(("diverged", w) for w in ("bound", "grow", "saturated", "overflowed")),
    }
