"""Every value of the network as a formula with its numbers substituted.

Used by the text report and by the tooltips: ``explain(p, "o01")`` gives
``"o01 = s(z01) = 1 / (1 + e^-z01) = 1 / (1 + e^-1.5) = 0.8176"``. The formulas follow the
network ``p`` chooses: its activation, its loss, its biases.
"""

from __future__ import annotations

from .activations import SYMBOL
from .losses import LOSS_SYMBOL
from .model import CELLS, HEAD, KERNEL, TARGET, Forward, Params, forward, window
from .numfmt import fmt
from .numfmt import fmt_operand as op
from .paths import Factor


def z_formula(p: Params, c: int) -> str:
    """``z00 = a11*w11 + ... = 1*0.4 + ... = 1.35`` (``+ b`` with a conv bias)."""
    names = window(c)
    f = forward(p)
    symbols = " + ".join(f"{a}*{w}" for a, w in zip(names, KERNEL))
    numbers = " + ".join(f"{op(p.get(a))}*{op(p.get(w))}" for a, w in zip(names, KERNEL))
    if p.b is not None:
        symbols, numbers = f"{symbols} + b", f"{numbers} + {op(p.b)}"
    return f"z{CELLS[c]} = {symbols} = {numbers} = {fmt(f.z.flat[c])}"


def _activation(p: Params, cell: str, z: float, o: float) -> str:
    """``o00 = f(z00) = ...``: the chosen activation with its numbers."""
    name = f"o{cell}"
    if p.activation == "sigmoid":
        return f"{name} = s(z{cell}) = 1 / (1 + e^-z{cell}) = 1 / (1 + e^-{op(z)}) = " + fmt(o)
    if p.activation == "tanh":
        return f"{name} = tanh(z{cell}) = tanh({fmt(z)}) = {fmt(o)}"
    if p.activation == "relu":
        return f"{name} = relu(z{cell}) = max(z{cell}, 0) = max({fmt(z)}, 0) = {fmt(o)}"
    if p.activation == "leaky_relu":
        return (
            f"{name} = leaky_relu(z{cell}) = max(z{cell}, 0.01 z{cell}) = "
            f"max({fmt(z)}, 0.01 x {op(z)}) = {fmt(o)}"
        )
    return f"{name} = identity(z{cell}) = z{cell} = {fmt(o)}"


def _slope(p: Params, cell: str, f: Forward) -> str:
    """``f'(z00) = ...``: the activation's slope at the cell, with its numbers."""
    c = CELLS.index(cell)
    o, z, d = f.o.flat[c], f.z.flat[c], f.ds.flat[c]
    if p.activation == "sigmoid":
        return f"s'(z{cell}) = o{cell} (1 - o{cell}) = {fmt(o)} x {fmt(1 - o)} = {fmt(d)}"
    if p.activation == "tanh":
        return f"tanh'(z{cell}) = 1 - o{cell}^2 = 1 - {op(o)}^2 = {fmt(d)}"
    if p.activation in ("relu", "leaky_relu"):
        low = "0" if p.activation == "relu" else "0.01"
        side = ">" if z > 0 else "<="
        return (
            f"{SYMBOL[p.activation]}'(z{cell}) = 1 if z{cell} > 0, else {low}; "
            f"z{cell} = {fmt(z)} {side} 0, so {fmt(d)}"
        )
    return f"identity'(z{cell}) = 1"


def explain(p: Params, name: str, fwd: Forward | None = None) -> str:
    """The formula of ``name`` (a parameter, ``z00``, ``o00``, ``s'(z00)``, ``y_hat``, ``MSE``).

    ``"loss"`` names the loss whatever it is; the slope of a cell is ``s'(z00)``, or with the
    chosen activation's name (``relu'(z00)``).
    """
    f = forward(p) if fwd is None else fwd
    if name.startswith("z") and name[1:] in CELLS:
        return z_formula(p, CELLS.index(name[1:]))
    if name.startswith("o") and name[1:] in CELLS:
        c = CELLS.index(name[1:])
        return _activation(p, name[1:], f.z.flat[c], f.o.flat[c])
    if "'(z" in name and name.endswith(")") and name[-3:-1] in CELLS:
        return _slope(p, name[-3:-1], f)
    if name == "y_hat":
        terms = " + ".join(f"{h}*o{c}" for h, c in zip(HEAD, CELLS))
        nums = " + ".join(f"{op(p.head[i])}*{fmt(f.o.flat[i])}" for i in range(4))
        if p.c is not None:
            terms, nums = f"{terms} + c", f"{nums} + {op(p.c)}"
        return f"y_hat = {terms} = {nums} = {fmt(f.y_hat)}"
    if name in ("MSE", "loss", LOSS_SYMBOL[p.loss]):
        return _loss(p, f)
    if name == TARGET:
        return f"yy = {fmt(p.yy)} (the target)"
    return f"{name} = {fmt(p.get(name))}"


def _loss(p: Params, f: Forward) -> str:
    if p.loss == "half_mse":
        return f"L = (1/2)(yy - y_hat)^2 = (1/2)({fmt(p.yy)} - {op(f.y_hat)})^2 = {fmt(f.loss)}"
    if p.loss == "bce_logits":
        return (
            f"BCE = softplus(y_hat) - yy y_hat = log(1 + e^{op(f.y_hat)}) - "
            f"{fmt(p.yy)} x {op(f.y_hat)} = {fmt(f.loss)}"
        )
    return f"MSE = (1/n)(yy - y_hat)^2, n = 1 = ({fmt(p.yy)} - {op(f.y_hat)})^2 = {fmt(f.loss)}"


def explain_factor(factor: Factor, fwd: Forward, p: Params) -> str:
    """One local derivative with its numbers: ``do01/dz01 = s'(z01) = o01 (1 - o01) = ...``."""
    if factor.kind == "dloss_dyhat":
        if p.loss == "half_mse":
            return (
                f"dL/dy_hat = (1/2) x 2(yy - y_hat) x (-1) = -(yy - y_hat) = "
                f"-({fmt(p.yy)} - {op(fwd.y_hat)}) = {fmt(factor.value)}"
            )
        if p.loss == "bce_logits":
            return (
                f"dBCE/dy_hat = e^y_hat / (1 + e^y_hat) - yy = s(y_hat) - yy = "
                f"s({fmt(fwd.y_hat)}) - {fmt(p.yy)} = {fmt(factor.value)}"
            )
        return (
            f"dMSE/dy_hat = (2/n)(yy - y_hat) x (-1) = -2(yy - y_hat) = "
            f"-2({fmt(p.yy)} - {op(fwd.y_hat)}) = {fmt(factor.value)}"
        )
    if factor.kind == "do_dz":
        cell = factor.symbol[2:4]
        return f"{factor.symbol} = " + _slope(p, cell, fwd)
    if factor.equals == "1":  # a bias's own factor
        return f"{factor.symbol} = 1"
    return f"{factor.symbol} = {factor.equals} = {fmt(factor.value)}"
