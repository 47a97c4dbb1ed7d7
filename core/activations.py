"""The conv cells' activation functions: each with its derivative, for one value and for many.

``sigmoid`` is the homework's; ``tanh``, ``relu``, ``leaky_relu`` (negative slope 0.01) and
``identity`` are the variants a student asks about next. At ``z = 0`` the derivatives follow
PyTorch's autograd: ``relu'(0) = 0`` and ``leaky_relu'(0) = 0.01`` (the negative slope), so a
ReLU cell with ``z <= 0`` passes nothing back: its paths are dead.

:data:`PAIRS` gives ``(f(z), f'(z))`` in plain floats for one state; :func:`apply_in_place`
computes ``f`` over a numpy array for a loss curve. Pure Python and numpy; no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeAlias

import numpy as np
from numpy.typing import NDArray

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
DEFAULT_ACTIVATION = "sigmoid"
#: leaky_relu's slope for z <= 0 (PyTorch's default negative_slope).
LEAKY_SLOPE = 0.01

#: How each activation is written in formulas: the homework writes the sigmoid ``s``.
SYMBOL = {
    "sigmoid": "s",
    "tanh": "tanh",
    "relu": "relu",
    "leaky_relu": "leaky_relu",
    "identity": "identity",
}

#: ``z -> (f(z), f'(z))`` in plain floats.
Pair: TypeAlias = Callable[[float], tuple[float, float]]


def sigmoid_pair(z: float) -> tuple[float, float]:
    """``(s(z), s'(z))``, stable for every finite ``z``: ``e = exp(-|z|)`` is in [0, 1].

    ``s'(z) = e / (1 + e)^2`` keeps full relative precision in the tails, where the product
    ``s(z)(1 - s(z))`` would lose every digit.
    """
    e = math.exp(-abs(z))
    return (1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)), e / ((1.0 + e) * (1.0 + e))


def tanh_pair(z: float) -> tuple[float, float]:
    """``(tanh z, 1 - tanh^2 z)``, the slope as ``4e / (1 + e)^2`` with ``e = exp(-2|z|)``.

    ``1 - t * t`` rounds to 0 once ``|z| > 19``; this form stays exact to the last digit.
    """
    e = math.exp(-2.0 * abs(z))
    return math.tanh(z), 4.0 * e / ((1.0 + e) * (1.0 + e))


def relu_pair(z: float) -> tuple[float, float]:
    """``(max(z, 0), 1 if z > 0 else 0)``: the slope at 0 is 0, as in PyTorch."""
    return (z, 1.0) if z > 0 else (0.0, 0.0)


def leaky_relu_pair(z: float) -> tuple[float, float]:
    """``z`` or ``0.01 z``; the slope at 0 is the negative slope 0.01, as in PyTorch."""
    return (z, 1.0) if z > 0 else (LEAKY_SLOPE * z + 0.0, LEAKY_SLOPE)


def identity_pair(z: float) -> tuple[float, float]:
    """``(z, 1)``: no activation, so the network is linear in each conv weight."""
    return z, 1.0


PAIRS: dict[str, Pair] = {
    "sigmoid": sigmoid_pair,
    "tanh": tanh_pair,
    "relu": relu_pair,
    "leaky_relu": leaky_relu_pair,
    "identity": identity_pair,
}


def sigmoid_in_place(x: NDArray[np.float64], scratch: NDArray[np.float64]) -> NDArray[np.float64]:
    """The sigmoid of ``x``, written over ``x``; ``scratch`` (same shape) is overwritten.

    ``1 / (1 + e)`` where ``z >= 0`` and ``e / (1 + e)`` elsewhere, with ``e = exp(-|z|)``:
    the numerator is ``max(e, z >= 0)``, one pass with no branch per element, the same bits as
    choosing between the two quotients.
    """
    step = x >= 0
    e = np.exp(np.negative(np.abs(x, out=x), out=x), out=scratch)
    np.maximum(e, step, out=x)
    return np.divide(x, np.add(e, 1.0, out=e), out=x)


def apply_in_place(
    name: str, x: NDArray[np.float64], scratch: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Activation ``name`` of ``x``: the values of :data:`PAIRS`, elementwise, bit for bit.

    The result may be ``x`` itself, overwritten; ``scratch`` (same shape) may be overwritten.
    """
    if name == "sigmoid":
        with np.errstate(under="ignore"):  # e rounding to 0 in the tails is the right answer
            return sigmoid_in_place(x, scratch)
    if name == "tanh":
        return np.tanh(x, out=x)
    if name == "relu":
        return np.where(x > 0, x, 0.0)
    if name == "leaky_relu":
        return np.where(x > 0, x, LEAKY_SLOPE * x + 0.0)
    if name == "identity":
        return x
    raise KeyError(f"unknown activation {name!r}; expected one of {', '.join(ACTIVATIONS)}")
