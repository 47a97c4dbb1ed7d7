"""The derivation as LaTeX: right numbers, right signs, valid LaTeX (no Qt here)."""

from __future__ import annotations

import re
from pathlib import Path

import latex2mathml.converter
import numpy as np
import pytest
import ziamath

from core.latex import DIMMED, TEXTS, bracket, derivation, num, operand
from core.latex_document import document
from core.model import CELLS, PARAMETERS, Params, forward, gradients
from core.paths import paths
from core.scenario import default

NUMBER = r"-?\d+(?:\.\d+)?(?:\\times10\^\{-?\d+\})?"


def parse(text: str) -> float:
    """A number written by :func:`core.latex.num` back as a float."""
    text = text.strip("()")
    if r"\times10^" in text:
        mantissa, exp = text.split(r"\times10^")
        return float(mantissa) * 10.0 ** int(exp.strip("{}"))
    return float(text)


def random_params(seed: int) -> Params:
    rng = np.random.default_rng(seed)
    return Params.create(
        rng.normal(0, 1.5, (3, 3)), rng.normal(0, 1, (2, 2)), rng.normal(0, 1, 4), rng.normal()
    )


def formulas(items, role):
    return [i for i in items if i.kind == "formula" and i.role == role]


def last_number(tex: str) -> float:
    return parse(re.findall(NUMBER, tex)[-1])


def close(a: float, b: float, digits: int = 4) -> bool:
    return abs(a - b) <= 0.51 * 10 ** (1 - digits) * max(abs(b), 1e-300)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("param", ["w11", "w22", "wc", "a22", "a12", "a31"])
def test_numbers_equal_the_core_for_random_states(seed, param):
    p = random_params(seed)
    f, grads, ps = forward(p), gradients(p), paths(p, param)
    items = derivation(p, param)
    assert close(last_number(formulas(items, "result")[0].text), grads[param], 6)
    assert close(last_number(formulas(items, "loss")[0].text.split(r"\quad")[0]), f.loss)
    assert close(last_number(formulas(items, "y_hat")[0].text), f.y_hat)
    assert close(last_number(formulas(items, "dloss")[0].text), -2 * (p.yy - f.y_hat))
    z_rows = formulas(items, "z")[0].text.split(r"\\")
    for c in range(4):
        assert close(last_number(z_rows[2 * c + 1]), f.z.flat[c])
    terms = formulas(items, "path_term")
    assert [t.path for t in terms] == list(range(len(ps)))
    for term, path in zip(terms, ps, strict=True):
        by_hand = np.prod([fa.value for fa in path.factors[1:]])
        assert close(last_number(term.text.replace(r"\Bigr]", "")), by_hand)


def test_homework_numbers_by_hand():
    items = derivation(default().params)
    # z00 = 1*0.4 + 0.5*(-0.3) + (-0.5)*0.2 + 2*0.6 = 1.35
    assert r"= 1.35" in formulas(items, "z")[0].text
    # y_hat = 0.9782..., so dMSE/dy_hat = -2 (1.5 - 0.9782) = -1.044
    assert r"{-2}\,(1.5 - 0.9782) = {-1.044}" in formulas(items, "dloss")[0].text


def test_sign_of_dmse_dyhat_is_the_chain_rules():
    tex = formulas(derivation(default().params), "dloss")[0].text
    assert r"\frac{2}{n}(yy-\hat{y}) \times ({-1}) = {-2}(yy-\hat{y})" in tex
    assert r"(\hat{y}-y)" not in tex and r"(\hat{y}-yy)" not in tex


@pytest.mark.parametrize("param", PARAMETERS)
def test_no_sigmod_and_path_counts(param):
    p = default().params
    items = derivation(p, param)
    text = " ".join(i.text for i in items) + " ".join(TEXTS.values()) + document(items)
    assert "sigmod" not in text.lower()
    assert len(formulas(items, "path_term")) == len(paths(p, param))
    assert len(formulas(items, "chain")) == len(paths(p, param))


def test_colour_follows_each_terms_sign_and_highlight_dims_the_others():
    p = default().params
    ps = paths(p, "w11")
    items = derivation(p, "w11", color=lambda v: "#FF0000" if v > 0 else "#0000FF", highlight=1)
    for item in formulas(items, "path_term"):
        want = "#FF0000" if bracket(ps[item.path]) > 0 else "#0000FF"
        assert rf"{{\color{{{want}}}" in item.text
    result = formulas(items, "result")[0].text
    assert result.count(DIMMED) == 3


def balanced(text: str) -> bool:
    depth = 0
    for ch in re.sub(r"\\[{}]", "", text):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("param", ["w11", "wa", "a11", "a22"])
def test_document_is_well_formed(param):
    p = random_params(3)
    items = derivation(p, param, color=lambda v: "#D55E00")
    doc = document(items, title="HW 1-3")
    assert doc.startswith("\\documentclass{article}")
    assert "\\usepackage{amsmath}" in doc and "\\usepackage{xcolor}" in doc
    assert doc.rstrip().endswith("\\end{document}")
    assert balanced(doc)
    assert "\\color[HTML]{D55E00}" in doc and "\\color{#" not in doc
    begins = re.findall(r"\\begin\{(\w+\*?)\}", doc)
    ends = re.findall(r"\\end\{(\w+\*?)\}", doc)
    assert sorted(begins) == sorted(ends)
    stack = []
    for kind, env in re.findall(r"\\(begin|end)\{(\w+\*?)\}", doc):
        if kind == "begin":
            stack.append(env)
        else:
            assert stack.pop() == env
    # Alignment tabs only inside align* (not in text, and at most one per row).
    for block in re.findall(r"\\begin\{align\*\}(.*?)\\end\{align\*\}", doc, re.S):
        for row in block.split("\\\\\n"):
            outer = re.sub(r"\\begin\{aligned\}.*?\\end\{aligned\}", "", row, flags=re.S)
            assert outer.count("&") <= 1
    outside = re.sub(r"\\begin\{align\*\}.*?\\end\{align\*\}", "", doc, flags=re.S)
    assert "&" not in outside.replace(r"\&", "")
    assert f"{num(gradients(p)[param], 6)}" in doc


def test_document_asks_for_xelatex_for_chinese_headings():
    texts = dict(TEXTS, step1="Step 1. Define the model's values (定義模型參數)")
    doc = document(derivation(default().params), texts)
    assert "定義模型參數" in doc and "xeCJK" in doc
    assert "xeCJK" not in document(derivation(default().params))


@pytest.mark.parametrize("param", ["w11", "wb", "a22"])
def test_every_formula_typesets(param):
    for item in derivation(random_params(5), param, color=lambda v: "#0072B2", highlight=0):
        if item.kind == "formula":
            assert balanced(item.text)
            assert "<math" in latex2mathml.converter.convert(item.text)
            assert ziamath.Latex(item.text).svg().startswith("<svg")


@pytest.mark.parametrize(
    "value, text",
    [
        (0.5, "0.5"),
        (-1.25, "{-1.25}"),
        (-2e-9, r"{-2\times10^{-9}}"),
        (1.2e-7, r"1.2\times10^{-7}"),
        (3.5e6, r"3.5\times10^{6}"),
        (0.0, "0"),
        (float("inf"), r"\infty"),
    ],
)
def test_number_format(value, text):
    assert num(value) == text
    if value < 0 or "times" in text:
        assert operand(value) == f"({text})"


def test_core_latex_imports_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, core.latex; "
        "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cells_named_like_the_homework():
    items = derivation(default().params)
    for cell in CELLS:
        assert f"z_{{{cell}}}" in formulas(items, "z")[0].text


#: LaTeX that stretches: fences, bars, roots, braces over a width, matrices, big operators.
STRETCHY = [
    r"\left(\frac{a}{b}\right)^2 + \left[\frac{1}{1+e^{-z}}\right]",
    r"(yy-\hat{y})^2 \Bigl[ x + \frac{1}{2} \Bigr]",
    r"\left| \frac{\partial L}{\partial w} \right| = \|w\|",
    r"\sqrt{\frac{a}{b}} + \sqrt[3]{x^2}",
    r"\overbrace{a + \left(\frac{b}{c}\right)}^{n} + \underbrace{x}_{k}",
    r"\begin{pmatrix} 1 & \frac{1}{2} \\ (x) & y \end{pmatrix}",
    r"\sum_{i=1}^{n} \left\{ \frac{x_i}{2} \right\} + \int_0^1 f(x)\,dx",
    r"\widehat{abc} + \vec{v} + \bar{x}",
    r"\text{?}",
]

#: ziamath alone, in a fresh interpreter: LaTeX lines on stdin, one SVG's sha256 a line out.
PLAIN_ZIAMATH = """
import hashlib, json, sys
import ziamath
from ziamath.config import config
config.svg2 = False
for latex in json.load(sys.stdin):
    print(hashlib.sha256(ziamath.Latex(latex, size=24).svg().encode()).hexdigest())
"""


def panel_formulas() -> list[str]:
    """Formulas the derivation panel asks for: several networks, parameters and colourings."""
    from core.scenario import load

    presets = Path(__file__).resolve().parents[1] / "resources" / "presets"
    states = [default().params, random_params(3)]
    states += [load(presets / f"{name}.json").params for name in ("tanh", "biases", "relu_dead")]
    out = []
    for k, p in enumerate(states):
        params = ["w11", "a22"] + (["b", "c"] if p.b is not None and p.c is not None else [])
        for param in params:
            color = (lambda v: "#B85000" if v > 0 else "#0072B2") if k % 2 else None
            items = derivation(p, param, color=color, highlight=k % 2 or None, common="#595C61")
            out += [i.text for i in items if i.kind == "formula"]
    return list(dict.fromkeys(out))


def test_the_speedups_typeset_every_formula_byte_for_byte_as_ziamath_alone():
    import hashlib
    import json
    import subprocess
    import sys

    from gui.panels.mathsvg import FONT_SIZE, _ziamath, typeset

    assert FONT_SIZE == 24
    formulas = panel_formulas() + STRETCHY
    assert len(formulas) > 80
    _ziamath()
    from ziamath.nodes.mrow import Mrow

    assert getattr(Mrow, "_speedups", False)  # on: this is what the worker runs
    fast = [hashlib.sha256(typeset(f)).hexdigest() for f in formulas]
    plain = subprocess.run(
        [sys.executable, "-c", PLAIN_ZIAMATH],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert len(plain) == len(formulas)
    differ = [f for f, a, b in zip(formulas, fast, plain, strict=True) if a != b]
    assert differ == []
