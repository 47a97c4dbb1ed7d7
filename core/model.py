"""The homework network: parameters, forward pass, gradients.

A 3x3 input ``a11..a33`` is cross-correlated (valid, stride 1) with a 2x2 kernel
``w11 w12 / w21 w22`` into four conv cells ``z00 z01 / z10 z11``; each goes through a
sigmoid, ``o = s(z)``; a linear head gives ``y_hat = wa o00 + wb o01 + wc o10 + wd o11``;
the loss is ``MSE = (yy - y_hat)^2`` (n = 1). There are no biases.

Everything here is pure numpy in float64. Functions never mutate their inputs; results are
frozen dataclasses holding read-only arrays.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import EllipsisType, MappingProxyType
from typing import Literal, TypeAlias, TypedDict

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: A float64 array: what every array of this module holds.
FloatArray: TypeAlias = NDArray[np.float64]

KERNEL = ("w11", "w12", "w21", "w22")
HEAD = ("wa", "wb", "wc", "wd")
INPUTS = tuple(f"a{r}{c}" for r in (1, 2, 3) for c in (1, 2, 3))
TARGET = "yy"
#: Every name that has a gradient, in display order.
PARAMETERS = KERNEL + HEAD + INPUTS
#: Every value a person can edit.
EDITABLE = PARAMETERS + (TARGET,)
#: Conv cells in row-major order; cell index ``c`` has row ``c // 2`` and column ``c % 2``.
CELLS = ("00", "01", "10", "11")

#: Largest magnitude a value may take. Each conv product stays below 1e300, so every
#: forward value is finite and no gradient can become NaN (at worst it overflows to inf).
MAX_ABS_VALUE = 1e150


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


def _frozen(values: ArrayLike, shape: tuple[int, ...]) -> FloatArray:
    arr = np.array(values, dtype=np.float64).reshape(shape) + 0.0  # -0.0 becomes 0.0
    arr.setflags(write=False)
    return arr


def input_name(row: int, col: int) -> str:
    """Name of the input at 0-based ``(row, col)``: ``input_name(0, 0) == "a11"``."""
    return f"a{row + 1}{col + 1}"


def kernel_name(row: int, col: int) -> str:
    """Name of the kernel weight at 0-based ``(row, col)``: ``kernel_name(1, 0) == "w21"``."""
    return f"w{row + 1}{col + 1}"


def window(cell: int) -> tuple[str, ...]:
    """The four input names conv cell ``cell`` sees, in kernel order (w11, w12, w21, w22)."""
    i, j = divmod(cell, 2)
    return tuple(input_name(i + k, j + m) for k in (0, 1) for m in (0, 1))


class ParamFields(TypedDict):
    """The fields of :class:`Params` by name, as :meth:`Params.as_fields` gives them."""

    a: FloatArray
    w: FloatArray
    head: FloatArray
    yy: float


#: Which field of :class:`Params` holds a value.
_Kind: TypeAlias = Literal["a", "w", "head", "yy"]


@dataclass(frozen=True)
class Params:
    """Every value of the network. Immutable: use :meth:`with_value` to change one.

    Zero has no sign here: -0.0 shows as 0 everywhere, but a file would write it as -0.0,
    a change no one could see or undo. Adding 0.0 turns -0.0 into 0.0 and leaves the rest.
    """

    a: FloatArray  # (3, 3) input
    w: FloatArray  # (2, 2) kernel
    head: FloatArray  # (4,) wa wb wc wd
    yy: float  # target

    @classmethod
    def create(cls, a: ArrayLike, w: ArrayLike, head: ArrayLike, yy: float) -> Params:
        return cls(_frozen(a, (3, 3)), _frozen(w, (2, 2)), _frozen(head, (4,)), float(yy) + 0.0)

    def get(self, name: str) -> float:
        """The value called ``name`` (any of :data:`EDITABLE`)."""
        kind, idx = _locate(name)
        if kind == "yy":
            return self.yy
        return float(getattr(self, kind)[idx])

    def with_value(self, name: str, value: float) -> Params:
        """A copy with ``name`` set to ``value``."""
        kind, idx = _locate(name)
        value = float(value) + 0.0
        if kind == "yy":
            return Params(self.a, self.w, self.head, value)
        fields = self.as_fields()
        arr = fields[kind].copy()
        arr[idx] = value
        arr.setflags(write=False)
        fields[kind] = arr
        return Params(**fields)

    def as_fields(self) -> ParamFields:
        return {"a": self.a, "w": self.w, "head": self.head, "yy": self.yy}

    def values(self) -> dict[str, float]:
        """Every editable value by name."""
        return {name: self.get(name) for name in EDITABLE}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Params):
            return NotImplemented
        return (
            np.array_equal(self.a, other.a)
            and np.array_equal(self.w, other.w)
            and np.array_equal(self.head, other.head)
            and self.yy == other.yy
        )

    __hash__ = None  # type: ignore[assignment]


def _locate(name: str) -> tuple[_Kind, tuple[int, ...]]:
    """Which field holds ``name``, and its index there (``()`` for the target)."""
    if name == TARGET:
        return "yy", ()
    if name in KERNEL:
        return "w", divmod(KERNEL.index(name), 2)
    if name in HEAD:
        return "head", (HEAD.index(name),)
    if name in INPUTS:
        return "a", divmod(INPUTS.index(name), 3)
    raise KeyError(f"unknown value name {name!r}; expected one of {', '.join(EDITABLE)}")


def check_value(name: str, value: object) -> float:
    """Return ``value`` as a float if ``name`` may take it, else raise ``ValueError``."""
    _locate(name)
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise ValueError(f"{name} must be a number, not {type(value).__name__}")
    try:
        value = float(value)
    except OverflowError:
        raise ValueError(f"{name} must be at most {MAX_ABS_VALUE:g} in magnitude") from None
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, not {value}")
    if abs(value) > MAX_ABS_VALUE:
        raise ValueError(f"{name} must be at most {MAX_ABS_VALUE:g} in magnitude")
    return value


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


@dataclass(frozen=True)
class Forward:
    """The forward pass of one :class:`Params`. ``z``, ``o`` and ``ds`` are 2x2."""

    z: FloatArray
    o: FloatArray
    ds: FloatArray  # s'(z) = o (1 - o)
    y_hat: float
    loss: float
    dloss_dyhat: float  # -2 (yy - y_hat)


def _sig(z: float) -> tuple[float, float]:
    """``(s(z), s'(z))`` in plain floats, stable like :func:`sigmoid` and :func:`sigmoid_prime`."""
    e = math.exp(-abs(z))  # in [0, 1]: cannot overflow
    return (1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)), e / ((1.0 + e) * (1.0 + e))


#: :func:`_cells`'s result: ``a`` rows, ``w`` flat, head, z, o, s'(z) per cell, and y_hat.
_Cells: TypeAlias = tuple[
    list[list[float]], list[float], list[float], list[float], list[float], list[float], float
]


def _cells(p: Params) -> _Cells:
    """Plain-float forward pass: ``a`` rows, ``w`` flat, head, z, o, s'(z) and y_hat."""
    a: list[list[float]] = p.a.tolist()
    w: list[float] = p.w.ravel().tolist()
    head: list[float] = p.head.tolist()
    z: list[float] = []
    o: list[float] = []
    ds: list[float] = []
    for c in range(4):
        i, j = divmod(c, 2)
        zc = a[i][j] * w[0] + a[i][j + 1] * w[1] + a[i + 1][j] * w[2] + a[i + 1][j + 1] * w[3]
        sc, dsc = _sig(zc)
        z.append(zc)
        o.append(sc)
        ds.append(dsc)
    y_hat = head[0] * o[0] + head[1] * o[1] + head[2] * o[2] + head[3] * o[3]
    return a, w, head, z, o, ds, y_hat


def forward(p: Params) -> Forward:
    """The forward pass: conv cells, sigmoids, prediction and loss.

    One state is small enough that plain floats beat numpy's per-call cost several times
    over; :func:`loss_along` is the numpy form for many states at once.
    """
    _, _, _, z, o, ds, y_hat = _cells(p)
    err = p.yy - y_hat
    return Forward(
        _frozen(z, (2, 2)), _frozen(o, (2, 2)), _frozen(ds, (2, 2)), y_hat, err * err, -2.0 * err
    )


def _bracket(
    name: str,
    a: Sequence[Sequence[float]],
    w: Sequence[float],
    dz: Sequence[float],
    o: Sequence[float],
) -> float:
    """The homework's bracket for ``name``: its gradient divided by ``dMSE/dy_hat``.

    Sums over the conv cells in cell order, so every caller gets the same bits.
    """
    if name in HEAD:
        return o[HEAD.index(name)]
    total = 0.0
    if name in KERNEL:
        k = KERNEL.index(name)
        for c in range(4):
            total += dz[c] * a[c // 2 + k // 2][c % 2 + k % 2]
        return total
    r, m = divmod(INPUTS.index(name), 3)
    for c in range(4):
        di, dj = r - c // 2, m - c % 2
        if 0 <= di <= 1 and 0 <= dj <= 1:
            total += dz[c] * w[2 * di + dj]
    return total


def gradients(p: Params, fwd: Forward | None = None) -> Mapping[str, float]:
    """``dMSE/d(name)`` for every name in :data:`PARAMETERS` (a fresh read-only mapping).

    Each gradient is the common factor ``dMSE/dy_hat`` times a bracket summed over the conv
    cells, as in the homework; the bracket is finite for every valid ``Params``, so the
    result is finite or, when the true value exceeds float64, +-inf, never NaN.
    """
    f = forward(p) if fwd is None else fwd
    a: list[list[float]] = p.a.tolist()
    w: list[float] = p.w.ravel().tolist()
    head: list[float] = p.head.tolist()
    o: list[float] = f.o.ravel().tolist()
    dz = [h * d for h, d in zip(head, f.ds.ravel().tolist())]  # dy_hat/dz per cell
    dl = f.dloss_dyhat
    return MappingProxyType({n: dl * _bracket(n, a, w, dz, o) for n in PARAMETERS})


def loss_and_gradient(p: Params, name: str) -> tuple[float, float, tuple[float, ...]]:
    """``(MSE, dMSE/d(name), s'(z) per cell)``: what one descent step needs, and no more.

    The same arithmetic as :func:`forward` and :func:`gradients`, bit for bit.
    """
    a, w, head, _, o, ds, y_hat = _cells(p)
    err = p.yy - y_hat
    dz = [h * d for h, d in zip(head, ds)]
    return err * err, -2.0 * err * _bracket(name, a, w, dz, o), tuple(ds)


def loss_along(p: Params, name: str, values: ArrayLike) -> FloatArray:
    """The loss with ``name`` set to each of ``values`` and all else fixed: one numpy pass."""
    kind, idx = _locate(name)
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
