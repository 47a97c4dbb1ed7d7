"""The walkthrough's steps: their order, what each lights, and numbers worked by hand."""

from __future__ import annotations

import math

from core.model import forward, gradients
from core.paths import paths
from core.scenario import default
from core.walkthrough import NARRATION, steps


def test_the_steps_follow_the_lecture_order():
    kinds = [s.kind for s in steps(default().params)]
    assert kinds == [
        *["conv_sum", "conv_sigmoid"] * 4,
        "head",
        "loss",
        "dloss",
        *["path"] * 4,
        "sum",
        "update",
    ]


def test_the_window_slides_over_the_input_one_cell_at_a_time():
    conv = [s for s in steps(default().params) if s.kind == "conv_sum"]
    assert [s.cell for s in conv] == [0, 1, 2, 3]
    assert {"a11", "a12", "a21", "a22", "w11", "z00"} <= set(conv[0].nodes)
    assert {"a22", "a23", "a32", "a33", "z11"} <= set(conv[3].nodes)
    assert "a11" not in conv[3].nodes


def test_numbers_match_hand_arithmetic():
    p = default().params
    by_kind = {}
    for s in steps(p):
        by_kind.setdefault(s.kind, []).append(s)
    # z00 = 1*0.4 + 0.5*(-0.3) + (-0.5)*0.2 + 2*0.6 = 1.35
    assert by_kind["conv_sum"][0].narration().endswith("= 1.35")
    o00 = 1 / (1 + math.exp(-1.35))
    assert by_kind["conv_sigmoid"][0].narration().endswith(f"= {o00:.4g}")
    text = by_kind["update"][0].narration()
    new = 0.4 - 0.5 * gradients(p)["w11"]
    assert f"= {new:.6g} (was 0.4)" in text
    assert f"to {forward(p.with_value('w11', new)).loss:.4g}" in text


def test_each_path_step_lights_its_path_and_its_formula_rows():
    p = default().params
    ps = paths(p, "w11")
    walk = [s for s in steps(p) if s.kind == "path"]
    assert [s.path for s in walk] == list(range(len(ps)))
    for s, path in zip(walk, ps, strict=True):
        assert {"w11", path.partner, "y_hat", "MSE"} <= set(s.nodes)
        assert {f"head{path.cell}", f"kern{path.cell}", f"inp{path.cell}"} <= set(s.edges)
        assert "local" in s.section


def test_a_head_weight_has_one_path_step():
    walk = steps(default().params, "wb", 0.1)
    assert [s.path for s in walk if s.kind == "path"] == [0]


def test_every_narration_has_a_sentence_and_fills_it():
    for s in steps(default().params, "a22"):
        assert s.kind in NARRATION
        assert "{" not in s.narration()
