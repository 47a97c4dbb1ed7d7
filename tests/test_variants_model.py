"""Every network variant's gradients: against central finite differences and hand-worked numbers.

The finite differences are taken over a naive formulation of the network written below with
plain loops and the math module (each activation and loss from its textbook definition),
independent of core.activations and core.losses; the hand-worked examples write their
arithmetic out in the comments.
"""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.loss_along import loss_along
from core.losses import target_slope
from core.model import EDITABLE, HEAD, Params, forward, gradients, parameters
from core.paths import dead_reason, paths

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
LOSSES = ("mse", "half_mse", "bce_logits")
BIASES = ((False, False), (True, False), (False, True), (True, True))
LN3 = math.log(3.0)


# --- a naive formulation ----------------------------------------------------------------


def act(name: str, z: float) -> float:
    if name == "sigmoid":
        return 1.0 / (1.0 + math.exp(-z))
    if name == "tanh":
        return (math.exp(z) - math.exp(-z)) / (math.exp(z) + math.exp(-z))
    if name == "relu":
        return z if z > 0 else 0.0
    if name == "leaky_relu":
        return z if z > 0 else 0.01 * z
    return z


def loss(name: str, yy: float, y_hat: float) -> float:
    if name == "mse":
        return (yy - y_hat) ** 2
    if name == "half_mse":
        return (yy - y_hat) ** 2 / 2
    # -(yy log p + (1 - yy) log(1 - p)) with p = 1 / (1 + e^-y_hat), whose logs are
    # -log(1 + e^-y_hat) and -log(1 + e^y_hat) (1 - p rounds away the digits of a small loss)
    return yy * math.log1p(math.exp(-y_hat)) + (1 - yy) * math.log1p(math.exp(y_hat))


def naive(v: dict, activation: str, loss_name: str) -> tuple[float, list[float]]:
    """The loss and the four z of the network ``v`` describes (``b``, ``c`` when present)."""
    a = [[v[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)]
    w = [[v["w11"], v["w12"]], [v["w21"], v["w22"]]]
    y_hat, zs = v.get("c", 0.0), []
    for cell, (i, j) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        z = v.get("b", 0.0)
        for k in (0, 1):
            for m in (0, 1):
                z += a[i + k][j + m] * w[k][m]
        zs.append(z)
        y_hat += v[HEAD[cell]] * act(activation, z)
    return loss(loss_name, v["yy"], y_hat), zs


def make(v: dict, activation: str = "sigmoid", loss_name: str = "mse") -> Params:
    a = [[v[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)]
    w = [[v["w11"], v["w12"]], [v["w21"], v["w22"]]]
    head = [v[h] for h in HEAD]
    return Params.create(a, w, head, v["yy"], activation, loss_name, v.get("b"), v.get("c"))


H = 1e-5


def central(v: dict, name: str, activation: str, loss_name: str) -> float:
    up, down = dict(v), dict(v)
    up[name] += H
    down[name] -= H
    return (naive(up, activation, loss_name)[0] - naive(down, activation, loss_name)[0]) / (2 * H)


value = st.floats(-2.0, 2.0)
values = st.fixed_dictionaries({n: value for n in EDITABLE if n != "yy"})
COMBOS = list(itertools.product(ACTIVATIONS, BIASES, LOSSES))


@pytest.mark.parametrize(("activation", "biases", "loss_name"), COMBOS)
@settings(max_examples=12, deadline=None)
@given(v=values, yy=st.floats(-2.0, 2.0), b=value, c=value)
def test_every_gradient_of_every_variant_matches_central_differences(
    activation, biases, loss_name, v, yy, b, c
):
    v = dict(v, yy=(yy + 2.0) / 4.0 if loss_name == "bce_logits" else yy)  # a probability
    if biases[0]:
        v["b"] = b
    if biases[1]:
        v["c"] = c
    L, zs = naive(v, activation, loss_name)
    if activation in ("relu", "leaky_relu"):
        # Away from the kink: a step of H moves each z by at most 2H (|a|, |w| <= 2, or 1
        # for b), so no z crosses 0 between the two evaluations.
        assume(min(abs(z) for z in zs) > 1e-3)
    p = make(v, activation, loss_name)
    g = gradients(p)
    assert forward(p).loss == pytest.approx(L, rel=1e-12, abs=1e-12)
    assert list(g) == list(parameters(p))
    assert ("b" in g, "c" in g) == biases
    for name in g:
        fd = central(v, name, activation, loss_name)
        # Central differences err by h^2/6 |L'''| (truncation: below 1e-10 x 1e3 here, the
        # third derivative of these losses over values in [-2, 2] is at most ~1e3) plus about
        # eps |L| / h (rounding: 2.2e-16 / 1e-5 = 2.2e-11 per unit of loss). 1e-6 of the
        # larger of 1, the gradient and the loss bounds both by orders of magnitude.
        assert abs(g[name] - fd) <= 1e-6 * max(1.0, abs(fd), L), (name, g[name], fd)
        total = sum(path.value for path in paths(p, name))
        assert total == pytest.approx(g[name], rel=1e-12, abs=1e-12), name


@pytest.mark.parametrize(("activation", "biases", "loss_name"), COMBOS)
def test_a_loss_curve_follows_the_single_state_loss_in_every_variant(activation, biases, loss_name):
    v = {n: 0.1 * ((i * 7) % 11 - 5) for i, n in enumerate(EDITABLE)}
    v["yy"] = 0.75 if loss_name == "bce_logits" else 1.5
    v |= {"b": -0.3} if biases[0] else {}
    v |= {"c": 0.4} if biases[1] else {}
    p = make(v, activation, loss_name)
    xs = [-2.0, -0.7, 0.0, 0.3, 1.9]
    for name in (*parameters(p), "yy"):
        if name == "yy" and loss_name == "bce_logits":
            xs_here = [0.0, 0.2, 0.5, 1.0]
        else:
            xs_here = xs
        got = loss_along(p, name, xs_here)
        want = [naive(dict(v, **{name: x}), activation, loss_name)[0] for x in xs_here]
        assert got.tolist() == pytest.approx(want, rel=1e-12, abs=1e-13), name


# --- hand-worked examples ---------------------------------------------------------------
#
# ReLU with both biases. Input 1 2 0 / 0 1 -1 / 2 0 1, kernel 1 -1 / 0.5 1, b = -0.5,
# head 1 2 -1 0.5, c = 0.25, yy = 2, MSE.
#   z00 = 1*1 + 2*(-1) + 0*0.5 + 1*1 - 0.5    = -0.5 -> relu 0,   relu' 0 (dead)
#   z01 = 2*1 + 0*(-1) + 1*0.5 + (-1)*1 - 0.5 =  1   -> relu 1,   relu' 1
#   z10 = 0*1 + 1*(-1) + 2*0.5 + 0*1 - 0.5    = -0.5 -> relu 0,   relu' 0 (dead)
#   z11 = 1*1 + (-1)*(-1) + 0*0.5 + 1*1 - 0.5 =  2.5 -> relu 2.5, relu' 1
#   y_hat = 1*0 + 2*1 + (-1)*0 + 0.5*2.5 + 0.25 = 3.5
#   MSE = (2 - 3.5)^2 = 2.25; dMSE/dy_hat = -2(2 - 3.5) = 3
#   dMSE/dw11 = 3 [wa*0*a11 + wb*1*a12 + wc*0*a21 + wd*1*a22] = 3 [0 + 2*2 + 0 + 0.5*1] = 13.5
#     its paths: 0, 3*2*1*2 = 12, 0, 3*0.5*1*1 = 1.5
#   dMSE/db   = 3 [wa*0 + wb*1 + wc*0 + wd*1] = 3 * 2.5 = 7.5; paths 0, 6, 0, 1.5
#   dMSE/dc   = 3 * 1 = 3
#   dMSE/dwa  = 3 * o00 = 0; dMSE/dwd = 3 * 2.5 = 7.5
#   dMSE/da11 = 3 * wa * relu'(z00) * w11 = 0 (its only path is dead)

RELU = {
    "a11": 1.0, "a12": 2.0, "a13": 0.0, "a21": 0.0, "a22": 1.0, "a23": -1.0,
    "a31": 2.0, "a32": 0.0, "a33": 1.0,
    "w11": 1.0, "w12": -1.0, "w21": 0.5, "w22": 1.0,
    "wa": 1.0, "wb": 2.0, "wc": -1.0, "wd": 0.5,
    "b": -0.5, "c": 0.25, "yy": 2.0,
}  # fmt: skip


def test_hand_worked_relu_with_biases():
    p = make(RELU, "relu")
    f = forward(p)
    assert f.z_cells == (-0.5, 1.0, -0.5, 2.5)
    assert f.o_cells == (0.0, 1.0, 0.0, 2.5)
    assert f.ds_cells == (0.0, 1.0, 0.0, 1.0)
    assert (f.y_hat, f.loss, f.dloss_dyhat) == (3.5, 2.25, 3.0)
    g = gradients(p)
    assert (g["w11"], g["b"], g["c"], g["wa"], g["wd"], g["a11"]) == (13.5, 7.5, 3.0, 0, 7.5, 0)
    assert [x.value for x in paths(p, "w11")] == [0.0, 12.0, 0.0, 1.5]
    assert [x.value for x in paths(p, "b")] == [0.0, 6.0, 0.0, 1.5]
    assert [x.dead for x in paths(p, "w11")] == [True, False, True, False]
    (only,) = paths(p, "c")
    assert (only.cell, only.value, [fa.value for fa in only.factors]) == (None, 3.0, [3.0, 1.0])
    dead = dead_reason(p, paths(p, "w11")[0], f)
    assert "z00 = -0.5" in dead and "relu'(z00) = 0" in dead
    assert dead_reason(p, paths(p, "w11")[1], f) == ""


def test_relu_and_leaky_relu_slopes_at_zero_follow_pytorch():
    # z00 = 0 exactly (a zero input window): relu'(0) = 0, leaky_relu'(0) = 0.01, as
    # torch.autograd gives for relu and leaky_relu(negative_slope=0.01).
    v = {n: 0.0 for n in EDITABLE} | {"wa": 1.0, "yy": 1.0}
    assert forward(make(v, "relu")).ds_cells == (0.0, 0.0, 0.0, 0.0)
    assert forward(make(v, "leaky_relu")).ds_cells == (0.01, 0.01, 0.01, 0.01)
    assert all(x.dead for x in paths(make(v, "relu"), "w11"))
    assert not any(x.dead for x in paths(make(v, "leaky_relu"), "w11"))


# Cross-entropy on the logit. A zero kernel makes every z = 0, so o = s(0) = 0.5 and
# s'(0) = 0.25. Head ln3 ln3 0 0: y_hat = 0.5 ln3 + 0.5 ln3 = ln 3, s(y_hat) = 1/(1 + 1/3) = 0.75.
# Target yy = 0.25:
#   BCE = log(1 + e^y_hat) - yy y_hat = log 4 - 0.25 ln 3
#   dBCE/dy_hat = s(y_hat) - yy = 0.75 - 0.25 = 0.5
#   dBCE/dwa = 0.5 * o00 = 0.25 (wc too: o10 = 0.5)
#   dBCE/dw11 = 0.5 [wa s'(z00) a11 + wb s'(z01) a12 + 0 + 0] = 0.5 * 0.25 * ln3 * (1 + 2)
#             = 0.375 ln 3
# Target yy = 1: dBCE/dy_hat = 0.75 - 1 = -0.25, BCE = log 4 - ln 3 = log(4/3).

BCE = {n: 0.0 for n in EDITABLE} | {"a11": 1.0, "a12": 2.0, "wa": LN3, "wb": LN3, "yy": 0.25}


def test_hand_worked_cross_entropy_on_the_logit():
    p = make(BCE, "sigmoid", "bce_logits")
    f = forward(p)
    assert f.y_hat == pytest.approx(LN3, rel=1e-15)
    assert f.loss == pytest.approx(math.log(4) - 0.25 * LN3, rel=1e-14)
    assert f.dloss_dyhat == pytest.approx(0.5, rel=1e-14)
    g = gradients(p)
    assert g["wa"] == pytest.approx(0.25, rel=1e-14)
    assert g["wc"] == pytest.approx(0.25, rel=1e-14)
    assert g["w11"] == pytest.approx(0.375 * LN3, rel=1e-13)
    sure = forward(p.with_value("yy", 1.0))
    assert sure.dloss_dyhat == pytest.approx(-0.25, rel=1e-14)
    assert sure.loss == pytest.approx(math.log(4 / 3), rel=1e-14)
    assert paths(p, "w11")[0].factors[0].equals == "s(y_hat) - yy"


def test_cross_entropy_stays_finite_where_the_textbook_form_overflows():
    # y_hat = 1000: log(1 + e^1000) overflows, softplus(1000) = 1000 + log1p(e^-1000) = 1000.
    v = {n: 0.0 for n in EDITABLE} | {"c": 1000.0, "yy": 1.0}
    f = forward(make(v, "sigmoid", "bce_logits"))
    assert (f.y_hat, f.loss, f.dloss_dyhat) == (1000.0, 0.0, 0.0)
    f = forward(make(v | {"yy": 0.0}, "sigmoid", "bce_logits"))
    assert (f.loss, f.dloss_dyhat) == (1000.0, 1.0)


def test_hand_worked_half_mse_and_tanh():
    # tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6, tanh'(ln 2) = 1 - 0.36 = 0.64.
    # Kernel ln2 0 / 0 0, a11 = 1, every other input 0: z00 = ln 2, z01 = z10 = z11 = 0.
    # Head 1 0 0 0: y_hat = 0.6. yy = 1.6: half-MSE = (1.6 - 0.6)^2 / 2 = 0.5,
    # dL/dy_hat = -(1.6 - 0.6) = -1; dL/dw11 = -1 * wa * tanh'(z00) * a11 = -0.64.
    v = {n: 0.0 for n in EDITABLE} | {"w11": math.log(2), "a11": 1.0, "wa": 1.0, "yy": 1.6}
    p = make(v, "tanh", "half_mse")
    f = forward(p)
    assert f.o_cells[0] == pytest.approx(0.6, rel=1e-15)
    assert f.ds_cells[0] == pytest.approx(0.64, rel=1e-14)
    assert f.loss == pytest.approx(0.5, rel=1e-14)
    assert f.dloss_dyhat == pytest.approx(-1.0, rel=1e-14)
    assert gradients(p)["w11"] == pytest.approx(-0.64, rel=1e-14)
    assert paths(p, "w11")[0].factors[2].equals == "tanh'(z00)"
    assert paths(p, "w11")[0].factors[0].equals == "-(yy - y_hat)"


@pytest.mark.parametrize("loss_name", LOSSES)
def test_the_slope_of_the_loss_in_the_target_matches_a_central_difference(loss_name):
    v = dict(RELU, yy=0.3)
    p = make(v, "relu", loss_name)
    f = forward(p)
    want = central(v, "yy", "relu", loss_name)
    assert target_slope(loss_name, p.yy, f.y_hat) == pytest.approx(want, rel=1e-8)


def test_a_bias_that_is_absent_is_no_parameter():
    p = make(BCE)
    assert "b" not in gradients(p) and "c" not in gradients(p)
    for name in ("b", "c"):
        with pytest.raises(KeyError):
            p.get(name)
        with pytest.raises(KeyError):
            p.with_value(name, 1.0)
        with pytest.raises(KeyError):
            paths(p, name)
