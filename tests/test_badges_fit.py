"""Numbers in the diagram's badges and boxes fit their room and keep their value.

The room is measured with QFontMetricsF in the font each text is painted in; the head boxes'
places come from the layout; the values shown are parsed back and compared with the model's.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from core.model import HEAD
from gui.diagram import layout
from gui.diagram.items import LEAST_PX, fit_text

LONG = ["6.417e-258", "-6.417e-258", "-1.08e-252", "0.02127", "-overflow", "undefined", "?"]
NUMBER = re.compile(r"-?\d+(\.\d+)?(e[+-]\d+)?")


def width(text: str, font: QFont) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


def badge_font() -> QFont:
    font = QFont()
    font.setPixelSize(16)
    font.setBold(True)
    return font


@pytest.mark.parametrize("text", LONG)
def test_a_badges_number_fits_between_its_disc_and_the_head_box(win, text):
    scene = win.scene
    for c, badge in scene.badges.items():
        if c not in range(len(HEAD)):
            continue  # the head bias's badge, right of its link into y_hat: no head box there
        badge.set_content(c, text, "#0072B2")
        shown, font = badge.drawn()
        room = badge.mapRectToScene(badge.text_rect())
        assert width(shown, font) <= room.width(), (shown, font.pixelSize())
        head = layout.head_rect(HEAD[c])
        assert room.right() < head.left(), "the number's room runs into the head box"
        assert font.pixelSize() >= LEAST_PX
        if NUMBER.fullmatch(text):  # the same number, to the digits kept
            assert float(shown) == pytest.approx(float(text), rel=0.01)


def test_with_vanishing_paths_the_lit_badges_fit_and_show_the_paths_values(win):
    s = win.session
    for name in ("w11", "w12", "w21", "w22"):
        s.set_value(name, 290.0)  # z ~ 600: s'(z) ~ 1e-260, the paths' terms with it
    s.select("w11")
    shown = [b for b in win.scene.badges.values() if b.isVisible()]
    assert shown
    long = 0
    for badge in shown:
        text, font = badge.drawn()
        assert width(text, font) <= badge.text_rect().width()
        value = s.snapshot.paths[badge.index].value
        assert float(text) == pytest.approx(value, rel=0.01, abs=1e-320)
        long += "e-" in text
    assert long, "no path had a long number to fit"


@pytest.mark.parametrize("text", ["∂ -6.417e-258", "-6.417e-258", "∂MSE/∂z00 = -6.417e-258"])
def test_box_lines_fit_their_box_with_their_value(win, text):
    from gui.diagram.items import Line

    for name in ("wa", "a11", "z00", "y_hat"):
        item = win.scene.nodes[name]
        room = item.text_room()
        item.set_lines((Line(text, "value"), Line(text, "grad")))
        for shown, font in item.drawn_lines():
            assert width(shown, font) <= room, (name, shown)
            number = NUMBER.search(shown.split("=")[-1])
            assert number is not None
            assert float(number.group()) == pytest.approx(-6.417e-258, rel=0.01)


def test_text_too_long_to_shorten_is_elided_not_drawn_past_its_room(qapp):  # fonts need an app
    font = badge_font()
    text, fitted = fit_text("a very long explanation that cannot fit", font, 60)
    assert width(text, fitted) <= 60
    assert text.endswith("…")


def test_a_number_that_fits_is_left_as_it_is(qapp):
    font = badge_font()
    assert fit_text("0.5", font, 76) == ("0.5", font)
