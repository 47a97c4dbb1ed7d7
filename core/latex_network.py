"""The parts of the derivation's LaTeX that depend on the network: activation, loss, biases.

For the homework's network (sigmoid, MSE, no bias) every function here returns exactly the
LaTeX the derivation always had; :mod:`core.latex` assembles the steps from them. Pure Python.
"""

from __future__ import annotations

from .activations import SYMBOL
from .latex_numbers import num, operand
from .model import Forward, Params

#: The common factor dloss/dy_hat, written out, by loss.
COMMON_TEX = {
    "mse": r"{-2}(yy-\hat{y})",
    "half_mse": r"{-}(yy-\hat{y})",
    "bce_logits": r"\bigl(\sigma(\hat{y})-yy\bigr)",
}
#: The loss's name in formulas, by its symbol in core.losses.LOSS_SYMBOL.
LOSS_TEX = {"MSE": r"\mathrm{MSE}", "L": "L", "BCE": r"\mathrm{BCE}"}
#: Each activation as an operator, by its symbol in core.activations.SYMBOL.
ACT_TEX = {
    "s": r"\sigma",
    "tanh": r"\tanh",
    "relu": r"\mathrm{relu}",
    "leaky_relu": r"\mathrm{leaky\_relu}",
    "identity": r"\mathrm{id}",
}
_BY_SYMBOL = {v: k for k, v in SYMBOL.items()}


def slope_name(equals: str) -> tuple[str, str]:
    """``"relu'(z01)" -> ("relu", "01")``: the activation and cell of a slope's name."""
    return _BY_SYMBOL[equals.split("'")[0]], equals[-3:-1]


def slope_sym(equals: str) -> str:
    r"""A slope's name as LaTeX: ``s'(z00) -> \sigma'(z_{00})``."""
    act, cell = slope_name(equals)
    return rf"{ACT_TEX[SYMBOL[act]]}'(z_{{{cell}}})"


def slope_equals(equals: str, factor: bool = False) -> str:
    """What a cell's slope equals, symbolically (the sigmoid's in terms of itself); a
    ``factor`` of a product is bracketed where it is a difference (tanh's)."""
    act, cell = slope_name(equals)
    if act == "sigmoid":
        return rf"\sigma(z_{{{cell}}})\bigl(1-\sigma(z_{{{cell}}})\bigr)"
    if act == "tanh":
        return _bracketed(rf"1-\tanh^2(z_{{{cell}}})", factor)
    if act == "identity":
        return "1"
    return slope_sym(equals)


def slope_number(
    equals: str, value: float, fwd: Forward, cells: tuple[str, ...], factor: bool = False
) -> str:
    """A cell's slope with its numbers: ``o(1 - o)`` for the sigmoid, ``1 - o^2`` for tanh
    (bracketed as a ``factor`` of a product)."""
    act, cell = slope_name(equals)
    o = float(fwd.o.flat[cells.index(cell)])
    if act == "sigmoid":
        return rf"{num(o)}\,(1-{num(o)})"
    if act == "tanh":
        return _bracketed(rf"1-{operand(o)}^2", factor)
    return operand(value)


def _bracketed(tex: str, factor: bool) -> str:
    return rf"\bigl({tex}\bigr)" if factor else tex


def slope_reason(equals: str, fwd: Forward, cells: tuple[str, ...]) -> str:
    """For a ReLU or leaky ReLU, the side of 0 the cell is on: ``\\quad (z_{00} = 0.85 > 0)``."""
    act, cell = slope_name(equals)
    if act not in ("relu", "leaky_relu"):
        return ""
    z = float(fwd.z.flat[cells.index(cell)])
    side = ">" if z > 0 else r"\le"
    return rf"\quad (z_{{{cell}}} = {num(z)} {side} 0)"


def activation_row(p: Params, cell: str, z: float, o: float) -> str:
    """``o_{00} &= f(z_{00}) = ... = number`` for the chosen activation."""
    if p.activation == "sigmoid":
        return (
            rf"o_{{{cell}}} &= \sigma(z_{{{cell}}}) = \frac{{1}}{{1+e^{{-z_{{{cell}}}}}}}"
            rf" = \frac{{1}}{{1+e^{{-{operand(z)}}}}} = {num(o)}"
        )
    if p.activation == "tanh":
        return rf"o_{{{cell}}} &= \tanh(z_{{{cell}}}) = \tanh({num(z)}) = {num(o)}"
    if p.activation == "relu":
        return rf"o_{{{cell}}} &= \max(z_{{{cell}}}, 0) = \max({num(z)}, 0) = {num(o)}"
    if p.activation == "leaky_relu":
        return (
            rf"o_{{{cell}}} &= \max(z_{{{cell}}}, 0.01\,z_{{{cell}}})"
            rf" = \max({num(z)}, 0.01\times{operand(z)}) = {num(o)}"
        )
    return rf"o_{{{cell}}} &= z_{{{cell}}} = {num(o)}"


def slope_rule(p: Params) -> str | None:
    """The activation's derivative in general (the homework's sigmoid row), or None."""
    if p.activation == "sigmoid":
        return (
            r"o = \sigma(z) = \frac{1}{1+e^{-z}} \;\Rightarrow\; \frac{\partial o}{\partial z}"
            r" = \frac{e^{-z}}{(1+e^{-z})^2} = \sigma(z)\bigl(1-\sigma(z)\bigr)"
        )
    if p.activation == "tanh":
        return (
            r"o = \tanh(z) \;\Rightarrow\; \frac{\partial o}{\partial z} = 1-\tanh^2(z)"
            r" = 1-o^2"
        )
    if p.activation == "relu":
        return (
            r"o = \max(z, 0) \;\Rightarrow\; \frac{\partial o}{\partial z} = 1"
            r" \text{ if } z > 0, \text{ else } 0"
        )
    if p.activation == "leaky_relu":
        return (
            r"o = \max(z, 0.01\,z) \;\Rightarrow\; \frac{\partial o}{\partial z} = 1"
            r" \text{ if } z > 0, \text{ else } 0.01"
        )
    return r"o = z \;\Rightarrow\; \frac{\partial o}{\partial z} = 1"


def loss_row(p: Params, fwd: Forward) -> str:
    """The loss with its numbers (the homework's MSE row for MSE)."""
    if p.loss == "half_mse":
        return (
            rf"L = \frac{{1}}{{2}}(yy-\hat{{y}})^2"
            rf" = \frac{{1}}{{2}}({num(p.yy)} - {operand(fwd.y_hat)})^2 = {num(fwd.loss)}"
        )
    if p.loss == "bce_logits":
        return (
            r"\mathrm{BCE} = \log\bigl(1+e^{\hat{y}}\bigr) - yy\,\hat{y}"
            rf" = \log\bigl(1+e^{{{num(fwd.y_hat)}}}\bigr) - {num(p.yy)}\times{operand(fwd.y_hat)}"
            rf" = {num(fwd.loss)}"
        )
    return (
        rf"\mathrm{{MSE}} = \frac{{1}}{{n}}(yy-\hat{{y}})^2"
        rf" = ({num(p.yy)} - {operand(fwd.y_hat)})^2 = {num(fwd.loss)}, \quad n = 1"
    )


def dloss_rows(p: Params, fwd: Forward, value: str) -> list[str]:
    """The derivative of the loss in y_hat, step by step, ending in ``value`` (LaTeX)."""
    y = operand(fwd.y_hat)
    if p.loss == "half_mse":
        return [
            r"L &= \frac{1}{2}(yy-\hat{y})^2",
            r"\Rightarrow \frac{\partial L}{\partial \hat{y}} &= \frac{1}{2}\times 2(yy-\hat{y})"
            r" \times ({-1}) = {-}(yy-\hat{y})",
            rf"&= {{-}}({num(p.yy)} - {y}) = {value}",
        ]
    if p.loss == "bce_logits":
        return [
            r"\mathrm{BCE} &= \log\bigl(1+e^{\hat{y}}\bigr) - yy\,\hat{y}",
            r"\Rightarrow \frac{\partial \mathrm{BCE}}{\partial \hat{y}} &= "
            r"\frac{e^{\hat{y}}}{1+e^{\hat{y}}} - yy = \sigma(\hat{y})-yy",
            rf"&= \sigma({num(fwd.y_hat)}) - {num(p.yy)} = {value}",
        ]
    return [
        r"\mathrm{MSE} &= \frac{1}{n}(yy-\hat{y})^2, \quad n = 1",
        r"\Rightarrow \frac{\partial \mathrm{MSE}}{\partial \hat{y}} &= "
        r"\frac{\partial}{\partial (yy-\hat{y})}\frac{1}{n}(yy-\hat{y})^2"
        r" \times \frac{\partial}{\partial \hat{y}}(yy-\hat{y})",
        r"&= \frac{2}{n}(yy-\hat{y}) \times ({-1}) = {-2}(yy-\hat{y})",
        rf"&= {{-2}}\,({num(p.yy)} - {y}) = {value}",
    ]
