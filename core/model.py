"""The homework network and its variants: the forward pass and the gradients.

A 3x3 input ``a11..a33`` is cross-correlated (valid, stride 1) with a 2x2 kernel
``w11 w12 / w21 w22`` into four conv cells ``z00 z01 / z10 z11``; each goes through a
sigmoid, ``o = s(z)``; a linear head gives ``y_hat = wa o00 + wb o01 + wc o10 + wd o11``;
the loss is ``MSE = (yy - y_hat)^2`` (n = 1). There are no biases.

That is the homework; a :class:`Params` may choose another network, and every function here
follows it: another activation ``o = f(z)`` (:mod:`core.activations`), a conv bias ``b`` added
to each cell (``z_ij = window . w + b``), a head bias ``c`` added to ``y_hat``, another loss
(:mod:`core.losses`); the loss along one value is in :mod:`core.loss_along`. For the
homework's network every number is what it always was, bit for bit: a bias that is absent is
not added at all, and the sigmoid and MSE are the same arithmetic.

Everything here is float64: plain Python floats for one state, numpy for many. Functions
never mutate their inputs; results are frozen dataclasses, read-only arrays and read-only
mappings. The values themselves, their names and :class:`Params` live in :mod:`core.params`
and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TypeAlias

import numpy as np
from numpy.typing import ArrayLike

from .activations import PAIRS, Pair, sigmoid_in_place, sigmoid_pair
from .losses import LOSS_PAIRS
from .params import (
    ALL_PARAMETERS,
    BIASES,
    CELLS,
    CONV_BIAS,
    EDITABLE,
    HEAD,
    HEAD_BIAS,
    INPUTS,
    KERNEL,
    MAX_ABS_VALUE,
    PARAMETERS,
    TARGET,
    FloatArray,
    ParamFields,
    Params,
    check_target,
    check_value,
    editable,
    frozen,
    input_name,
    kernel_name,
    parameters,
    window,
)

__all__ = [
    "ALL_PARAMETERS",
    "BIASES",
    "BRACKETS",
    "CELLS",
    "CONV_BIAS",
    "EDITABLE",
    "HEAD_BIAS",
    "HEAD",
    "INPUTS",
    "KERNEL",
    "MAX_ABS_VALUE",
    "PARAMETERS",
    "TARGET",
    "WINDOWS",
    "Cells",
    "FloatArray",
    "Forward",
    "ParamFields",
    "Params",
    "check_target",
    "check_value",
    "editable",
    "evaluate",
    "flat",
    "forward",
    "gradients",
    "input_name",
    "kernel_name",
    "loss_and_gradient",
    "network",
    "parameters",
    "sigmoid",
    "sigmoid_prime",
    "slopes",
    "window",
]


def sigmoid(z: ArrayLike) -> FloatArray:
    """Logistic sigmoid, stable for every finite ``z`` (no overflow, no NaN).

    ``1 / (1 + e)`` where ``z >= 0`` and ``e / (1 + e)`` elsewhere, with ``e = exp(-|z|)``
    (in (0, 1], so it cannot overflow): the numerator is ``max(e, z >= 0)``, one pass with no
    branch per element, the same bits as choosing between the two quotients.
    """
    x = np.array(z, dtype=np.float64)
    with np.errstate(under="ignore"):  # e rounding to 0 in the tails is the right answer
        return sigmoid_in_place(x, np.empty_like(x))


def sigmoid_prime(z: ArrayLike) -> FloatArray:
    """``s'(z) = s(z)(1 - s(z))``, written as ``e / (1 + e)^2`` with ``e = exp(-|z|)``.

    The direct product loses every digit once ``s(z)`` rounds to 1; this form keeps full
    relative precision in the tails and is exactly symmetric.
    """
    x = np.asarray(z, dtype=np.float64)
    with np.errstate(under="ignore"):
        e = np.exp(-np.abs(x))
        return e / ((1.0 + e) * (1.0 + e))


#: Four floats, one per conv cell in :data:`CELLS` order.
Cells: TypeAlias = tuple[float, float, float, float]


@dataclass(frozen=True)
class Forward:
    """The forward pass of one :class:`Params`.

    ``z_cells``, ``o_cells`` and ``ds_cells`` hold each conv cell's ``z``, ``o = f(z)`` and
    ``f'(z)`` (the activation's slope) as plain floats, in cell order: the gradients and a
    descent step read these. ``z``, ``o`` and ``ds`` are the same values as read-only 2x2
    arrays, built when first asked for.
    """

    z_cells: Cells
    o_cells: Cells
    ds_cells: Cells  # f'(z): for the sigmoid s'(z) = o (1 - o)
    y_hat: float
    loss: float
    dloss_dyhat: float  # for MSE -2 (yy - y_hat)

    @property
    def z(self) -> FloatArray:
        return self._arrays[0]

    @property
    def o(self) -> FloatArray:
        return self._arrays[1]

    @property
    def ds(self) -> FloatArray:
        return self._arrays[2]

    @cached_property
    def _arrays(self) -> tuple[FloatArray, FloatArray, FloatArray]:
        """``z``, ``o`` and ``ds``: read-only views of one (3, 2, 2) array."""
        stacked = frozen(self.z_cells + self.o_cells + self.ds_cells, (3, 2, 2))
        return stacked[0], stacked[1], stacked[2]


def flat(p: Params) -> tuple[list[float], list[float], list[float]]:
    """``p``'s input (9, row-major), kernel (4, row-major) and head (4) as plain floats."""
    return p.a.ravel().tolist(), p.w.ravel().tolist(), p.head.tolist()


def network(p: Params) -> tuple[Pair, float | None, float | None]:
    """``p``'s activation (``z -> (f(z), f'(z))``) and biases, as :func:`evaluate` takes them."""
    return PAIRS[p.activation], p.b, p.c


def evaluate(
    a: Sequence[float],
    w: Sequence[float],
    head: Sequence[float],
    act: Pair = sigmoid_pair,
    b: float | None = None,
    c: float | None = None,
) -> tuple[Cells, Cells, Cells, float]:
    """The forward pass in plain floats: ``(z, o, f'(z), y_hat)``, from :func:`flat` values.

    ``act`` is the activation with its slope, ``b`` and ``c`` the biases (None: absent, and not
    added at all). One state is small enough that plain floats beat numpy's per-call cost
    many times over. Every caller that needs one state's values (the forward pass, the
    gradients, a descent step) goes through here, so they all get the same bits.
    """
    a11, a12, a13, a21, a22, a23, a31, a32, a33 = a
    w11, w12, w21, w22 = w
    z00 = a11 * w11 + a12 * w12 + a21 * w21 + a22 * w22
    z01 = a12 * w11 + a13 * w12 + a22 * w21 + a23 * w22
    z10 = a21 * w11 + a22 * w12 + a31 * w21 + a32 * w22
    z11 = a22 * w11 + a23 * w12 + a32 * w21 + a33 * w22
    if b is not None:
        z00, z01, z10, z11 = z00 + b, z01 + b, z10 + b, z11 + b
    o00, d00 = act(z00)
    o01, d01 = act(z01)
    o10, d10 = act(z10)
    o11, d11 = act(z11)
    wa, wb, wc, wd = head
    y_hat = wa * o00 + wb * o01 + wc * o10 + wd * o11
    if c is not None:
        y_hat = y_hat + c
    return (z00, z01, z10, z11), (o00, o01, o10, o11), (d00, d01, d10, d11), y_hat


def slopes(head: Sequence[float], ds: Cells) -> Cells:
    """``dy_hat/dz`` per cell: the head weight times ``f'(z)``."""
    return head[0] * ds[0], head[1] * ds[1], head[2] * ds[2], head[3] * ds[3]


#: ``(a, w, o, dz) -> float``: one parameter's bracket from :func:`flat` values.
Bracket = Callable[[Sequence[float], Sequence[float], Cells, Cells], float]

#: The bracket of each parameter, in :data:`PARAMETERS` order and then the biases: its
#: gradient divided by ``dloss/dy_hat``. ``a`` is the flat input (``a[0]`` is a11, ``a[4]`` is
#: a22), ``w`` the flat kernel, ``o`` the activations and ``dz`` the :func:`slopes`. A conv
#: weight, an input or the conv bias sums over the cells it enters, in cell order, starting
#: from 0.0 (so that a bracket of zero is +0.0, never -0.0); ``dy_hat/dc`` is 1.
BRACKETS: dict[str, Bracket] = {
    "w11": lambda a, w, o, dz: 0.0 + dz[0] * a[0] + dz[1] * a[1] + dz[2] * a[3] + dz[3] * a[4],
    "w12": lambda a, w, o, dz: 0.0 + dz[0] * a[1] + dz[1] * a[2] + dz[2] * a[4] + dz[3] * a[5],
    "w21": lambda a, w, o, dz: 0.0 + dz[0] * a[3] + dz[1] * a[4] + dz[2] * a[6] + dz[3] * a[7],
    "w22": lambda a, w, o, dz: 0.0 + dz[0] * a[4] + dz[1] * a[5] + dz[2] * a[7] + dz[3] * a[8],
    "wa": lambda a, w, o, dz: o[0],
    "wb": lambda a, w, o, dz: o[1],
    "wc": lambda a, w, o, dz: o[2],
    "wd": lambda a, w, o, dz: o[3],
    "a11": lambda a, w, o, dz: 0.0 + dz[0] * w[0],
    "a12": lambda a, w, o, dz: 0.0 + dz[0] * w[1] + dz[1] * w[0],
    "a13": lambda a, w, o, dz: 0.0 + dz[1] * w[1],
    "a21": lambda a, w, o, dz: 0.0 + dz[0] * w[2] + dz[2] * w[0],
    "a22": lambda a, w, o, dz: 0.0 + dz[0] * w[3] + dz[1] * w[2] + dz[2] * w[1] + dz[3] * w[0],
    "a23": lambda a, w, o, dz: 0.0 + dz[1] * w[3] + dz[3] * w[1],
    "a31": lambda a, w, o, dz: 0.0 + dz[2] * w[2],
    "a32": lambda a, w, o, dz: 0.0 + dz[2] * w[3] + dz[3] * w[2],
    "a33": lambda a, w, o, dz: 0.0 + dz[3] * w[3],
    CONV_BIAS: lambda a, w, o, dz: 0.0 + dz[0] + dz[1] + dz[2] + dz[3],
    HEAD_BIAS: lambda a, w, o, dz: 1.0,
}


def forward(p: Params) -> Forward:
    """The forward pass: conv cells, activations, prediction and loss.

    Plain floats (see :func:`evaluate`); :func:`loss_along` is the numpy form for many states
    at once.
    """
    z, o, ds, y_hat = evaluate(*flat(p), *network(p))
    loss, dloss = LOSS_PAIRS[p.loss](p.yy, y_hat)
    return Forward(z, o, ds, y_hat, loss, dloss)


def gradients(p: Params, fwd: Forward | None = None) -> Mapping[str, float]:
    """``dloss/d(name)`` for every name in :func:`parameters` (a fresh read-only mapping).

    Each gradient is the common factor ``dloss/dy_hat`` times a bracket summed over the conv
    cells, as in the homework; the bracket is finite for every valid ``Params``, so the
    result is finite or, when the true value exceeds float64, +-inf, never NaN.
    """
    f = forward(p) if fwd is None else fwd
    a, w, head = flat(p)
    o, dz, dl = f.o_cells, slopes(head, f.ds_cells), f.dloss_dyhat
    return MappingProxyType({n: dl * BRACKETS[n](a, w, o, dz) for n in parameters(p)})


def loss_and_gradient(p: Params, name: str) -> tuple[float, float, Cells]:
    """``(loss, dloss/d(name), f'(z) per cell)``: what one descent step needs, and no more.

    The same arithmetic as :func:`forward` and :func:`gradients`, bit for bit.
    """
    if not p.has(name) or name == TARGET:
        raise KeyError(f"{name!r} has no gradient in this network")
    a, w, head = flat(p)
    _, o, ds, y_hat = evaluate(a, w, head, *network(p))
    loss, dloss = LOSS_PAIRS[p.loss](p.yy, y_hat)
    return loss, dloss * BRACKETS[name](a, w, o, slopes(head, ds)), ds


#: The :func:`flat` input indices each conv cell sees, in kernel order (w11, w12, w21, w22).
WINDOWS = ((0, 1, 3, 4), (1, 2, 4, 5), (3, 4, 6, 7), (4, 5, 7, 8))
