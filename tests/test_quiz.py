"""Predict, then reveal: hidden values read "?"; a prediction is checked within the tolerance."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.model import forward, gradients


def answer(win, qtbot, key: str, text: str) -> str:
    row = win.quiz.rows[key]
    row.answer.clear()
    qtbot.keyClicks(row.answer, text)
    qtbot.keyClick(row.answer, Qt.Key.Key_Return)
    return row.verdict.text()


def test_hidden_values_read_question_marks_everywhere(win, session):
    before = session.snapshot.params
    win.quiz.rows["y_hat"].hide.setChecked(True)
    win.quiz.rows["path1"].hide.setChecked(True)
    assert session.snapshot.hidden == {"y_hat", "path1"}
    assert [line.text for line in win.scene.nodes["y_hat"].lines()][0] == "?"
    assert win.scene.badges[1].text() == "?"
    assert "?" in win.paths_panel.total.text()
    assert not win.derivation._scroll.isVisibleTo(win.derivation)
    panel = win.descent_panel  # the loss curve and its legend would give the loss away
    assert not panel.plots.isVisibleTo(panel) and panel.hidden_note.isVisibleTo(panel)
    assert session.snapshot.params == before
    win.quiz.rows["y_hat"].hide.setChecked(False)
    win.quiz.rows["path1"].hide.setChecked(False)
    assert panel.plots.isVisibleTo(panel) and not panel.hidden_note.isVisibleTo(panel)


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
