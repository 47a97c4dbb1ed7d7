"""Backprop paths: the chain-rule terms whose sum is one parameter's gradient.

A kernel weight such as w11 is used once per window position, so it reaches the loss along
four paths, one per conv cell: ``dMSE/dy_hat * dy_hat/do_c * do_c/dz_c * dz_c/dw11``. A head
weight has one path; an input has one path per conv cell whose window covers it (a22 four,
a11 one, a12 two). The conv bias b enters every cell, so it has four paths whose last factor
``dz_c/db`` is 1; the head bias c has one, ``dloss/dy_hat * dy_hat/dc`` with ``dy_hat/dc = 1``.
The products sum to :func:`core.model.gradients`.

The factors follow the network: ``do_c/dz_c`` is the chosen activation's slope (``s'(z00)``
for the homework's sigmoid, ``relu'(z00)`` ...) and the common factor is the chosen loss's
(``-2(yy - y_hat)``, ``-(yy - y_hat)`` or ``s(y_hat) - yy``). A ReLU cell with ``z <= 0`` has
slope exactly 0: every path through it is dead (:attr:`Path.dead`), and :func:`dead_reason`
says why in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .activations import SYMBOL
from .i18n import QT_TRANSLATE_NOOP
from .losses import COMMON, LOSS_SYMBOL
from .model import (
    CELLS,
    CONV_BIAS,
    HEAD,
    HEAD_BIAS,
    INPUTS,
    KERNEL,
    Forward,
    Params,
    forward,
    input_name,
    kernel_name,
    parameters,
)
from .numfmt import fmt


@dataclass(frozen=True)
class Factor:
    """One local derivative along a path.

    ``kind`` is one of ``"dloss_dyhat"``, ``"dyhat_do"``, ``"do_dz"``, ``"dz_dparam"`` or
    ``"dyhat_dparam"``; ``symbol`` is the derivative in the homework's notation, ASCII;
    ``equals`` is what it equals symbolically (``"wa"``, ``"s'(z00)"``, ``"a11"`` ...).
    """

    kind: str
    symbol: str
    equals: str
    value: float


@dataclass(frozen=True)
class Path:
    """One backprop path from the loss to ``param`` through conv cell ``cell``.

    ``cell`` is None only for the head bias, which reaches ``y_hat`` without a conv cell.
    ``dead`` is true when the path passes a ReLU cell with ``z <= 0``: its slope, and so the
    path's value, is exactly 0 whatever the other factors are.
    """

    param: str
    cell: int | None  # index into CELLS: the conv cell (or, for a head weight, the o it multiplies)
    partner: str | None  # the other operand of the conv product (a11 for w11 at cell 00)
    factors: tuple[Factor, ...]
    value: float  # the product of the factors
    dead: bool = False

    @property
    def term(self) -> str:
        """The path's term without the common factor: ``"wa * s'(z00) * a11"``."""
        return " * ".join(f.equals for f in self.factors[1:])

    @property
    def via(self) -> str:
        """The node the path passes: ``"z00"``, or ``"y_hat"`` for the head bias."""
        return "y_hat" if self.cell is None else f"z{CELLS[self.cell]}"


#: Why a path is dead, by activation; ``{cell}`` and ``{z}`` are filled in.
DEAD_REASONS: dict[str, str] = {
    "relu": QT_TRANSLATE_NOOP(
        "Paths",
        "dead: z{cell} = {z} is not above 0, where ReLU is flat, so relu'(z{cell}) = 0 and "
        "this path carries nothing back, whatever the other factors are",
    ),
}


def dead_reason(
    p: Params, path: Path, fwd: Forward | None = None, texts: Mapping[str, str] = DEAD_REASONS
) -> str:
    """Why ``path`` is dead, in words (from ``texts``, translated), or "" when it is not."""
    if not path.dead or path.cell is None:
        return ""
    f = forward(p) if fwd is None else fwd
    template = texts.get(p.activation, DEAD_REASONS[p.activation])
    return template.format(cell=CELLS[path.cell], z=fmt(f.z_cells[path.cell]))


def common_factor(p: Params, fwd: Forward) -> Factor:
    """``dloss/dy_hat``, the first factor of every path."""
    symbol = f"d{LOSS_SYMBOL[p.loss]}/dy_hat"
    return Factor("dloss_dyhat", symbol, COMMON[p.loss], fwd.dloss_dyhat)


def _head_factors(c: int, fwd: Forward, p: Params) -> tuple[Factor, Factor]:
    cell = CELLS[c]
    return (
        Factor("dyhat_do", f"dy_hat/do{cell}", HEAD[c], float(p.head[c])),
        Factor("do_dz", f"do{cell}/dz{cell}", f"{SYMBOL[p.activation]}'(z{cell})", fwd.ds_cells[c]),
    )


def _dead(p: Params, fwd: Forward, c: int) -> bool:
    return p.activation == "relu" and fwd.ds_cells[c] == 0.0


def paths(p: Params, param: str = "w11", fwd: Forward | None = None) -> tuple[Path, ...]:
    """Every backprop path from the loss to ``param``, in conv-cell order."""
    if param not in parameters(p):
        raise KeyError(f"{param!r} has no gradient; choose one of {', '.join(parameters(p))}")
    f = forward(p) if fwd is None else fwd
    common = common_factor(p, f)
    out: list[tuple[int | None, str | None, tuple[Factor, ...]]] = []
    if param in HEAD:
        c = HEAD.index(param)
        i, j = divmod(c, 2)
        last = Factor("dyhat_dparam", f"dy_hat/d{param}", f"o{CELLS[c]}", float(f.o[i, j]))
        out.append((c, None, (common, last)))
    elif param == HEAD_BIAS:
        out.append((None, None, (common, Factor("dyhat_dparam", "dy_hat/dc", "1", 1.0))))
    elif param == CONV_BIAS:
        for c in range(4):
            last = Factor("dz_dparam", f"dz{CELLS[c]}/db", "1", 1.0)
            out.append((c, None, (common, *_head_factors(c, f, p), last)))
    elif param in KERNEL:
        k, m = divmod(KERNEL.index(param), 2)
        for c in range(4):
            i, j = divmod(c, 2)
            partner = input_name(i + k, j + m)
            last = Factor("dz_dparam", f"dz{CELLS[c]}/d{param}", partner, float(p.a[i + k, j + m]))
            out.append((c, partner, (common, *_head_factors(c, f, p), last)))
    else:
        r, s = divmod(INPUTS.index(param), 3)
        for c in range(4):
            i, j = divmod(c, 2)
            k, m = r - i, s - j
            if 0 <= k <= 1 and 0 <= m <= 1:
                partner = kernel_name(k, m)
                last = Factor("dz_dparam", f"dz{CELLS[c]}/d{param}", partner, float(p.w[k, m]))
                out.append((c, partner, (common, *_head_factors(c, f, p), last)))
    result = []
    for cell, via, factors in out:
        value = 1.0
        for factor in factors:
            value *= factor.value
        dead = cell is not None and len(factors) > 2 and _dead(p, f, cell)
        result.append(Path(param, cell, via, factors, value, dead))
    return tuple(result)
