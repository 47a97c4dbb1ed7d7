"""The homework network: forward pass and gradients (Params themselves: test_params.py).

Expected numbers come from hand-worked arithmetic written out below, from a naive
explicit-loop forward pass written in this file, or from central finite differences over that
naive pass; never from the implementation's own output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strict_floats import strict_floats

from core.loss_along import loss_along
from core.model import (
    EDITABLE,
    HEAD,
    INPUTS,
    KERNEL,
    MAX_ABS_VALUE,
    PARAMETERS,
    Params,
    forward,
    gradients,
)
from core.paths import paths

LN3 = math.log(3.0)


# --- an independent formulation of the network --------------------------------------------


def make(values: dict) -> Params:
    """Params from a {name: value} dict holding every editable name."""
    a = [[values[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)]
    w = [[values["w11"], values["w12"]], [values["w21"], values["w22"]]]
    return Params.create(a, w, [values[h] for h in HEAD], values["yy"])


def naive_loss(v: dict) -> float:
    """The homework network written out with plain loops and math.exp (no numpy)."""
    a = [[v[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)]
    w = [[v["w11"], v["w12"]], [v["w21"], v["w22"]]]
    head = [v["wa"], v["wb"], v["wc"], v["wd"]]
    y_hat = 0.0
    for cell, (i, j) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        z = 0.0
        for k in (0, 1):
            for m in (0, 1):
                z += a[i + k][j + m] * w[k][m]
        o = 1.0 / (1.0 + math.exp(-z))
        y_hat += head[cell] * o
    return (v["yy"] - y_hat) ** 2


def finite_difference(v: dict, name: str, h: float = 1e-5) -> float:
    up, down = dict(v), dict(v)
    up[name] += h
    down[name] -= h
    return (naive_loss(up) - naive_loss(down)) / (up[name] - down[name])


small = st.floats(-3.0, 3.0, allow_nan=False, allow_infinity=False)
small_values = st.fixed_dictionaries({name: small for name in EDITABLE})


# --- the hand-worked example -------------------------------------------------------------
#
# Kernel: w11 = ln 3, w12 = w21 = w22 = 0, so z_ij = ln 3 * (the input under w11):
#   z00 = ln3 * a11 = ln3 * 1    =  ln 3  -> o00 = 1/(1 + 1/3) = 0.75, s'(z00) = 0.75*0.25 = 0.1875
#   z01 = ln3 * a12 = ln3 * (-1) = -ln 3  -> o01 = 1/(1 + 3)   = 0.25, s'(z01) = 0.1875
#   z10 = ln3 * a21 = ln3 * 2    =  ln 9  -> o10 = 1/(1 + 1/9) = 0.9,  s'(z10) = 0.9*0.1  = 0.09
#   z11 = ln3 * a22 = ln3 * (-2) = -ln 9  -> o11 = 1/(1 + 9)   = 0.1,  s'(z11) = 0.09
# Head wa, wb, wc, wd = 1, 2, -1, 4:
#   y_hat = 1*0.75 + 2*0.25 + (-1)*0.9 + 4*0.1 = 0.75 + 0.5 - 0.9 + 0.4 = 0.75
# Target yy = 1.75: yy - y_hat = 1, MSE = 1^2 = 1, dMSE/dy_hat = -2(yy - y_hat) = -2.
# dMSE/dw11 = -2(yy - y_hat) [wa s'(z00) a11 + wb s'(z01) a12 + wc s'(z10) a21 + wd s'(z11) a22]
#           = -2 [1*0.1875*1 + 2*0.1875*(-1) + (-1)*0.09*2 + 4*0.09*(-2)]
#           = -2 [0.1875 - 0.375 - 0.18 - 0.72] = -2 * (-1.0875) = 2.175
# dMSE/dw12 (partners a12 a13 a22 a23 = -1 5 -2 7)
#           = -2 [1*0.1875*(-1) + 2*0.1875*5 + (-1)*0.09*(-2) + 4*0.09*7]
#           = -2 [-0.1875 + 1.875 + 0.18 + 2.52] = -2 * 4.3875 = -8.775
# dMSE/dwa..dwd = -2 * o = -1.5, -0.5, -1.8, -0.2
# dMSE/da11 = -2 * wa s'(z00) w11 = -2 * 1 * 0.1875 * ln3 = -0.375 ln 3
# dMSE/da22 = -2 [wa s'(z00) w22 + wb s'(z01) w21 + wc s'(z10) w12 + wd s'(z11) w11]
#           = -2 * 4 * 0.09 * ln3 = -0.72 ln 3
# dMSE/da33 = -2 * wd s'(z11) w22 = 0 (w22 = 0)

HAND = {
    "w11": LN3, "w12": 0.0, "w21": 0.0, "w22": 0.0,
    "wa": 1.0, "wb": 2.0, "wc": -1.0, "wd": 4.0,
    "a11": 1.0, "a12": -1.0, "a13": 5.0,
    "a21": 2.0, "a22": -2.0, "a23": 7.0,
    "a31": -3.0, "a32": 4.0, "a33": 9.0,
    "yy": 1.75,
}  # fmt: skip


def test_hand_worked_forward_pass_matches_digit_by_digit():
    f = forward(make(HAND))
    np.testing.assert_allclose(f.z, [[LN3, -LN3], [2 * LN3, -2 * LN3]], rtol=1e-15)
    np.testing.assert_allclose(f.o, [[0.75, 0.25], [0.9, 0.1]], rtol=1e-14)
    np.testing.assert_allclose(f.ds, [[0.1875, 0.1875], [0.09, 0.09]], rtol=1e-14)
    assert f.y_hat == pytest.approx(0.75, rel=1e-14)
    assert f.loss == pytest.approx(1.0, rel=1e-14)
    assert f.dloss_dyhat == pytest.approx(-2.0, rel=1e-14)


def test_hand_worked_gradients_follow_the_homework_formula():
    g = gradients(make(HAND))
    assert g["w11"] == pytest.approx(2.175, rel=1e-13)
    assert g["w12"] == pytest.approx(-8.775, rel=1e-13)
    assert [g[h] for h in HEAD] == pytest.approx([-1.5, -0.5, -1.8, -0.2], rel=1e-13)
    assert g["a11"] == pytest.approx(-0.375 * LN3, rel=1e-13)
    assert g["a22"] == pytest.approx(-0.72 * LN3, rel=1e-13)
    assert g["a33"] == 0.0


def test_zero_kernel_gives_half_activations_and_quarter_slopes():
    # z = 0 everywhere -> o = 1/(1+1) = 0.5, s'(0) = 0.5 * 0.5 = 0.25;
    # y_hat = 0.5 (wa+wb+wc+wd) = 0.5 * 4 = 2; yy = 3 -> loss = 1.
    values = {name: 1.0 for name in EDITABLE} | {k: 0.0 for k in KERNEL} | {"yy": 3.0}
    f = forward(make(values))
    assert f.z.tolist() == [[0.0, 0.0], [0.0, 0.0]]
    assert f.o.tolist() == [[0.5, 0.5], [0.5, 0.5]]
    assert f.ds.tolist() == [[0.25, 0.25], [0.25, 0.25]]
    assert f.y_hat == 2.0
    assert f.loss == 1.0


# --- every gradient against finite differences -------------------------------------------


def test_gradients_cover_all_17_parameters():
    g = gradients(make(HAND))
    assert len(PARAMETERS) == 17
    assert set(g) == set(PARAMETERS)
    with pytest.raises(TypeError):
        g["w11"] = 0.0  # read-only mapping


@settings(max_examples=60, deadline=None)
@given(small_values)
def test_every_gradient_matches_central_finite_differences(values):
    g = gradients(make(values))
    for name in PARAMETERS:
        fd = finite_difference(values, name)
        assert abs(g[name] - fd) <= 1e-5 * max(1.0, abs(fd)), name


@settings(max_examples=60, deadline=None)
@given(small_values)
def test_forward_matches_a_naive_loop(values):
    assert forward(make(values)).loss == pytest.approx(naive_loss(values), rel=1e-12, abs=1e-12)


# --- degenerate and extreme inputs -------------------------------------------------------


def test_all_zero_inputs():
    # a = 0 -> every z = 0 -> o = 0.5, s' = 0.25 whatever the kernel.
    # Kernel 1 2 / 3 4, head 1 1 1 1: y_hat = 2; yy = 3: yy - y_hat = 1, dMSE/dy_hat = -2.
    # Kernel gradients multiply an input: all 0. dMSE/dwa = -2 * 0.5 = -1.
    # dMSE/da11 = -2 * wa * 0.25 * w11 = -0.5; dMSE/da22 = -2 * 0.25 * (4 + 3 + 2 + 1) = -5;
    # dMSE/da12 = -2 * 0.25 * (wa w12 + wb w11) = -0.5 * 3 = -1.5.
    values = {name: 0.0 for name in INPUTS}
    values |= {"w11": 1.0, "w12": 2.0, "w21": 3.0, "w22": 4.0}
    values |= {h: 1.0 for h in HEAD} | {"yy": 3.0}
    p = make(values)
    f = forward(p)
    assert f.o.tolist() == [[0.5, 0.5], [0.5, 0.5]]
    assert (f.y_hat, f.loss) == (2.0, 1.0)
    g = gradients(p)
    assert [g[k] for k in KERNEL] == [0.0, 0.0, 0.0, 0.0]
    assert [g[h] for h in HEAD] == [-1.0, -1.0, -1.0, -1.0]
    assert (g["a11"], g["a22"], g["a12"]) == (-0.5, -5.0, -1.5)


def test_everything_zero_is_a_perfect_fit_with_zero_gradients():
    p = make({name: 0.0 for name in EDITABLE})
    assert forward(p).loss == 0.0
    assert set(gradients(p).values()) == {0.0}


extreme = st.one_of(
    st.sampled_from([MAX_ABS_VALUE, -MAX_ABS_VALUE, 0.0, 1.0, -1.0, 1e-300]),
    st.floats(-MAX_ABS_VALUE, MAX_ABS_VALUE),
)


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({name: extreme for name in EDITABLE}))
def test_large_values_give_finite_forward_and_no_nan_gradients(values):
    with strict_floats():
        p = make(values)
        f = forward(p)
        for arr in (f.z, f.o, f.ds):
            assert np.all(np.isfinite(arr))
        assert math.isfinite(f.y_hat) and math.isfinite(f.loss)
        g = gradients(p, f)
        assert not any(math.isnan(v) for v in g.values())
        for name in ("w11", "wa", "a22"):
            assert not any(math.isnan(path.value) for path in paths(p, name, f))
        assert not np.any(np.isnan(loss_along(p, "w11", [-MAX_ABS_VALUE, MAX_ABS_VALUE])))


def test_all_values_at_the_limit():
    # z = 4 * 1e150 * 1e150 = 4e300 (finite); y_hat = 4e150; loss = (1e150 - 4e150)^2 = 9e300.
    p = make({name: MAX_ABS_VALUE for name in EDITABLE})
    f = forward(p)
    np.testing.assert_allclose(f.z, [[4e300, 4e300], [4e300, 4e300]], rtol=1e-15)
    assert f.y_hat == pytest.approx(4e150)
    assert f.loss == pytest.approx(9e300)


# --- loss_along ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["w11", "w21", "wc", "a13", "a22", "yy"])
def test_loss_along_equals_a_per_point_loop(name):
    p = make(HAND)
    xs = np.linspace(-3.0, 3.0, 41)
    batched = loss_along(p, name, xs)
    one_by_one = [forward(p.with_value(name, float(x))).loss for x in xs]
    naive = [naive_loss(HAND | {name: float(x)}) for x in xs]
    assert batched.shape == (41,)
    np.testing.assert_allclose(batched, one_by_one, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(batched, naive, rtol=1e-12, atol=1e-14)


def test_loss_along_keeps_the_shape_of_values_and_does_not_touch_params():
    p = make(HAND)
    xs = np.arange(6.0).reshape(2, 3)
    out = loss_along(p, "a21", xs)
    assert out.shape == (2, 3)
    assert out[1, 2] == pytest.approx(naive_loss(HAND | {"a21": 5.0}), rel=1e-12)
    assert p == make(HAND)


def single_state_losses(p: Params, name: str, xs) -> np.ndarray:
    """The reference a loss curve follows: one forward pass per point."""
    return np.array([forward(p.with_value(name, float(x))).loss for x in np.ravel(xs)])


curve_points = st.lists(
    st.one_of(st.floats(-30.0, 30.0), st.sampled_from([0.0, -0.0, MAX_ABS_VALUE, -1e6])),
    min_size=1,
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(small_values, st.sampled_from([*HEAD, "yy"]), curve_points)
def test_a_loss_curve_in_a_head_weight_or_the_target_is_the_single_state_loss_bit_for_bit(
    values, name, xs
):
    p = make(values)
    got = loss_along(p, name, xs)
    assert got.tobytes() == single_state_losses(p, name, xs).tobytes()


@settings(max_examples=150, deadline=None)
@given(small_values, st.sampled_from(KERNEL + INPUTS), curve_points)
def test_a_loss_curve_in_a_conv_weight_or_an_input_is_within_a_few_ulps_of_the_single_state(
    values, name, xs
):
    # Only numpy's exp may round differently from math.exp (by 1 ulp): each sigmoid moves by
    # an ulp or two, so yy - y_hat moves by a few ulps of |yy| + |wa| + |wb| + |wc| + |wd|.
    p = make(values)
    got = loss_along(p, name, xs)
    want = single_state_losses(p, name, xs)
    scale = abs(values["yy"]) + sum(abs(values[h]) for h in HEAD)
    eps = np.finfo(np.float64).eps
    assert np.all(np.abs(np.sqrt(got) - np.sqrt(want)) <= 4 * eps * scale)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14 * scale * scale)


def test_a_loss_curve_over_10001_points_is_the_single_state_loss():
    p = make(HAND)
    xs = np.linspace(-3.0, 3.0, 10_001)
    for name in ("w11", "a22", "wc", "yy"):
        got = loss_along(p, name, xs)
        np.testing.assert_allclose(got, single_state_losses(p, name, xs), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("name", ["w22", "wb", "a12", "yy"])
def test_a_loss_curve_leaves_the_values_it_is_given_as_they_were(name):
    xs = np.linspace(-2.0, 2.0, 101)
    before = xs.copy()
    loss_along(make(HAND), name, xs)
    assert np.array_equal(xs, before)
