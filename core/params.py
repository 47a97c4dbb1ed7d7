"""The network's values: their names, the immutable :class:`Params`, and what a value may be.

A :class:`Params` also says which network it is: the activation of the conv cells, the loss,
and whether the conv bias ``b`` and the head bias ``c`` exist (None: absent, as in the
homework). Every function that takes a ``Params`` follows that choice; :func:`parameters` and
:func:`editable` are the names of one network (``b`` and ``c`` only where they exist), while
:data:`PARAMETERS` and :data:`EDITABLE` are the homework's. :mod:`core.model` computes with these
and re-exports every name here, so callers import them from there. Pure numpy; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, TypeAlias, TypedDict

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .activations import ACTIVATIONS, DEFAULT_ACTIVATION
from .i18n import QT_TRANSLATE_NOOP, Refusal
from .losses import DEFAULT_LOSS, LOSSES, TARGET_RANGE

#: A float64 array: what every array of the core holds.
FloatArray: TypeAlias = NDArray[np.float64]

KERNEL = ("w11", "w12", "w21", "w22")
HEAD = ("wa", "wb", "wc", "wd")
INPUTS = tuple(f"a{r}{c}" for r in (1, 2, 3) for c in (1, 2, 3))
TARGET = "yy"
#: The conv bias (one number shared by the four cells) and the head bias, when they exist.
CONV_BIAS, HEAD_BIAS = "b", "c"
BIASES = (CONV_BIAS, HEAD_BIAS)
#: Every name that has a gradient in the homework's network, in display order.
PARAMETERS = KERNEL + HEAD + INPUTS
#: Every value a person can edit in the homework's network.
EDITABLE = PARAMETERS + (TARGET,)
#: Every name that has a gradient in some network (the biases where they exist).
ALL_PARAMETERS = KERNEL + (CONV_BIAS,) + HEAD + (HEAD_BIAS,) + INPUTS
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
Kind: TypeAlias = Literal["a", "w", "head", "yy", "b", "c"]

#: Where each editable value lives: its field and its index there (``()`` for the target).
WHERE: dict[str, tuple[Kind, tuple[int, ...]]] = {
    **{n: ("w", divmod(i, 2)) for i, n in enumerate(KERNEL)},
    **{n: ("head", (i,)) for i, n in enumerate(HEAD)},
    **{n: ("a", divmod(i, 3)) for i, n in enumerate(INPUTS)},
    TARGET: ("yy", ()),
    CONV_BIAS: ("b", ()),
    HEAD_BIAS: ("c", ()),
}


def locate(name: str) -> tuple[Kind, tuple[int, ...]]:
    """Which field of :class:`Params` holds ``name``, and its index there."""
    try:
        return WHERE[name]
    except KeyError:
        raise KeyError(
            f"unknown value name {name!r}; expected one of {', '.join(EDITABLE)}, b, c"
        ) from None


#: What a missing bias is called in a message.
_BIAS_WORDS = {CONV_BIAS: "conv bias", HEAD_BIAS: "head bias"}


class _Keep:
    """The type of :data:`KEEP`."""

    def __repr__(self) -> str:
        return "KEEP"


#: Passed to :meth:`Params.with_network` for a bias: leave it as it is.
KEEP = _Keep()


@dataclass(frozen=True)
class Params:
    """Every value of the network, and which network it is. Immutable: use :meth:`with_value`.

    ``activation`` is one of :data:`~core.activations.ACTIVATIONS`, ``loss`` one of
    :data:`~core.losses.LOSSES`; ``b`` (the conv bias, added to each of the four cells) and
    ``c`` (the head bias, added to ``y_hat``) are None when the network has none.

    Zero has no sign here: -0.0 shows as 0 everywhere, but a file would write it as -0.0,
    a change no one could see or undo. Adding 0.0 turns -0.0 into 0.0 and leaves the rest.
    """

    a: FloatArray  # (3, 3) input
    w: FloatArray  # (2, 2) kernel
    head: FloatArray  # (4,) wa wb wc wd
    yy: float  # target
    activation: str = DEFAULT_ACTIVATION
    loss: str = DEFAULT_LOSS
    b: float | None = None  # conv bias, shared by the four cells
    c: float | None = None  # head bias

    def __post_init__(self) -> None:
        if self.activation not in ACTIVATIONS:
            raise ValueError(
                f"activation: {self.activation!r} is not one of {', '.join(ACTIVATIONS)}"
            )
        if self.loss not in LOSSES:
            raise ValueError(f"loss: {self.loss!r} is not one of {', '.join(LOSSES)}")

    @classmethod
    def create(
        cls,
        a: ArrayLike,
        w: ArrayLike,
        head: ArrayLike,
        yy: float,
        activation: str = DEFAULT_ACTIVATION,
        loss: str = DEFAULT_LOSS,
        b: float | None = None,
        c: float | None = None,
    ) -> Params:
        def unsigned(v: ArrayLike, shape: tuple[int, ...]) -> FloatArray:
            return frozen(np.asarray(v, dtype=np.float64) + 0.0, shape)

        def bias(v: float | None) -> float | None:
            return None if v is None else float(v) + 0.0

        return cls(
            unsigned(a, (3, 3)),
            unsigned(w, (2, 2)),
            unsigned(head, (4,)),
            float(yy) + 0.0,
            activation,
            loss,
            bias(b),
            bias(c),
        )

    @property
    def is_homework(self) -> bool:
        """Whether this is the homework's network: sigmoid, MSE and no bias."""
        return (
            self.activation == DEFAULT_ACTIVATION
            and self.loss == DEFAULT_LOSS
            and self.b is None
            and self.c is None
        )

    def has(self, name: str) -> bool:
        """Whether this network has a value called ``name`` (a bias only where it exists)."""
        if name == CONV_BIAS:
            return self.b is not None
        if name == HEAD_BIAS:
            return self.c is not None
        return name in WHERE

    def get(self, name: str) -> float:
        """The value called ``name`` (any of :func:`editable`)."""
        kind, idx = locate(name)
        if kind in ("yy", "b", "c"):
            value = getattr(self, kind)
            if value is None:
                raise KeyError(f"{name}: this network has no {_BIAS_WORDS[name]}")
            return float(value)
        return float(getattr(self, kind)[idx])

    def with_value(self, name: str, value: float) -> Params:
        """A copy with ``name`` set to ``value`` (a bias must exist: see :meth:`with_network`)."""
        kind, idx = locate(name)
        value = float(value) + 0.0
        if kind in ("b", "c") and getattr(self, kind) is None:
            raise KeyError(f"{name}: this network has no {_BIAS_WORDS[name]}")
        if kind == "yy":
            return replace(self, yy=value)
        if kind == "b":
            return replace(self, b=value)
        if kind == "c":
            return replace(self, c=value)
        arr = getattr(self, kind).copy()
        arr[idx] = value
        arr.setflags(write=False)
        return replace(self, **{kind: arr})

    def with_network(
        self,
        activation: str | None = None,
        loss: str | None = None,
        b: float | None | _Keep = KEEP,
        c: float | None | _Keep = KEEP,
    ) -> Params:
        """A copy of another network: ``activation`` or ``loss`` None keep theirs; ``b`` and ``c``
        take a number, None (no bias), or :data:`KEEP` (as they are)."""
        new_b = self.b if isinstance(b, _Keep) else (None if b is None else float(b) + 0.0)
        new_c = self.c if isinstance(c, _Keep) else (None if c is None else float(c) + 0.0)
        return replace(
            self,
            activation=self.activation if activation is None else activation,
            loss=self.loss if loss is None else loss,
            b=new_b,
            c=new_c,
        )

    def as_fields(self) -> ParamFields:
        return {"a": self.a, "w": self.w, "head": self.head, "yy": self.yy}

    def values(self) -> dict[str, float]:
        """Every editable value by name."""
        return {name: self.get(name) for name in editable(self)}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Params):
            return NotImplemented
        return (
            np.array_equal(self.a, other.a)
            and np.array_equal(self.w, other.w)
            and np.array_equal(self.head, other.head)
            and self.yy == other.yy
            and (self.activation, self.loss, self.b, self.c)
            == (other.activation, other.loss, other.b, other.c)
        )

    __hash__ = None  # type: ignore[assignment]


def parameters(p: Params) -> tuple[str, ...]:
    """Every name with a gradient in ``p``'s network, in display order.

    The homework's :data:`PARAMETERS`, with ``b`` after the kernel and ``c`` after the head
    where they exist.
    """
    if p.b is None and p.c is None:
        return PARAMETERS
    return tuple(n for n in ALL_PARAMETERS if p.has(n))


def editable(p: Params) -> tuple[str, ...]:
    """Every value a person can edit in ``p``'s network: :func:`parameters` and the target."""
    return (*parameters(p), TARGET)


TOO_FAR = QT_TRANSLATE_NOOP("Params", "{name} must be at most {limit} in magnitude")
NOT_FINITE = QT_TRANSLATE_NOOP("Params", "{name} must be finite, not {value}")
NOT_A_PROBABILITY = QT_TRANSLATE_NOOP(
    "Params", "target: {loss} needs a target from {low} to {high} (a probability), not {yy}"
)


def check_value(name: str, value: object, p: Params | None = None) -> float:
    """Return ``value`` as a float if ``name`` may take it, else raise ``ValueError``.

    With ``p``, the network's own rules apply too: a bias it lacks has no value, and a
    cross-entropy target must lie in [0, 1].
    """
    locate(name)
    if p is not None and not p.has(name):
        raise ValueError(f"{name}: this network has no {_BIAS_WORDS[name]}")
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise ValueError(f"{name} must be a number, not {type(value).__name__}")
    try:
        value = float(value)
    except OverflowError:
        raise Refusal("Params", TOO_FAR, name=name, limit=f"{MAX_ABS_VALUE:g}") from None
    if not np.isfinite(value):
        raise Refusal("Params", NOT_FINITE, name=name, value=value)
    if abs(value) > MAX_ABS_VALUE:
        raise Refusal("Params", TOO_FAR, name=name, limit=f"{MAX_ABS_VALUE:g}")
    if p is not None and name == TARGET:
        check_target(p.loss, value)
    return value


def check_target(loss: str, yy: float) -> None:
    """Raise ``ValueError`` if loss ``loss`` cannot take the target ``yy``."""
    if loss in TARGET_RANGE:
        low, high = TARGET_RANGE[loss]
        if not low <= yy <= high:
            bounds = {"low": f"{low:g}", "high": f"{high:g}", "yy": f"{yy:g}"}
            raise Refusal("Params", NOT_A_PROBABILITY, loss=loss, **bounds)
