"""The walkthrough's sentences, written in ASCII, are shown in the symbols of the diagram and
the derivation: ∂ for a derivative, ŷ, · and ×, ←, the minus sign and ²; words stay words."""

from __future__ import annotations

import re

import pytest

from core.notation import pretty


@pytest.mark.parametrize(
    "ascii_text, shown",
    [
        (
            "Path 2 of 4 via z01: dMSE/dy_hat x dy_hat/do01 x do01/dz01 x dz01/dw11 = "
            "(-1.044) x (-0.5) x 0.1491 x 0.5 = 0.03892",
            "Path 2 of 4 via z01: ∂MSE/∂ŷ × ∂ŷ/∂o01 × ∂o01/∂z01 × ∂z01/∂w11 = "
            "(−1.044) × (−0.5) × 0.1491 × 0.5 = 0.03892",
        ),
        (
            "One step: w11 <- w11 - lr x gradient = 0.4 - 0.5 x (-0.314542) = 0.557271",
            "One step: w11 ← w11 − lr × gradient = 0.4 − 0.5 × (−0.314542) = 0.557271",
        ),
        (
            "z00 = a11*w11 + a12*w12 = 1*0.4 + 0.5*(-0.3) = 0.25",
            "z00 = a11·w11 + a12·w12 = 1×0.4 + 0.5×(−0.3) = 0.25",
        ),
        ("The loss: MSE = (yy - y_hat)^2 = 0.2723", "The loss: MSE = (yy − ŷ)² = 0.2723"),
        (
            "Leaky ReLU: o00 = max(z00, 0.01 z00) = -0.011",
            "Leaky ReLU: o00 = max(z00, 0.01 z00) = −0.011",
        ),
        ("the cell is dead and relu'(z10) = 0", "the cell is dead and relu'(z10) = 0"),
    ],
)
def test_ascii_math_reads_in_the_diagrams_symbols(ascii_text, shown):
    assert pretty(ascii_text) == shown


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
@pytest.mark.parametrize(
    "preset_name", ["homework", "tanh", "relu_dead", "biases", "classification"]
)
def test_every_walkthrough_sentence_on_screen_is_free_of_ascii_math(win, lang, preset_name):
    from PySide6.QtWidgets import QApplication

    from core.presets import preset
    from gui.support.language import set_language

    set_language(lang)
    s = win.session
    s.load_scenario(preset(preset_name))
    s.lecture.start_walkthrough()
    bar = win.walkthrough.text
    seen = 0
    while True:
        QApplication.processEvents()
        text = bar.text()
        assert not re.search(r"y_hat|<-| x |\bd[A-Za-z]\w*/d|\*", text), text
        seen += 1
        before = s.snapshot.walk_step
        s.lecture.walk_next()
        if s.snapshot.walk_step is None or s.snapshot.walk_step == before:
            break
    assert seen >= 10
