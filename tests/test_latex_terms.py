"""Each path's bracket term in the typeset derivation reads as the product it is: the numbers
written out evaluate, by ordinary precedence, to the result printed after them, for every
activation (tanh's slope 1 - o^2 is a difference, so it needs its brackets)."""

from __future__ import annotations

import ast
import operator
import re
from dataclasses import replace

import pytest

from core.latex import derivation
from core.presets import preset

ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "identity"]
OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Pow: pow}


def evaluate(tex: str) -> float:
    """A LaTeX product of numbers, read as a person reads it: ``\\times`` and juxtaposition
    (``\\,``) multiply, ``\\bigl( \\bigr)`` and ``( )`` group, ``^`` raises."""
    text = tex.replace(r"\times", "*").replace(r"\,", "*").replace(r"\bigl(", "(")
    text = text.replace(r"\bigr)", ")").replace("{", "(").replace("}", ")").replace("^", "**")
    text = re.sub(r"\)\s*\(", ")*(", text)  # (a)(b): a product
    text = re.sub(r"(\d)\s*\(", r"\1*(", text)  # 0.79(1 - 0.79): a product

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](walk(node.left), walk(node.right))
        raise ValueError(f"not a product of numbers: {tex!r}")

    return walk(ast.parse(text, mode="eval"))


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_each_terms_numbers_multiply_out_to_the_result_it_prints(activation):
    p = preset("homework").params
    p = replace(p, activation=activation)
    terms = [i.text for i in derivation(p) if i.role == "path_term"]
    assert len(terms) == 4
    for text in terms:
        text = text.replace(r"\;\Bigr]", "")
        body = re.sub(r"^(\\phantom\{\+\}\\ |\+ )", "", text)
        if body.startswith(r"{\color"):
            body = body[body.index("}") + 1 : -1]
        _symbols, numbers, result = body.split(" = ")
        shown = evaluate(result)
        assert evaluate(numbers) == pytest.approx(shown, rel=2e-3, abs=1e-6), text
