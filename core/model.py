"""The homework network: forward pass, gradients, and the loss along one value.

A 3x3 input ``a11..a33`` is cross-correlated (valid, stride 1) with a 2x2 kernel
``w11 w12 / w21 w22`` into four conv cells ``z00 z01 / z10 z11``; each goes through a
sigmoid, ``o = s(z)``; a linear head gives ``y_hat = wa o00 + wb o01 + wc o10 + wd o11``;
the loss is ``MSE = (yy - y_hat)^2`` (n = 1). There are no biases.

Everything here is float64: plain Python floats for one state, numpy for many. Functions
never mutate their inputs; results are frozen dataclasses, read-only arrays and read-only
mappings. The values themselves, their names and :class:`Params` live in :mod:`core.params`
and are re-exported here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, reduce
from types import MappingProxyType
from typing import TypeAlias

import numpy as np
from numpy.typing import ArrayLike

from .params import (
    CELLS,
    EDITABLE,
    HEAD,
    INPUTS,
    KERNEL,
    MAX_ABS_VALUE,
    PARAMETERS,
    TARGET,
    FloatArray,
    ParamFields,
    Params,
    check_value,
    frozen,
    input_name,
    kernel_name,
    locate,
    window,
)

__all__ = [
    "BRACKETS",
    "CELLS",
    "EDITABLE",
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
    "check_value",
    "evaluate",
    "flat",
    "forward",
    "gradients",
    "input_name",
    "kernel_name",
    "loss_along",
    "loss_and_gradient",
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
        return _sigmoid_in_place(x, np.empty_like(x))


def _sigmoid_in_place(x: FloatArray, scratch: FloatArray) -> FloatArray:
    """:func:`sigmoid` of ``x``, written over ``x``; ``scratch`` (same shape) is overwritten."""
    step = x >= 0
    e = np.exp(np.negative(np.abs(x, out=x), out=x), out=scratch)
    np.maximum(e, step, out=x)
    return np.divide(x, np.add(e, 1.0, out=e), out=x)


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

    ``z_cells``, ``o_cells`` and ``ds_cells`` hold each conv cell's value as a plain float, in
    cell order: the gradients and a descent step read these. ``z``, ``o`` and ``ds`` are the
    same values as read-only 2x2 arrays, built when first asked for.
    """

    z_cells: Cells
    o_cells: Cells
    ds_cells: Cells  # s'(z) = o (1 - o)
    y_hat: float
    loss: float
    dloss_dyhat: float  # -2 (yy - y_hat)

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


def _sig(z: float) -> tuple[float, float]:
    """``(s(z), s'(z))`` in plain floats, stable like :func:`sigmoid` and :func:`sigmoid_prime`."""
    e = math.exp(-abs(z))  # in [0, 1]: cannot overflow
    return (1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)), e / ((1.0 + e) * (1.0 + e))


def flat(p: Params) -> tuple[list[float], list[float], list[float]]:
    """``p``'s input (9, row-major), kernel (4, row-major) and head (4) as plain floats."""
    return p.a.ravel().tolist(), p.w.ravel().tolist(), p.head.tolist()


def evaluate(
    a: Sequence[float], w: Sequence[float], head: Sequence[float]
) -> tuple[Cells, Cells, Cells, float]:
    """The forward pass in plain floats: ``(z, o, s'(z), y_hat)``, from :func:`flat` values.

    One state is small enough that plain floats beat numpy's per-call cost many times over.
    Every caller that needs one state's values (the forward pass, the gradients, a descent
    step) goes through here, so they all get the same bits.
    """
    a11, a12, a13, a21, a22, a23, a31, a32, a33 = a
    w11, w12, w21, w22 = w
    z00 = a11 * w11 + a12 * w12 + a21 * w21 + a22 * w22
    z01 = a12 * w11 + a13 * w12 + a22 * w21 + a23 * w22
    z10 = a21 * w11 + a22 * w12 + a31 * w21 + a32 * w22
    z11 = a22 * w11 + a23 * w12 + a32 * w21 + a33 * w22
    o00, d00 = _sig(z00)
    o01, d01 = _sig(z01)
    o10, d10 = _sig(z10)
    o11, d11 = _sig(z11)
    wa, wb, wc, wd = head
    y_hat = wa * o00 + wb * o01 + wc * o10 + wd * o11
    return (z00, z01, z10, z11), (o00, o01, o10, o11), (d00, d01, d10, d11), y_hat


def slopes(head: Sequence[float], ds: Cells) -> Cells:
    """``dy_hat/dz`` per cell: the head weight times ``s'(z)``."""
    return head[0] * ds[0], head[1] * ds[1], head[2] * ds[2], head[3] * ds[3]


#: ``(a, w, o, dz) -> float``: one parameter's bracket from :func:`flat` values.
Bracket = Callable[[Sequence[float], Sequence[float], Cells, Cells], float]

#: The homework's bracket of each parameter, in :data:`PARAMETERS` order: its gradient
#: divided by ``dMSE/dy_hat``. ``a`` is the flat input (``a[0]`` is a11, ``a[4]`` is a22),
#: ``w`` the flat kernel, ``o`` the activations and ``dz`` the :func:`slopes`. A conv weight
#: or an input sums over the cells it enters, in cell order, starting from 0.0 (so that a
#: bracket of zero is +0.0, never -0.0).
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
}


def forward(p: Params) -> Forward:
    """The forward pass: conv cells, sigmoids, prediction and loss.

    Plain floats (see :func:`evaluate`); :func:`loss_along` is the numpy form for many states
    at once.
    """
    z, o, ds, y_hat = evaluate(*flat(p))
    err = p.yy - y_hat
    return Forward(z, o, ds, y_hat, err * err, -2.0 * err)


def gradients(p: Params, fwd: Forward | None = None) -> Mapping[str, float]:
    """``dMSE/d(name)`` for every name in :data:`PARAMETERS` (a fresh read-only mapping).

    Each gradient is the common factor ``dMSE/dy_hat`` times a bracket summed over the conv
    cells, as in the homework; the bracket is finite for every valid ``Params``, so the
    result is finite or, when the true value exceeds float64, +-inf, never NaN.
    """
    f = forward(p) if fwd is None else fwd
    a, w, head = flat(p)
    o, dz, dl = f.o_cells, slopes(head, f.ds_cells), f.dloss_dyhat
    return MappingProxyType({n: dl * bracket(a, w, o, dz) for n, bracket in BRACKETS.items()})


def loss_and_gradient(p: Params, name: str) -> tuple[float, float, Cells]:
    """``(MSE, dMSE/d(name), s'(z) per cell)``: what one descent step needs, and no more.

    The same arithmetic as :func:`forward` and :func:`gradients`, bit for bit.
    """
    a, w, head = flat(p)
    _, o, ds, y_hat = evaluate(a, w, head)
    err = p.yy - y_hat
    return err * err, -2.0 * err * BRACKETS[name](a, w, o, slopes(head, ds)), ds


#: The :func:`flat` input indices each conv cell sees, in kernel order (w11, w12, w21, w22).
WINDOWS = ((0, 1, 3, 4), (1, 2, 4, 5), (3, 4, 6, 7), (4, 5, 7, 8))


def _add(total: float | FloatArray, t: float | FloatArray) -> float | FloatArray:
    """``total + t``, taken into whichever of them is an array (always a scratch row here)."""
    if isinstance(total, np.ndarray):
        return np.add(total, t, out=total)
    if isinstance(t, np.ndarray):
        return np.add(t, total, out=t)
    return total + t


def loss_along(p: Params, name: str, values: ArrayLike) -> FloatArray:
    """The loss with ``name`` set to each of ``values`` and all else fixed: one numpy pass.

    Only ``name`` varies, so every conv product, sigmoid and head term it does not enter is
    computed once in plain floats, and only those it enters are arrays: a conv cell at a time,
    in scratch rows made once, with ``y_hat`` summed as the cells come (a 4 x N array, or a
    temporary per operation, costs more: the allocator hands that memory back to the system
    and faults it in again on every call). Every sum is taken term by term in
    :func:`evaluate`'s order, so for a head weight or the target each value is bit for bit
    ``forward(p.with_value(name, v)).loss``. For a kernel weight or an input a value differs
    only where numpy's exp rounds differently from ``math.exp`` (by 1 ulp, for about one
    argument in twenty): ``|yy - y_hat|`` then stays within
    ``4 eps (|yy| + |wa| + |wb| + |wc| + |wd|)`` of the single-state value
    (tests/test_model.py checks both).
    """
    kind, idx = locate(name)
    xs = np.asarray(values, dtype=np.float64)
    v = xs.reshape(-1)
    a, w, head = flat(p)
    _, o, _, y_hat = evaluate(a, w, head)
    with np.errstate(all="ignore"):
        if kind == "yy":
            diff = v - y_hat
            return (diff * diff).reshape(xs.shape)
        at = {"a": INPUTS, "w": KERNEL, "head": HEAD}[kind].index(name)  # in flat()'s list
        row, scratch = np.empty_like(v), np.empty_like(v)
        total: float | FloatArray | None = None
        for c, win in enumerate(WINDOWS):
            term: float | FloatArray = head[c] * o[c]
            if kind == "head" and c == at:
                term = np.multiply(v, o[c], out=row)
            elif kind == "w" or (kind == "a" and at in win):
                k = at if kind == "w" else win.index(at)  # which of the four products varies
                products: list[float | FloatArray] = [a[i] * w[j] for j, i in enumerate(win)]
                products[k] = np.multiply(v, a[win[k]] if kind == "w" else w[k], out=row)
                z = np.asarray(reduce(_add, products))  # summed into row
                term = np.multiply(_sigmoid_in_place(z, scratch), head[c], out=row)
            total = term if total is None else _add(total, term)
            if total is row:  # y_hat is summed in this row from now on: the next cell needs one
                row = np.empty_like(v)
        err: FloatArray = np.subtract(p.yy, np.asarray(total), out=scratch)
        return np.multiply(err, err, out=err).reshape(xs.shape)
