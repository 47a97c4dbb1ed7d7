"""The homework network: forward pass, gradients, and the loss along one value.

A 3x3 input ``a11..a33`` is cross-correlated (valid, stride 1) with a 2x2 kernel
``w11 w12 / w21 w22`` into four conv cells ``z00 z01 / z10 z11``; each goes through a
sigmoid, ``o = s(z)``; a linear head gives ``y_hat = wa o00 + wb o01 + wc o10 + wd o11``;
the loss is ``MSE = (yy - y_hat)^2`` (n = 1). There are no biases.

Everything here is pure numpy in float64. Functions never mutate their inputs; results are
frozen dataclasses holding read-only arrays. The values themselves, their names and
:class:`Params` live in :mod:`core.params` and are re-exported here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import EllipsisType, MappingProxyType
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
    "windows",
]


def sigmoid(z: ArrayLike) -> FloatArray:
    """Logistic sigmoid, stable for every finite ``z`` (no overflow, no NaN)."""
    x = np.asarray(z, dtype=np.float64)
    with np.errstate(under="ignore"):  # e rounding to 0 in the tails is the right answer
        e = np.exp(-np.abs(x))  # in (0, 1]: cannot overflow
        return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(z: ArrayLike) -> FloatArray:
    """``s'(z) = s(z)(1 - s(z))``, written as ``e / (1 + e)^2`` with ``e = exp(-|z|)``.

    The direct product loses every digit once ``s(z)`` rounds to 1; this form keeps full
    relative precision in the tails and is exactly symmetric.
    """
    x = np.asarray(z, dtype=np.float64)
    with np.errstate(under="ignore"):
        e = np.exp(-np.abs(x))
        return e / ((1.0 + e) * (1.0 + e))


def windows(a: FloatArray) -> FloatArray:
    """The four 2x2 windows of ``a`` (``(..., 3, 3)``) as ``(..., 4, 2, 2)``, cell order."""
    return np.stack(
        [a[..., 0:2, 0:2], a[..., 0:2, 1:3], a[..., 1:3, 0:2], a[..., 1:3, 1:3]], axis=-3
    )


def _forward_arrays(
    a: FloatArray, w: FloatArray, head: FloatArray, yy: float | FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
    """Batched forward pass: leading dimensions broadcast. Returns z, o, s', y_hat, loss."""
    z = (windows(a) * w[..., None, :, :]).sum(axis=(-1, -2))  # (..., 4)
    o = sigmoid(z)
    y_hat = (head * o).sum(axis=-1)
    err = yy - y_hat
    return z, o, sigmoid_prime(z), y_hat, err * err


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
#: or an input sums over the cells it enters, in cell order, starting from 0.0.
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


def loss_along(p: Params, name: str, values: ArrayLike) -> FloatArray:
    """The loss with ``name`` set to each of ``values`` and all else fixed: one numpy pass."""
    kind, idx = locate(name)
    xs = np.asarray(values, dtype=np.float64)
    fields = p.as_fields()
    yy: float | FloatArray = fields["yy"]
    if kind == "yy":
        yy = xs
    else:
        base = fields[kind]
        arr = np.broadcast_to(base, xs.shape + base.shape).copy()
        where: tuple[EllipsisType | int, ...] = (..., *idx)
        arr[where] = xs
        fields[kind] = arr
    with np.errstate(all="ignore"):
        return _forward_arrays(fields["a"], fields["w"], fields["head"], yy)[4]
