"""The stable sigmoid and its derivative: exact values, saturation, symmetry, tails.

Expected values come from closed forms (ln 3 gives 3/4 and 3/16; tanh and cosh identities),
never from the implementation's own output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strict_floats import strict_floats

from core.model import sigmoid, sigmoid_prime

LN3 = math.log(3.0)


@pytest.fixture
def strict():
    with strict_floats():
        yield


def test_sigmoid_at_zero_and_at_ln3(strict):
    assert float(sigmoid(0.0)) == 0.5
    assert float(sigmoid_prime(0.0)) == 0.25
    # 1 / (1 + e^-ln3) = 1 / (1 + 1/3) = 3/4; s' = 3/4 * 1/4 = 3/16
    assert float(sigmoid(LN3)) == pytest.approx(0.75, rel=1e-15)
    assert float(sigmoid_prime(LN3)) == pytest.approx(0.1875, rel=1e-15)
    assert float(sigmoid(-LN3)) == pytest.approx(0.25, rel=1e-15)


@pytest.mark.parametrize("z", [1e3, 1e308])
def test_sigmoid_saturates_without_overflow_or_nan(strict, z):
    assert float(sigmoid(z)) == 1.0
    assert float(sigmoid(-z)) == 0.0
    assert float(sigmoid_prime(z)) == 0.0
    assert float(sigmoid_prime(-z)) == 0.0
    out = sigmoid(np.array([-z, 0.0, z]))
    assert out.tolist() == [0.0, 0.5, 1.0]


@settings(max_examples=200, deadline=None)
@given(st.floats(-700.0, 700.0))
def test_sigmoid_symmetry_and_closed_forms(z):
    s, sm = float(sigmoid(z)), float(sigmoid(-z))
    assert 0.0 <= s <= 1.0
    assert s + sm == pytest.approx(1.0, abs=1e-15)
    assert s == pytest.approx(0.5 * (1.0 + math.tanh(z / 2.0)), abs=5e-16)
    # s'(z) = 1 / (e^z + 2 + e^-z) = 1 / (4 cosh^2(z/2)); full relative precision in the tails.
    assert float(sigmoid_prime(z)) == float(sigmoid_prime(-z))
    assert float(sigmoid_prime(z)) == pytest.approx(
        1.0 / (4.0 * math.cosh(z / 2.0) ** 2), rel=1e-13
    )


def test_sigmoid_prime_keeps_precision_where_s_rounds_to_one():
    # s(40) rounds to 1.0, so s(1 - s) would give 0; the true value is ~ e^-40 = 4.25e-18.
    assert float(sigmoid(40.0)) == 1.0
    assert float(sigmoid_prime(40.0)) == pytest.approx(math.exp(-40.0), rel=1e-15)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(st.floats(allow_nan=False), st.sampled_from([0.0, -0.0, 745.0, -745.2])),
        min_size=1,
        max_size=50,
    )
)
def test_sigmoid_is_the_two_quotients_of_the_stable_form_bit_for_bit(zs):
    # 1 / (1 + e) for z >= 0 and e / (1 + e) below, e = exp(-|z|): the plain-float
    # forward pass computes each sigmoid this way, so a loss curve can match it.
    z = np.array(zs)
    with np.errstate(all="ignore"):
        e = np.exp(-np.abs(z))
        want = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    assert sigmoid(z).tobytes() == want.tobytes()
