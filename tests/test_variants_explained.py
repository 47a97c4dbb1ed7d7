"""The derivation, worked solution, walkthrough and quiz follow the network they explain."""

from __future__ import annotations

import itertools

import pytest

from core import latex, quiz, solution, walkthrough
from core.latex_document import document
from core.model import forward, gradients, parameters
from core.presets import preset
from core.scenario import default, with_network
from gui.panels.mathsvg import typeset

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
LOSSES = ("mse", "half_mse", "bce_logits")


def scenario(activation="sigmoid", loss="mse", b=None, c=None):
    s = default()
    if loss == "bce_logits":
        s = with_network(s, conv_bias=None)  # a copy to change the target of
        s = type(s)(s.params.with_value("yy", 0.9), s.name)
    return with_network(s, activation=activation, loss=loss, conv_bias=b, head_bias=c)


CASES = [
    *(scenario(activation=a) for a in ACTIVATIONS),
    *(scenario(loss=x) for x in LOSSES[1:]),
    scenario("relu", "bce_logits", b=-0.5, c=0.3),
]


@pytest.mark.parametrize("s", CASES, ids=lambda s: f"{s.params.activation}-{s.params.loss}")
def test_every_formula_of_every_variant_typesets(s):
    p = s.params
    for param in ("w11", *(n for n in ("b", "c") if p.has(n))):
        for item in latex.derivation(p, param, color=lambda v: "#C00000"):
            if item.kind == "formula":
                assert typeset(item.text).startswith(b"<svg"), item.text
            else:
                assert "{" not in item.heading()  # every placeholder filled
        document(latex.derivation(p, param))  # the LaTeX document builds too


def test_the_relu_derivation_names_relu_and_says_which_path_is_dead():
    p = preset("relu_dead").params
    items = latex.derivation(p, "w11")
    text = " ".join(i.text for i in items if i.kind == "formula")
    assert r"\mathrm{relu}'(z_{10})" in text and r"\sigma" not in text
    assert r"(z_{10} = {-1.1} \le 0)" in text
    (dead,) = [i for i in items if i.text == "note_dead"]
    assert dead.heading() == (
        "Path 3 is dead: z10 = -1.1 is not above 0, where ReLU is flat, so its slope is "
        "exactly 0 and the path adds nothing."
    )
    assert dead.path == 2


def test_the_loss_changes_the_common_factor_in_the_derivation():
    half = latex.derivation(scenario(loss="half_mse").params, "w11")
    bce = latex.derivation(scenario(loss="bce_logits").params, "w11")
    lead = [i.text for i in half if i.role == "result_lead"][0]
    assert r"{-}(yy-\hat{y})" in lead and r"\partial L" in lead
    lead = [i.text for i in bce if i.role == "result_lead"][0]
    assert r"\sigma(\hat{y})-yy" in lead and r"\mathrm{BCE}" in lead


def test_the_worked_solution_names_the_network_and_its_biases():
    s = preset("biases")
    text = solution.markdown(s, "b")
    assert "This network's activation is `sigmoid` and its loss is `mse`." in text
    assert "| wa | wb | wc | wd | b | c | yy |" in text
    assert "b is the conv bias" in text and "c is the head bias" in text
    assert f"${latex.num(gradients(s.params)['b'], 6)}$" in text
    head_bias = solution.markdown(s, "c")
    assert "path 1 via $\\hat{y}$" in head_bias


@pytest.mark.parametrize(
    ("activation", "loss"), list(itertools.product(ACTIVATIONS, LOSSES))
)  # fmt: skip
def test_every_walkthrough_sentence_of_every_variant_is_filled_in(activation, loss):
    s = scenario(activation, loss, b=0.1, c=0.2)
    for param in parameters(s.params):
        for step in walkthrough.steps(s.params, param):
            said = step.narration()
            assert "{" not in said and "}" not in said, said


def test_the_walkthrough_tells_of_a_dead_cell_and_path():
    p = preset("relu_dead").params
    said = [st.narration() for st in walkthrough.steps(p, "w11")]
    assert said[5] == (
        "ReLU: o10 = max(z10, 0) = max(-1.1, 0) = 0: z10 is not above 0, so this cell is dead "
        "and relu'(z10) = 0"
    )
    assert any(x.startswith("Path 3 of 4 via z10 is dead: relu'(z10) = 0") for x in said)
    bce = scenario(loss="bce_logits").params
    f = forward(bce)
    said = [st.narration() for st in walkthrough.steps(bce, "w11")]
    assert any(
        x.startswith("Backward: every path starts with dBCE/dy_hat = s(y_hat) - yy") for x in said
    )
    assert said[-2].startswith("The gradient is the sum of the paths: dBCE/dw11")
    assert f.dloss_dyhat < 0


def test_the_quiz_graph_has_the_biases_and_hides_what_gives_them_away():
    p = preset("biases").params
    net = quiz.net(p)
    assert net == ("s", ("b", "c"))
    g = quiz.graph("w11", net)
    assert "b" in g["z00"] and "c" in g["y_hat"]
    assert g["dMSE/dc"] == (quiz.DLOSS,)
    assert quiz.keys(p, "b") == (
        "y_hat",
        "MSE",
        "path0",
        "path1",
        "path2",
        "path3",
        "grad",
        "after",
    )
    # dMSE/dc is the common factor itself: hiding it must hide the common factor too.
    assert quiz.DLOSS in quiz.concealed({"grad"}, "c", net)
    assert "dMSE/dw11" in quiz.concealed({"grad"}, "c", net)
    # a path into b is dMSE/dz(cell) x 1: hiding it hides dMSE/dz of that cell
    assert "dMSE/dz01" in quiz.concealed({"path1"}, "b", net)
    relu = quiz.net(preset("relu_dead").params)
    assert "relu'(z00)" in quiz.graph("w11", relu)
    for key in quiz.keys(p, "c"):
        assert quiz.expected(p, key, "c") == quiz.expected(p, key, "c")  # computable
