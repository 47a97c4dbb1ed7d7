"""The quiz's expected values and its tolerance, against hand arithmetic."""

from __future__ import annotations

import pytest

from core.quiz import check, expected, keys
from core.scenario import default
from core.walkthrough import steps


def test_expected_values_match_the_model_by_hand():
    p = default().params
    # y_hat = 0.8*0.7941 + (-0.5)*0.8176 + 1.2*0.2497 + 0.7*0.6457 = 0.9782 (to 4 digits)
    assert expected(p, "y_hat") == pytest.approx(0.9782, abs=1e-4)
    assert expected(p, "MSE") == pytest.approx((1.5 - expected(p, "y_hat")) ** 2)
    terms = [expected(p, f"path{k}") for k in range(4)]
    assert sum(terms) == pytest.approx(expected(p, "grad"))
    assert expected(p, "after", lr=0.5) == pytest.approx(0.4 - 0.5 * expected(p, "grad"))
    assert keys(p) == ("y_hat", "MSE", "path0", "path1", "path2", "path3", "grad", "after")
    assert keys(p, "wa") == ("y_hat", "MSE", "path0", "grad", "after")


def test_check_accepts_within_the_relative_tolerance_and_rejects_outside():
    assert check(0.985, 0.9782)  # 0.7 % off
    assert not check(0.99, 0.9782)  # 1.2 % off
    assert check(-0.3140, -0.314542)
    assert not check(0.314542, -0.314542)  # the sign matters
    assert check(1.049, 1.0, rel_tol=0.05) and not check(1.051, 1.0, rel_tol=0.05)
    assert check(0.0, 0.0) and not check(1e-3, 0.0)


def test_the_narration_does_not_give_away_a_hidden_value():
    p = default().params
    by_kind = {s.kind: s for s in steps(p)}
    assert "0.2723" in by_kind["loss"].narration()
    assert "0.2723" not in by_kind["loss"].narration(hidden=frozenset({"MSE"}))
    assert "0.557271" not in by_kind["update"].narration(hidden=frozenset({"after"}))
    first_path = next(s for s in steps(p) if s.kind == "path")
    assert first_path.narration(hidden=frozenset({"path0"})).endswith("= ?")
