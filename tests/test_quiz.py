"""Predict, then reveal: hidden values read "?"; a prediction is checked within the tolerance."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from core.model import forward, gradients


@pytest.fixture(autouse=True)
def quiz_in_front(win):
    """The Quiz tab brought forward, as a person does before using it (Q, or its tab)."""
    win.findChild(QDockWidget, "quiz_dock").raise_()
    QApplication.processEvents()


def answer(win, qtbot, key: str, text: str) -> str:
    row = win.quiz.rows[key]
    row.answer.clear()
    qtbot.keyClicks(row.answer, text)
    qtbot.keyClick(row.answer, Qt.Key.Key_Return)
    return row.verdict.text()


def lines(win, name: str) -> list[str]:
    return [line.text for line in win.scene.nodes[name].lines()]


def shown_rows(win) -> set[str]:
    """The derivation's rows on show once its tab is brought forward (behind the Paths tab
    it leaves its rows as they were until then)."""
    d = win.derivation
    d.parentWidget().raise_()  # its tab in front, as a person looks at it: built when shown
    QApplication.processEvents()
    pairs = zip(d._widgets, d._items, strict=True)
    return {f"{i.role}{'' if i.path is None else i.path}" for w, i in pairs if w.isVisibleTo(d)}


def test_hiding_y_hat_hides_what_gives_it_away_everywhere_and_nothing_else(win, session):
    before = session.snapshot.params
    win.quiz.rows["y_hat"].hide.setChecked(True)
    assert session.snapshot.hidden == {"y_hat"}
    assert lines(win, "y_hat") == ["?", "∂MSE/∂ŷ = ?"]
    assert lines(win, "MSE")[0] == "?"  # (yy - y_hat)^2 would give y_hat
    assert lines(win, "yy")[1] == "∂ ?"  # dMSE/dyy = 2(yy - y_hat) too
    assert lines(win, "z00") == ["z00 = 1.35", "o00 = s(z00) = 0.7941", "s'(z00) = 0.1635",
                                 "∂MSE/∂z00 = ?"]  # fmt: skip
    assert lines(win, "a11")[0] == "1" and lines(win, "a11")[1] == "∂ ?"
    assert [win.scene.badges[c].text() for c in range(4)] == ["?"] * 4
    panel = win.paths_panel
    assert "?" in panel.gradient.text() and "?" in panel.common.text()
    assert "0.8 × 0.1635 × 1 × ?" in panel.rows[0].text()  # the factors still show
    rows = shown_rows(win)
    assert {"z", "o", "lead", "chain0", "local0", "path_term0", "path_term3"} <= rows
    assert not rows & {"y_hat", "loss", "dloss", "result"}
    assert win.derivation._hidden_note.isVisibleTo(win.derivation)
    plots = win.descent_panel
    assert plots.plots.isVisibleTo(plots)  # the plots stay; the points that tell go
    assert not plots.curve.widget.getPlotItem().vb.isVisible()
    assert plots.value.widget.getPlotItem().vb.isVisible()  # w11's values are given
    assert not plots.value._grad.isVisible()
    assert "∂MSE/∂yy" in win.quiz.implied.text()
    assert session.snapshot.params == before
    win.quiz.rows["y_hat"].hide.setChecked(False)
    assert lines(win, "MSE")[0] == "0.2723" and plots.value._grad.isVisible()
    assert plots.curve.widget.getPlotItem().vb.isVisible()
    win.findChild(QDockWidget, "quiz_dock").raise_()  # the quiz as a person sees it, in front
    QApplication.processEvents()
    assert not win.quiz.implied.isVisibleTo(win.quiz)
    win.derivation.parentWidget().raise_()
    QApplication.processEvents()
    assert not win.derivation._hidden_note.isVisibleTo(win.derivation)


def test_hiding_the_gradient_keeps_the_paths_and_the_loss(win, session):
    session.lecture.hide_value("grad")
    panel = win.paths_panel
    assert "?" in panel.gradient.text() and not panel.nudge.isEnabled()
    assert "#0072B2" not in panel.gradient.text().upper()  # not even its sign, by its colour
    assert "<b>-0.1365</b>" in panel.rows[0].text()  # the terms to add up
    assert "-1.044" in panel.common.text()
    assert lines(win, "w11")[1] == "∂ ?" and lines(win, "MSE")[0] == "0.2723"
    assert shown_rows(win) >= {"loss", "dloss", "path_term0"} and "result" not in shown_rows(win)
    plots = win.descent_panel
    assert plots.curve.widget.getPlotItem().vb.isVisible()  # the loss is no secret
    assert not plots.curve._tangent.isVisible()  # its slope is the gradient
    assert not plots.curve._predicted.isVisible()  # the step it takes is too


def test_a_prediction_within_the_tolerance_is_right_and_one_outside_is_not(win, session, qtbot):
    y_hat = forward(session.snapshot.params).y_hat  # 0.97817...
    session.lecture.hide_value("y_hat")
    assert "Right" in answer(win, qtbot, "y_hat", f"{y_hat * 1.009:.6f}")
    assert "Not yet" in answer(win, qtbot, "y_hat", f"{y_hat * 1.011:.6f}")
    assert "y_hat" in session.snapshot.hidden  # a wrong answer reveals nothing


def test_the_tolerance_can_be_widened(win, session, qtbot):
    grad = gradients(session.snapshot.params)["w11"]  # -0.31454...
    session.lecture.hide_value("grad")
    assert "Not yet" in answer(win, qtbot, "grad", "-0.3")  # 4.6 % off
    win.quiz.tolerance.setValue(5.0)
    assert "Right" in answer(win, qtbot, "grad", "-0.3")
    assert "Right" in answer(win, qtbot, "grad", f"{grad:.3f}".replace(".", ","))  # 0,5 form


def test_reveal_shows_the_value_and_unhides_it(win, session, qtbot):
    session.lecture.hide_value("after")
    qtbot.mouseClick(win.quiz.rows["after"].reveal, Qt.MouseButton.LeftButton)
    new = 0.4 - 0.5 * gradients(session.snapshot.params)["w11"]
    assert f"{new:.6g}" in win.quiz.rows["after"].verdict.text()
    assert "after" not in session.snapshot.hidden


def test_unreadable_text_says_why(win, session, qtbot):
    session.lecture.hide_value("MSE")
    assert "not a number" in answer(win, qtbot, "MSE", "abc")


def test_a_head_weight_has_one_path_row(win, session):
    session.select("wb")
    visible = [k for k, row in win.quiz.rows.items() if row.hide.isVisibleTo(win.quiz)]
    assert visible == ["y_hat", "MSE", "path0", "grad", "after"]


def green_pixels(widget) -> int:
    """Pixels of the current point's green (the loss at the cursor) in ``widget`` as drawn."""
    from PySide6.QtGui import QColor

    from gui.look.palette import SELECTED

    image = widget.grab().toImage()
    green = QColor(SELECTED).rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == green
    )


def test_the_loss_at_the_cursor_is_not_drawn_while_the_loss_is_hidden(win, session, qtbot):
    curve = win.descent_panel.curve.widget
    assert green_pixels(curve) > 20  # the current point on the loss curve
    session.lecture.hide_value("MSE")
    qtbot.wait(10)
    assert green_pixels(curve) == 0
    session.lecture.reveal_all()
    qtbot.wait(10)
    assert green_pixels(curve) > 20


def test_behind_another_tab_the_quiz_catches_up_when_raised(win, session):
    win.findChild(QDockWidget, "Paths").raise_()
    QApplication.processEvents()
    session.select("wb")  # while the quiz is behind: one path row for a head weight
    session.lecture.hide_value("MSE")
    win.findChild(QDockWidget, "quiz_dock").raise_()
    QApplication.processEvents()
    visible = [k for k, row in win.quiz.rows.items() if row.hide.isVisibleTo(win.quiz)]
    assert visible == ["y_hat", "MSE", "path0", "grad", "after"]
    assert win.quiz.rows["MSE"].hide.isChecked()


def test_the_diagram_draws_hidden_terms_in_neither_their_sign_nor_their_size(win, session):
    scene = win.scene

    def path_look(c: int) -> tuple:
        """How path ``c`` is drawn: its edges' pens, its badge's colour, its cell's emphasis."""
        pens = [scene.edges[f"{kind}{c}"].pen() for kind in ("head", "headout", "kern", "inp")]
        cell = scene.nodes[f"z{('00', '01', '10', '11')[c]}"].emphasis()
        looks = [(p.color().name(), p.widthF(), p.style()) for p in pens]
        return (*looks, scene.badges[c]._color, cell.border, cell.width, cell.fill)

    assert path_look(0) != path_look(1)  # -0.1365 and 0.03892: their signs and sizes differ
    session.lecture.hide_value("path0")
    session.lecture.hide_value("path1")
    assert path_look(0) == path_look(1)  # hidden, both alike
    assert path_look(0) != path_look(3)  # path 3 is on show, in its colour
    assert path_look(0)[0][0] not in (path_look(3)[0][0], path_look(2)[0][0])  # nor any sign's
    session.lecture.reveal_all()
    session.lecture.hide_value("y_hat")  # hides every term and the gradient with it
    assert path_look(0) == path_look(1) == path_look(2) == path_look(3)
    total = scene.edges["yhat_loss"].pen().color().name()
    assert total == path_look(0)[0][0]  # the gradient's sign is not told by the last edge


def test_an_unreadable_answer_keeps_the_keys_and_follows_the_language(win, session, qtbot):
    """'abc' is refused with its reason: the keys stay in the answer to type again, and the
    reason is said again in the new language, as the verdicts are."""
    from gui.support import language

    session.lecture.hide_value("y_hat")
    row = win.quiz.rows["y_hat"]
    language.set_language("zh_TW")
    try:
        row.answer.setFocus()
        qtbot.waitUntil(row.answer.hasFocus)
        row.answer.clear()
        qtbot.keyClicks(row.answer, "abc")
        qtbot.keyClick(row.answer, Qt.Key.Key_Return)
        assert row.answer.hasFocus()
        assert "「abc」不是數字" in row.verdict.text()
    finally:
        language.set_language("en")
    assert "'abc' is not a number" in row.verdict.text()
    win.view.setFocus()
