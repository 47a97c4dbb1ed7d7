"""Params are immutable values, and check_value says which numbers a value may take."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from test_model import HAND, make

from core.model import MAX_ABS_VALUE, Params, check_value, forward

# --- Params is immutable -----------------------------------------------------------------


def test_params_arrays_are_read_only():
    p = make(HAND)
    for arr in (p.a, p.w, p.head):
        with pytest.raises(ValueError):
            arr[0] = 42.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.yy = 0.0  # type: ignore[misc]
    f = forward(p)
    with pytest.raises(ValueError):
        f.z[0, 0] = 1.0


def test_params_do_not_share_the_callers_array():
    a = np.ones((3, 3))
    p = Params.create(a, np.zeros((2, 2)), np.zeros(4), 0.0)
    a[0, 0] = 99.0
    assert p.get("a11") == 1.0


@pytest.mark.parametrize("name", ["w11", "w22", "wb", "a23", "yy"])
def test_with_value_returns_a_new_object_and_leaves_the_original(name):
    p = make(HAND)
    before = p.values()
    q = p.with_value(name, 123.5)
    assert q is not p
    assert q.get(name) == 123.5
    assert p.values() == before
    assert q.values() == before | {name: 123.5}
    assert not q.a.flags.writeable and not q.w.flags.writeable and not q.head.flags.writeable


def test_unknown_names_are_refused():
    p = make(HAND)
    with pytest.raises(KeyError):
        p.get("w33")
    with pytest.raises(KeyError):
        p.with_value("a44", 1.0)


# --- check_value ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 3, -2.5, MAX_ABS_VALUE, -MAX_ABS_VALUE, np.float32(0.5)])
def test_check_value_accepts_finite_numbers_in_range(value):
    assert check_value("w11", value) == float(value)
    assert isinstance(check_value("w11", value), float)


@pytest.mark.parametrize(
    "value",
    [True, False, "1", None, [1.0], float("nan"), float("inf"), -float("inf"),
     np.nan, 2 * MAX_ABS_VALUE, -1.0000001 * MAX_ABS_VALUE, 1e300],
)  # fmt: skip
def test_check_value_refuses(value):
    with pytest.raises(ValueError):
        check_value("a11", value)


def test_check_value_refuses_an_int_too_large_for_a_float():
    with pytest.raises(ValueError):
        check_value("a11", 10**400)


def test_check_value_refuses_unknown_names():
    with pytest.raises((KeyError, ValueError)):
        check_value("w33", 1.0)
