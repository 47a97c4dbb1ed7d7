"""The quiz's expected values and its tolerance, against hand arithmetic."""

from __future__ import annotations

import pytest

from core.model import CELLS, HEAD, INPUTS, KERNEL, forward, gradients
from core.paths import paths
from core.quiz import check, concealed, expected, keys, routes, row_values
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


# -- what hiding a value takes with it, derived by hand from the network's formulas -----------
# Every gradient is dMSE/dy_hat times factors that do not involve y_hat, so hiding y_hat (or
# anything y_hat is computed from) hides every gradient; the brackets (a path term without
# dMSE/dy_hat) and their sum are computed from head weights, s'(z) and inputs only.
ALL_GRADS = {f"dMSE/d{q}" for q in (*INPUTS, *KERNEL, *HEAD)}
BACKWARD = {
    "dMSE/dy_hat", "dMSE/dyy", *(f"dMSE/dz{c}" for c in CELLS), *ALL_GRADS,
    "path0", "path1", "path2", "path3", "grad", "after", "MSE after",
}  # fmt: skip


def test_hiding_y_hat_hides_the_loss_every_gradient_and_path_but_not_the_brackets():
    assert concealed({"y_hat"}) == {"y_hat", "MSE", *BACKWARD}


def test_hiding_z00_hides_its_sigmoid_its_bracket_and_everything_downstream():
    # o00 = s(z00), s'(z00) = o00(1 - o00); bracket0 = wa s'(z00) a11 and the sum of brackets
    expect = {"z00", "o00", "s'(z00)", "bracket0", "sum", "y_hat", "MSE", *BACKWARD}
    assert concealed({"z00"}) == expect
    assert not concealed({"z00"}) & {"z01", "o01", "bracket1", "a11", "w11"}  # its inputs show


def test_hiding_o00_keeps_z00_it_is_computed_from():
    assert concealed({"o00"}) == concealed({"z00"}) - {"z00"}


def test_hiding_the_gradient_of_w11_keeps_its_paths_and_hides_the_step():
    # grad = sum of the paths (its inputs, shown); grad = dMSE/dy_hat x (sum of the brackets)
    # would give it away, and w11 after one step = w11 - lr grad follows from it
    expect = {"grad", "dMSE/dw11", "sum", "after", "MSE after"}
    assert concealed({"grad"}) == expect
    assert concealed({"dMSE/dw11"}) == expect


def test_hiding_a_path_term_hides_the_dz_it_is_read_from_and_what_that_feeds():
    # path0 = dMSE/dz00 x a11 = dMSE/dy_hat x bracket0; dMSE/dz00 feeds the filter's gradients
    # and those of the inputs cell 00 sees
    expect = {"path0", "bracket0", "dMSE/dz00", "grad", "sum", "after", "MSE after"}
    expect |= {f"dMSE/d{q}" for q in (*KERNEL, "a11", "a12", "a21", "a22")}
    assert concealed({"path0"}) == expect


def test_a_head_weight_path_and_unknown_names():
    assert concealed({"path0"}, "wa") == {
        "path0", "bracket0", "grad", "dMSE/dwa", "sum", "after", "MSE after"
    }  # fmt: skip
    assert concealed(set()) == frozenset()
    with pytest.raises(KeyError, match="w11: not a derived value"):
        concealed({"w11"})


def test_the_shortcuts_are_true_formulas_of_the_network():
    p = default().params
    f = forward(p)
    g = gradients(p)
    dyy = -2 * (p.yy - f.y_hat) * -1  # d/dyy (yy - y_hat)^2
    assert f.dloss_dyhat == pytest.approx(-dyy)
    assert f.loss == pytest.approx((f.dloss_dyhat / 2) ** 2)
    for k, (c, partner) in enumerate(routes("w11")):
        dz = f.dloss_dyhat * float(p.head[c]) * float(f.ds.flat[c])
        assert paths(p, "w11")[k].value == pytest.approx(dz * p.get(partner))
    brackets = [path.value / f.dloss_dyhat for path in paths(p, "w11")]
    assert g["w11"] == pytest.approx(f.dloss_dyhat * sum(brackets))


def test_derivation_rows_name_the_values_they_show():
    assert row_values("loss", None) == {"y_hat", "MSE"}
    assert row_values("path_term", 0) == {"wa", "s'(z00)", "a11", "o00", "bracket0"}
    assert "grad" in row_values("result", None)
    assert row_values("chain", 0) == frozenset()  # symbols only


def test_the_walkthrough_hides_the_common_factor_when_the_loss_is_hidden():
    p = default().params
    dloss = next(s for s in steps(p) if s.kind == "dloss")
    assert "-1.044" in dloss.narration()
    # MSE = (dMSE/dy_hat / 2)^2: hiding the loss conceals the common factor
    assert dloss.narration(hidden=concealed({"MSE"})).endswith("= ?")
    first_path = next(s for s in steps(p) if s.kind == "path")
    assert "-1.044" in first_path.narration()
    assert "-1.044" not in first_path.narration(hidden=concealed({"MSE"}))
