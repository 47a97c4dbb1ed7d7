"""The losses the network can be trained with, each with its derivative in ``y_hat``.

``mse`` is the homework's ``(yy - y_hat)^2``; ``half_mse`` is ``(yy - y_hat)^2 / 2``, whose
derivative ``-(yy - y_hat)`` has no 2; ``bce_logits`` is binary cross-entropy with ``y_hat`` as
the logit and a target in [0, 1], computed stably as ``softplus(y_hat) - yy * y_hat``, whose
derivative is ``sigmoid(y_hat) - yy``. :data:`LOSS_PAIRS` gives ``(loss, dloss/dy_hat)`` in plain
floats; :func:`loss_array` the loss over numpy arrays, for a loss curve. Pure Python; no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeAlias

import numpy as np
from numpy.typing import NDArray

from .activations import sigmoid_pair

LOSSES = ("mse", "half_mse", "bce_logits")
DEFAULT_LOSS = "mse"

#: How each loss is named in formulas (``dMSE/dy_hat``, ``dL/dy_hat``, ``dBCE/dy_hat``).
LOSS_SYMBOL = {"mse": "MSE", "half_mse": "L", "bce_logits": "BCE"}
#: The common factor ``dloss/dy_hat`` of every path, written out.
COMMON = {"mse": "-2(yy - y_hat)", "half_mse": "-(yy - y_hat)", "bce_logits": "s(y_hat) - yy"}
#: The targets a loss accepts: cross-entropy needs a probability.
TARGET_RANGE = {"bce_logits": (0.0, 1.0)}

#: ``(yy, y_hat) -> (loss, dloss/dy_hat)`` in plain floats.
LossPair: TypeAlias = Callable[[float, float], tuple[float, float]]


def mse(yy: float, y_hat: float) -> tuple[float, float]:
    err = yy - y_hat
    return err * err, -2.0 * err


def half_mse(yy: float, y_hat: float) -> tuple[float, float]:
    err = yy - y_hat
    return 0.5 * (err * err), -err + 0.0


def softplus(x: float) -> float:
    """``log(1 + e^x)`` without overflow: ``max(x, 0) + log1p(e^-|x|)``."""
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def bce_logits(yy: float, y_hat: float) -> tuple[float, float]:
    """``-(yy log s(y_hat) + (1 - yy) log(1 - s(y_hat)))``, written stably, and its slope."""
    return softplus(y_hat) - yy * y_hat, sigmoid_pair(y_hat)[0] - yy


LOSS_PAIRS: dict[str, LossPair] = {"mse": mse, "half_mse": half_mse, "bce_logits": bce_logits}


def loss_array(
    name: str, yy: float | NDArray[np.float64], y_hat: float | NDArray[np.float64]
) -> NDArray[np.float64]:
    """Loss ``name`` elementwise over arrays (one of ``yy`` and ``y_hat`` may be a float)."""
    yy_a, y_a = np.asarray(yy, dtype=np.float64), np.asarray(y_hat, dtype=np.float64)
    if name == "mse":
        err = np.subtract(yy_a, y_a)
        return np.multiply(err, err, out=err)
    if name == "half_mse":
        err = np.subtract(yy_a, y_a)
        return 0.5 * np.multiply(err, err, out=err)
    if name == "bce_logits":
        soft = np.maximum(y_a, 0.0) + np.log1p(np.exp(-np.abs(y_a)))
        return np.asarray(soft - yy_a * y_a, dtype=np.float64)
    raise KeyError(f"unknown loss {name!r}; expected one of {', '.join(LOSSES)}")
