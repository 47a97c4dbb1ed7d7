"""Predict, then reveal: the values a student can be asked for, and the check of an answer.

A quiz key names one value of the current state: ``"y_hat"``, ``"MSE"``, ``"path0"`` ..
(one backprop path's term), ``"grad"`` (dMSE/d(param)) or ``"after"`` (the parameter after one
gradient-descent step). :func:`expected` computes it from the model, independently of any view.
"""

from __future__ import annotations

import math

from .model import Params, forward, gradients
from .paths import paths
from .walkthrough import updated

DEFAULT_TOL = 0.01  # an answer within 1 % of the value is right
ABS_FLOOR = 1e-12  # for a value of exactly zero, how close counts as zero


def keys(p: Params, param: str = "w11") -> tuple[str, ...]:
    """Every quiz key for ``param``, in the order of the pass."""
    n = len(paths(p, param))
    return ("y_hat", "MSE", *(f"path{k}" for k in range(n)), "grad", "after")


def expected(p: Params, key: str, param: str = "w11", lr: float = 0.5) -> float:
    """The true value behind quiz ``key``."""
    if key == "y_hat":
        return float(forward(p).y_hat)
    if key == "MSE":
        return float(forward(p).loss)
    if key == "grad":
        return float(gradients(p)[param])
    if key == "after":
        return float(updated(p, param, lr)[0])
    if key.startswith("path"):
        return float(paths(p, param)[int(key[4:])].value)
    raise KeyError(f"{key!r} is not a quiz value")


def check(guess: float, value: float, rel_tol: float = DEFAULT_TOL) -> bool:
    """Whether ``guess`` is within ``rel_tol`` (relative) of ``value``."""
    if not (math.isfinite(guess) and math.isfinite(value)):
        return False
    return abs(guess - value) <= max(rel_tol * abs(value), ABS_FLOOR)
