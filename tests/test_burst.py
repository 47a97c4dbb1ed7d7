"""A burst of edits faster than the display ends in exactly the state the last edit asked for,
with every view showing it."""

from __future__ import annotations

import math
import random

import pytest
from test_descent_plots import current_point, on_curve

from core.model import EDITABLE
from core.numfmt import fmt


def sig(z: float) -> float:  # written out again here, independent of core.model
    return 1 / (1 + math.exp(-z))


def loss_of(v: dict[str, float]) -> float:
    a = [[v[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)]
    w = [[v["w11"], v["w12"]], [v["w21"], v["w22"]]]
    heads = [v["wa"], v["wb"], v["wc"], v["wd"]]
    y = 0.0
    for k, (i, j) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        z = sum(a[i + p][j + q] * w[p][q] for p in (0, 1) for q in (0, 1))
        y += heads[k] * sig(z)
    return (v["yy"] - y) ** 2


@pytest.mark.parametrize("seed", [1, 2])
def test_a_burst_of_100_edits_ends_in_the_last_asked_state_on_every_view(window, qtbot, seed):
    session = window.session
    rng = random.Random(seed)
    names = ["w11", "w12", "w21", "w22", "wa", "wb", "a11", "a22", "yy"]
    asked = {name: session.snapshot.value(name) for name in EDITABLE}
    for _ in range(100):  # no event is processed in between: faster than any frame
        name = rng.choice(names)
        value = round(rng.uniform(-2, 2), 3)
        session.set_value(name, value)
        asked[name] = value
    qtbot.wait(50)  # one display frame and more: whatever is coalesced has landed
    snap = session.snapshot
    assert {n: snap.value(n) for n in asked} == asked
    for name in names:
        assert window.scene.nodes[name].lines()[0].text == fmt(asked[name])
    x, y = current_point(window.descent_panel.curve.widget)
    assert x == asked["w11"]
    assert y == pytest.approx(loss_of(asked), rel=1e-12)
    assert on_curve(window.descent_panel.curve.widget, x, y)
    shown_loss = window.scene.nodes["MSE"].lines()[0].text
    assert shown_loss == fmt(loss_of(asked))
