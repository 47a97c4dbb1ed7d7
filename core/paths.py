"""Backprop paths: the chain-rule terms whose sum is one parameter's gradient.

A kernel weight such as w11 is used once per window position, so it reaches the loss along
four paths, one per conv cell: ``dMSE/dy_hat * dy_hat/do_c * do_c/dz_c * dz_c/dw11``. A head
weight has one path; an input has one path per conv cell whose window covers it (a22 four,
a11 one, a12 two). The products sum to :func:`core.model.gradients`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import (
    CELLS,
    HEAD,
    INPUTS,
    KERNEL,
    PARAMETERS,
    Forward,
    Params,
    forward,
    input_name,
    kernel_name,
)


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
    """One backprop path from the loss to ``param`` through conv cell ``cell``."""

    param: str
    cell: int  # index into CELLS: the conv cell (or, for a head weight, the o it multiplies)
    partner: str | None  # the other operand of the conv product (a11 for w11 at cell 00)
    factors: tuple[Factor, ...]
    value: float  # the product of the factors

    @property
    def term(self) -> str:
        """The path's term without the common factor: ``"wa * s'(z00) * a11"``."""
        return " * ".join(f.equals for f in self.factors[1:])


def _head_factors(c: int, fwd: Forward, p: Params) -> tuple[Factor, Factor]:
    cell = CELLS[c]
    i, j = divmod(c, 2)
    return (
        Factor("dyhat_do", f"dy_hat/do{cell}", HEAD[c], float(p.head[c])),
        Factor("do_dz", f"do{cell}/dz{cell}", f"s'(z{cell})", float(fwd.ds[i, j])),
    )


def paths(p: Params, param: str = "w11", fwd: Forward | None = None) -> tuple[Path, ...]:
    """Every backprop path from the loss to ``param``, in conv-cell order."""
    if param not in PARAMETERS:
        raise KeyError(f"{param!r} has no gradient; choose one of {', '.join(PARAMETERS)}")
    f = forward(p) if fwd is None else fwd
    common = Factor("dloss_dyhat", "dMSE/dy_hat", "-2(yy - y_hat)", f.dloss_dyhat)
    out: list[tuple[int, str | None, tuple[Factor, ...]]] = []
    if param in HEAD:
        c = HEAD.index(param)
        i, j = divmod(c, 2)
        last = Factor("dyhat_dparam", f"dy_hat/d{param}", f"o{CELLS[c]}", float(f.o[i, j]))
        out.append((c, None, (common, last)))
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
    for c, via, factors in out:
        value = 1.0
        for factor in factors:
            value *= factor.value
        result.append(Path(param, c, via, factors, value))
    return tuple(result)
