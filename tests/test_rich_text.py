"""The Paths panel's self-drawn rich text reads as a QLabel with the same HTML does, and a new
number asks its parent for a layout only when it needs other room."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from test_steady import LayoutRequests

from gui.look.rich_text import BREAK, RichText, parse

CARD = (
    "<span style='color:#0072B2'><b>1</b> via z00: wa · s'(z00) · a11 · ∂MSE/∂ŷ<br>"
    "= 0.8 × 0.1635 × 1 × (-1.044) = <b>{}</b></span>"
    "<br><span style='color:#0072B2'><i>relu'(z00) = 0: z00 = -1 &lt;= 0</i></span>"
)


def pixels(widget: QWidget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, : image.width(), :3].copy()  # the image's memory goes with it


def test_tags_become_styles_and_entities_characters():
    text, runs = parse("<span style='color:#d55e00'><b>2</b> a &lt;= b<br>c</span> <i>d</i>")
    assert text == f"2 a <= b{BREAK}c d"
    assert runs[0] == (0, 1, True, False, "#d55e00")  # the bold number, in the span's colour
    assert runs[1] == (1, 7, False, False, "#d55e00")  # " a <= b": the entity read as "<"
    assert runs[-1] == (len(text) - 1, 1, False, True, None)  # "d" in italic, outside the span


def test_a_tag_it_does_not_know_is_shown_not_lost():
    text, _ = parse("x<sub>2</sub>")
    assert text == "x<sub>2</sub>"


def test_a_stray_closing_tag_closes_nothing():
    """A translation that closes a tag it never opened leaves the next one working."""
    text, runs = parse("a</b></span><b>b</b>")
    assert text == "ab"
    assert runs == [(0, 1, False, False, None), (1, 1, True, False, None)]


TEXTS = [
    CARD.format("-0.1365"),  # coloured, bold, italic, two breaks
    "Common factor of every term: ∂MSE/∂ŷ = −2(yy − ŷ) = <b>-1.044</b>",  # the palette's ink
    "每一項的共同因子：∂MSE/∂ŷ = −2(yy − ŷ) = <b>-1.044</b>",  # no spaces to wrap at
]


def pair(qtbot, html: str, points: float) -> tuple[QLabel, RichText]:
    """A word-wrapped rich-text QLabel and a RichText of ``html``, in one font and a palette
    whose text is red (so a plain run drawn in anything else shows)."""
    font = QFont()
    font.setPointSizeF(points)
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    mine = RichText(html)
    for widget in (label, mine):
        qtbot.addWidget(widget)
        widget.setFont(font)
        pal = widget.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#c00000"))
        widget.setPalette(pal)
        widget.setAutoFillBackground(True)
    return label, mine


@pytest.mark.parametrize("html", TEXTS)
def test_it_draws_what_a_rich_text_label_draws(qtbot, html):
    """The same HTML, font, palette and size: the same pixels (line breaks, colours, weights
    and the centring in a taller widget included)."""
    label, mine = pair(qtbot, html, 13)
    for width, extra in ((520, 0), (260, 0), (200, 0), (260, 37)):  # wrapped; taller
        for widget in (label, mine):
            widget.resize(width, label.heightForWidth(width) + extra)
        a, b = pixels(label), pixels(mine)
        ink = (a.sum(axis=2) < 600).sum()
        assert ink > 300  # the label drew its text
        differ = int((np.abs(a.astype(int) - b.astype(int)).sum(axis=2) > 30).sum())
        assert differ == 0, f"{differ} of {ink} inked pixels differ at {width}x{a.shape[0]}"
    assert mine.accessibleName() == mine.plain() != ""


@pytest.mark.parametrize("html", [*TEXTS, "word " * 60])  # the last: adjustSize's 2nd step
@pytest.mark.parametrize("points", [9, 13])
def test_it_asks_a_layout_for_the_room_a_rich_text_label_asks_for(qtbot, html, points):
    """Its preferred and least sizes, and its height at each width, are a QLabel's: the
    Paths panel and its docks are laid out as they were."""
    label, mine = pair(qtbot, html, points)
    assert mine.sizeHint() == label.sizeHint()
    assert mine.minimumSizeHint() == label.minimumSizeHint()
    for width in (40, 120, 200, 300, 600):
        assert mine.heightForWidth(width) == label.heightForWidth(width), width


def test_a_new_number_asks_for_a_layout_only_when_it_needs_other_room(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    text = RichText(CARD.format("-0.1365"))
    column = QVBoxLayout(holder)
    column.addWidget(text)
    column.addStretch(1)  # the text takes the height it asks for
    holder.resize(420, 200)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.wait(50)  # the layout requests of showing it are done
    height = text.height()
    spy = LayoutRequests()
    holder.installEventFilter(spy)
    text.setText(CARD.format("-0.2468"))  # as many digits: the same room
    qtbot.wait(20)
    assert spy.count == 0
    assert "-0.2468" in text.plain() and text.height() == height
    text.setText(CARD.format("-0.2468 " + "and a much longer tail " * 4))  # more lines
    qtbot.waitUntil(lambda: text.height() > height)
    assert spy.count >= 1


def test_a_resize_after_a_new_text_gets_the_height_the_text_needs_there(qtbot):
    """A new text of as many lines at the widget's width asks for no layout, but Qt keeps the
    heights it asked for at other widths: the next resize renews them, so the text is not cut."""
    holder = QWidget()
    qtbot.addWidget(holder)
    text = RichText("short")
    column = QVBoxLayout(holder)
    column.addWidget(text)
    column.addStretch(1)
    holder.show()
    for width in (400, 120, 400):  # the layout learns the height at 120 of the short text
        holder.resize(width, 300)
        qtbot.wait(20)
    longer = "still one line at this width, three at the other"
    text.setText(longer)  # one line at 400 as before: no layout asked for
    holder.resize(120, 300)
    qtbot.waitUntil(lambda: text.height() >= text.heightForWidth(text.width()))
    assert text.heightForWidth(text.width()) > text.heightForWidth(400)  # it wraps there
