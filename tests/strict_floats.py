"""Floating-point strictness for the numeric tests."""

from __future__ import annotations

import contextlib
import warnings

import numpy as np


@contextlib.contextmanager
def strict_floats():
    """Warnings become errors and numpy overflow / invalid / divide raise.

    Underflow is left alone: exp(-1000) rounding to 0.0 is the exact float64 answer.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            yield
