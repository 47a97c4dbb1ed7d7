"""The derivation's colours follow the legend's rule: each term by its own sign, the common
factor -2(yy - y_hat) in its own neutral colour (no Qt here).

The signs are worked out by hand from the homework's numbers: a bracket term of dMSE/dw11 is
head weight x s'(z) x input value, and s'(z) > 0, so its sign is that of head weight x input:
path 1 wa a11 = 0.8 x 1 > 0, path 2 wb a12 = -0.5 x 0.5 < 0, path 3 wc a21 = 1.2 x -0.5 < 0,
path 4 wd a22 = 0.7 x 2 > 0. The common factor -2(1.5 - 0.9782) < 0, so every whole path term
has the opposite sign of its bracket term: colouring by the whole term would swap all four.
"""

from __future__ import annotations

import re

from core.latex import derivation
from core.scenario import default

POS, NEG, COMMON = "#AA0000", "#0000AA", "#555555"
HAND_SIGNS = {0: POS, 1: NEG, 2: NEG, 3: POS}  # path index -> colour of its own sign


def colour(value: float) -> str:
    return POS if value > 0 else NEG


def items():
    return derivation(default().params, "w11", color=colour, common=COMMON)


def colours_in(text: str) -> list[str]:
    return re.findall(r"\\color\{(#[0-9A-F]{6})\}", text)


def test_each_bracket_term_is_coloured_by_its_own_sign():
    rows = [i for i in items() if i.role in ("chain", "local", "path_term")]
    assert len(rows) == 12
    for item in rows:
        assert item.path is not None
        assert colours_in(item.text) == [HAND_SIGNS[item.path]], item.text


def test_the_summed_terms_take_their_own_signs_and_the_common_factor_is_neutral():
    result = next(i for i in items() if i.role == "result").text
    # bracket terms in path order, then the common factor on the second line
    assert colours_in(result) == [COMMON, POS, NEG, NEG, POS, COMMON]
    assert r"{\color{#555555}({-1.044})}" in result  # the common factor -2(yy - y_hat) itself


def test_the_common_factor_is_neutral_wherever_it_is_written():
    by_role = {i.role: i.text for i in items() if i.kind == "formula"}
    for role in ("lead", "result_lead", "dloss"):
        assert colours_in(by_role[role]) == [COMMON], role
    for role in ("z", "o", "y_hat", "loss", "sigmoid"):
        assert colours_in(by_role[role]) == [], role


def test_no_colour_is_given_when_none_is_asked():
    assert all("\\color" not in i.text for i in derivation(default().params, "w11"))
