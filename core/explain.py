"""Every value of the network as a formula with its numbers substituted.

Used by the text report and by the tooltips: ``explain(p, "o01")`` gives
``"o01 = s(z01) = 1 / (1 + e^-z01) = 1 / (1 + e^-1.5) = 0.8176"``.
"""

from __future__ import annotations

from .model import CELLS, HEAD, KERNEL, TARGET, Forward, Params, forward, window
from .numfmt import fmt
from .numfmt import fmt_operand as op
from .paths import Factor


def z_formula(p: Params, c: int) -> str:
    """``z00 = a11*w11 + ... = 1*0.4 + ... = 1.35``."""
    names = window(c)
    f = forward(p)
    symbols = " + ".join(f"{a}*{w}" for a, w in zip(names, KERNEL))
    numbers = " + ".join(f"{op(p.get(a))}*{op(p.get(w))}" for a, w in zip(names, KERNEL))
    return f"z{CELLS[c]} = {symbols} = {numbers} = {fmt(f.z.flat[c])}"


def explain(p: Params, name: str, fwd: Forward | None = None) -> str:
    """The formula of ``name`` (a parameter, ``z00``, ``o00``, ``s'(z00)``, ``y_hat``, ``MSE``)."""
    f = forward(p) if fwd is None else fwd
    if name.startswith("z") and name[1:] in CELLS:
        return z_formula(p, CELLS.index(name[1:]))
    if name.startswith("o") and name[1:] in CELLS:
        c = CELLS.index(name[1:])
        z = f.z.flat[c]
        return (
            f"{name} = s(z{name[1:]}) = 1 / (1 + e^-z{name[1:]}) = 1 / (1 + e^-{op(z)}) = "
            + fmt(f.o.flat[c])
        )
    if name.startswith("s'(z"):
        cell = name[4:6]
        c = CELLS.index(cell)
        o = f.o.flat[c]
        return (
            f"s'(z{cell}) = o{cell} (1 - o{cell}) = {fmt(o)} x {fmt(1 - o)} = {fmt(f.ds.flat[c])}"
        )
    if name == "y_hat":
        terms = " + ".join(f"{h}*o{c}" for h, c in zip(HEAD, CELLS))
        nums = " + ".join(f"{op(p.head[i])}*{fmt(f.o.flat[i])}" for i in range(4))
        return f"y_hat = {terms} = {nums} = {fmt(f.y_hat)}"
    if name in ("MSE", "loss"):
        return f"MSE = (1/n)(yy - y_hat)^2, n = 1 = ({fmt(p.yy)} - {op(f.y_hat)})^2 = {fmt(f.loss)}"
    if name == TARGET:
        return f"yy = {fmt(p.yy)} (the target)"
    return f"{name} = {fmt(p.get(name))}"


def explain_factor(factor: Factor, fwd: Forward, p: Params) -> str:
    """One local derivative with its numbers: ``do01/dz01 = s'(z01) = o01 (1 - o01) = ...``."""
    if factor.kind == "dloss_dyhat":
        return (
            f"dMSE/dy_hat = (2/n)(yy - y_hat) x (-1) = -2(yy - y_hat) = "
            f"-2({fmt(p.yy)} - {op(fwd.y_hat)}) = {fmt(factor.value)}"
        )
    if factor.kind == "do_dz":
        cell = factor.symbol[2:4]
        o = fwd.o.flat[CELLS.index(cell)]
        return (
            f"{factor.symbol} = s'(z{cell}) = o{cell} (1 - o{cell}) = "
            f"{fmt(o)} x {fmt(1 - o)} = {fmt(factor.value)}"
        )
    return f"{factor.symbol} = {factor.equals} = {fmt(factor.value)}"
