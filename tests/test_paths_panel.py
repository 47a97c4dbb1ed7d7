"""The Paths panel leads with the answer: the gradient first and largest, the nudge check under
it, then the path terms that sum to it and the common factor, all in view without scrolling."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

from gui.look.rich_text import RichText

# The homework by hand: z = window . w, o = s(z), y_hat = head . o, MSE = (yy - y_hat)^2.
A = {"a11": 1, "a12": 0.5, "a13": -1, "a21": -0.5, "a22": 2, "a23": 1,
     "a31": 1.5, "a32": -1, "a33": 0.5}  # fmt: skip
HEAD = (0.8, -0.5, 1.2, 0.7)
YY = 1.5
WINDOWS = (("a11", "a12", "a21", "a22"), ("a12", "a13", "a22", "a23"),
           ("a21", "a22", "a31", "a32"), ("a22", "a23", "a32", "a33"))  # fmt: skip


def mse(w11: float) -> float:
    w = (w11, -0.3, 0.2, 0.6)
    zs = [sum(A[a] * k for a, k in zip(names, w)) for names in WINDOWS]
    y_hat = sum(h / (1 + math.exp(-z)) for h, z in zip(HEAD, zs))
    return (YY - y_hat) ** 2


def central(h: float = 1e-5) -> float:
    return (mse(0.4 + h) - mse(0.4 - h)) / (2 * h)


def number(label: QLabel | RichText, after: str = "=", which: int = -1) -> float:
    """A number (the last) in the label's text (its markup removed), after ``after``."""
    text = re.sub(r"<[^>]+>", "", label.text()).replace("−", "-").split(after)[-1]
    return float(re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)[which])


def test_the_gradient_leads_and_equals_a_central_difference(win):
    panel = win.paths_panel
    grad = number(panel.gradient)
    assert grad == pytest.approx(-0.3145, abs=5e-5)
    assert grad == pytest.approx(central(), rel=1e-5)
    assert number(panel.total) == pytest.approx(grad, abs=1e-6)  # the sum of the terms
    terms = [number(row) for row in panel.rows]
    assert sum(terms) == pytest.approx(grad, abs=5e-4)
    # the common factor -2(yy - y_hat) is the one number that is not the gradient
    y_hat = YY - math.sqrt(mse(0.4))
    assert number(panel.common) == pytest.approx(-2 * (YY - y_hat), abs=5e-4)
    assert number(panel.common) == pytest.approx(-1.044, abs=5e-4)


def test_the_nudge_result_appears_right_under_the_gradient(win):
    panel = win.paths_panel
    panel.nudge.click()
    QApplication.processEvents()
    assert "they agree" in panel.nudge_result.text()
    assert number(panel.nudge_result, "difference", 0) == pytest.approx(central(), rel=1e-5)
    below = panel.gradient.geometry().bottom()
    assert 0 <= panel.nudge_result.geometry().top() - below <= 12
    win.session.set_value("w12", 0.1)  # a new state: the old verdict goes
    assert not panel.nudge_result.isVisibleTo(panel)


def test_the_gradient_is_in_the_largest_type(win):
    panel = win.paths_panel
    size = panel.gradient.font().pointSizeF()
    others = [w for w in panel.findChildren(QLabel) if w is not panel.gradient]
    assert others and all(w.font().pointSizeF() < size for w in others)
    assert size >= 1.5 * panel.rows[0].font().pointSizeF()


def test_top_to_bottom_gradient_sum_terms_common_factor(win):
    panel = win.paths_panel
    order = [panel.gradient, panel.sum_caption, panel.total, *panel.rows, panel.common]
    tops = [w.mapTo(panel, QPoint(0, 0)).y() for w in order]
    assert tops == sorted(tops)


@pytest.mark.parametrize("presenter", [False, True])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_every_row_is_in_the_window_without_scrolling(win, qtbot, size, presenter):
    win.resize(*size)
    panel = win.paths_panel
    body_pt = panel.rows[0].font().pointSizeF()
    if presenter:  # on a 4:3 screen the panel is a tab beside the plots: bring it forward
        win.presenter.enter(QRect(0, 0, *size))
        win.findChild(QDockWidget, "Paths").raise_()
    panel.nudge.click()
    qtbot.waitUntil(lambda: win.size().width() == size[0])
    for _ in range(3):
        QApplication.processEvents()
    if presenter:  # fitted to the height, yet no smaller than the window's own type
        assert panel.rows[0].font().pointSizeF() >= 0.95 * body_pt
    assert panel.scroll_area.verticalScrollBar().maximum() == 0  # nothing to scroll to
    viewport = panel.scroll_area.viewport()
    view = QRect(viewport.mapTo(win, QPoint(0, 0)), viewport.size())
    widgets = [panel.gradient, panel.nudge, panel.nudge_result, panel.sum_caption]
    widgets += [panel.total, *panel.rows, panel.common]
    for w in widgets:
        assert w.isVisible()
        rect = QRect(w.mapTo(win, QPoint(0, 0)), w.size())
        assert win.rect().contains(rect), (w, rect)
        assert view.contains(rect), (w, rect, view)


def luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_cards_are_drawn_in_the_themes_colours(win, theme):
    win.appearance.set_choice(theme, remember=False)
    QApplication.processEvents()
    row = win.paths_panel.rows[0]
    base = row.palette().color(QPalette.ColorRole.Base)
    image = row.grab().toImage()
    scale = image.width() / row.width()
    inside = QColor(image.pixel(int(4 * scale), image.height() // 2))
    edge = QColor(image.pixel(image.width() // 2, 0))
    assert inside == base  # the window's ground, not a white card on black
    assert contrast(edge, inside) >= 3.0  # WCAG 2.1 AA for a control's boundary
    if theme != "light":
        assert base.lightness() < 128
        assert "#0072B2" not in row.text()  # the dark blue is brightened on black


def test_two_columns_of_cards_share_the_width_alike(session, qtbot):
    """A wide panel (a tab under the diagram on a 4:3 projector) shows the cards 1 2 / 3 4 in
    columns of one width, whatever their texts: a dead path's longer card takes no width from
    its neighbour."""
    from core.presets import preset
    from gui.panels.paths import WIDE, PathsPanel

    session.load_scenario(preset("relu_dead"))
    panel = PathsPanel(session)
    qtbot.addWidget(panel)
    big = QFont(panel.font())
    big.setPointSizeF(24)  # cards that ask for most of the width (small ones split it alike)
    panel.setFont(big)
    panel.resize(WIDE + 140, 1400)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)
    rows = panel.rows
    assert rows[1].y() == rows[0].y() and rows[1].x() > rows[0].x()  # side by side
    assert abs(rows[0].width() - rows[1].width()) <= 1
    assert abs(rows[2].width() - rows[3].width()) <= 1
    assert any(r.text().count("<br>") == 2 for r in rows)  # a dead path's card is longer
