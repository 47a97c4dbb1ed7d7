"""The network's values: their names, the immutable :class:`Params`, and what a value may be.

:mod:`core.model` computes with these and re-exports every name here, so callers import them
from there. Pure numpy; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias, TypedDict

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: A float64 array: what every array of the core holds.
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


def frozen(values: ArrayLike, shape: tuple[int, ...]) -> FloatArray:
    """A new read-only float64 array of ``shape`` holding ``values``."""
    arr = np.array(values, dtype=np.float64).reshape(shape)
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
Kind: TypeAlias = Literal["a", "w", "head", "yy"]

#: Where each editable value lives: its field and its index there (``()`` for the target).
WHERE: dict[str, tuple[Kind, tuple[int, ...]]] = {
    **{n: ("w", divmod(i, 2)) for i, n in enumerate(KERNEL)},
    **{n: ("head", (i,)) for i, n in enumerate(HEAD)},
    **{n: ("a", divmod(i, 3)) for i, n in enumerate(INPUTS)},
    TARGET: ("yy", ()),
}


def locate(name: str) -> tuple[Kind, tuple[int, ...]]:
    """Which field of :class:`Params` holds ``name``, and its index there."""
    try:
        return WHERE[name]
    except KeyError:
        raise KeyError(
            f"unknown value name {name!r}; expected one of {', '.join(EDITABLE)}"
        ) from None


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
        def unsigned(v: ArrayLike, shape: tuple[int, ...]) -> FloatArray:
            return frozen(np.asarray(v, dtype=np.float64) + 0.0, shape)

        return cls(unsigned(a, (3, 3)), unsigned(w, (2, 2)), unsigned(head, (4,)), float(yy) + 0.0)

    def get(self, name: str) -> float:
        """The value called ``name`` (any of :data:`EDITABLE`)."""
        kind, idx = locate(name)
        if kind == "yy":
            return self.yy
        return float(getattr(self, kind)[idx])

    def with_value(self, name: str, value: float) -> Params:
        """A copy with ``name`` set to ``value``."""
        kind, idx = locate(name)
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


def check_value(name: str, value: object) -> float:
    """Return ``value`` as a float if ``name`` may take it, else raise ``ValueError``."""
    locate(name)
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
