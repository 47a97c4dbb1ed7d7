"""Typing fields of the descent: refusals say why and keep the old value; Enter and Escape hand
the keyboard back to the descent keys; a clicker's keys step from any focus."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

FIELDS = {  # field: (text refused, what the refusal says, the range sentence's start)
    "lr_box": [
        ("101", "101 is too large", "The learning rate takes"),
        ("1000", "1000 is too large", "The learning rate takes"),
        ("0", "0 is too small", "The learning rate takes"),
        ("-1", "-1 is too small", "The learning rate takes"),
        ("fast", "“fast” is not a number", "The learning rate takes"),
        ("1e999", "1e999 is too large", "The learning rate takes"),
        ("1/0", "division by zero", "The learning rate takes"),
    ],
    "speed": [
        ("0", "0 is too small", "The speed takes"),
        ("5000", "5000 is too large", "The speed takes"),
        ("-1", "-1 is too small", "The speed takes"),
        ("2.5", "2.5 is not a whole number", "The speed takes"),
    ],
    "max_steps": [
        ("0", "0 is too small", "Play stops after"),
        ("20000000", "2e+07 is too large", "Play stops after"),
    ],
    "tol_box": [
        ("0", "0 is too small", "The tolerance takes"),
        ("-1", "-1 is too small", "The tolerance takes"),
        ("abc", "“abc” is not a number", "The tolerance takes"),
    ],
}
CASES = [(name, *case) for name, cases in FIELDS.items() for case in cases]


@pytest.fixture(autouse=True)
def _focus_back_on_the_diagram_at_the_end(window):
    """A window closed with the focus in a spin box outlives its test (see test_memory)."""
    yield
    window.view.setFocus()


def typed(qtbot, field, text, key=Qt.Key.Key_Return):
    field.setFocus()
    qtbot.waitUntil(
        lambda: (
            field.hasFocus() or field.lineEdit().hasFocus()
            if hasattr(field, "lineEdit")
            else field.hasFocus()
        )
    )
    (field.lineEdit() if hasattr(field, "lineEdit") else field).selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, key)


def settings_of(session):
    s = session.snapshot
    return (s.lr, s.settings.speed, s.settings.max_steps, s.settings.tol)


@pytest.mark.parametrize(("name", "text", "why", "takes"), CASES)
def test_a_refused_value_says_why_and_keeps_the_old_one(
    window, session, qtbot, name, text, why, takes
):
    controls = window.descent_controls
    field = getattr(controls, name)
    before, shown = settings_of(session), field.text()
    typed(qtbot, field, text)
    assert settings_of(session) == before
    assert field.text() == shown  # the old value is on show again
    bubble = controls.bubble
    assert bubble.isVisible()
    assert bubble.text().startswith("Not changed: ") and why in bubble.text()
    assert takes in bubble.text()
    inside = QRect(QPoint(0, 0), window.size())
    assert inside.contains(bubble.geometry())  # the note lies inside the window


@pytest.mark.parametrize("name", ["lr_box", "speed", "tol_box"])
def test_a_refused_value_keeps_the_keys_in_its_field_to_type_again(window, session, qtbot, name):
    field = getattr(window.descent_controls, name)
    typed(qtbot, field, "abc" if name != "speed" else "0")
    edit = field.lineEdit() if hasattr(field, "lineEdit") else field
    assert edit.hasFocus() and edit.selectedText() == edit.text()  # the old value, selected
    before = session.snapshot.path
    qtbot.keyClicks(edit, "2")  # typed into the field, not taken as "show path 2 alone"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert session.snapshot.path == before
    assert window.view.hasFocus()  # a good value hands the keys back
    if name == "lr_box":
        assert session.snapshot.lr == 2
    if name == "speed":
        assert session.snapshot.settings.speed == 2
    if name == "tol_box":
        assert session.snapshot.settings.tol == 2


@pytest.mark.parametrize(
    ("name", "typed_text", "shown"), [("lr_box", "0,1", "0.1"), ("tol_box", "1/4", "0.25")]
)
def test_a_value_taken_is_shown_as_the_app_writes_it(
    window, session, qtbot, name, typed_text, shown
):
    field = getattr(window.descent_controls, name)
    typed(qtbot, field, typed_text)
    assert field.text() == shown


def test_a_good_value_hides_the_note_and_applies(window, session, qtbot):
    controls = window.descent_controls
    typed(qtbot, controls.lr_box, "1000")
    assert controls.bubble.isVisible()
    typed(qtbot, controls.lr_box, "0.25")
    assert session.snapshot.lr == 0.25 and not controls.bubble.isVisible()
    typed(qtbot, controls.speed, "40")
    assert session.snapshot.settings.speed == 40


def test_enter_hands_the_keys_back_to_the_descent(window, session, qtbot):
    lr = window.descent_controls.lr_box
    typed(qtbot, lr, "0.25")
    assert not lr.hasFocus() and window.view.hasFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    assert session.snapshot.descent.step == 2 and lr.text() == "0.25"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_R)
    assert session.snapshot.descent.step == 0
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    assert session.snapshot.descent.playing
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    assert not session.snapshot.descent.playing


@pytest.mark.parametrize("name", ["lr_box", "speed", "max_steps", "tol_box"])
def test_escape_puts_the_old_value_back_and_hands_the_keys_back(window, session, qtbot, name):
    field = getattr(window.descent_controls, name)
    before, shown = settings_of(session), field.text()
    typed(qtbot, field, "3", key=Qt.Key.Key_Escape)
    assert settings_of(session) == before and field.text() == shown
    assert window.view.hasFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    assert session.snapshot.descent.step == 1


def test_escape_in_a_field_does_not_leave_presenter_mode(window, qtbot):
    window.presenter.enter()
    lr = window.descent_controls.lr_box
    typed(qtbot, lr, "3", key=Qt.Key.Key_Escape)
    assert window.presenter.active
    window.presenter.leave()


@pytest.mark.parametrize("name", ["lr_box", "speed", "max_steps", "tol_box"])
def test_a_clicker_steps_from_any_field(window, session, qtbot, name):
    field = getattr(window.descent_controls, name)
    field.setFocus()
    qtbot.waitUntil(
        lambda: window.focusWidget() is not None and window.focusWidget() is not window.view
    )
    focus = window.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_PageDown)
    qtbot.keyClick(focus, Qt.Key.Key_PageDown)
    qtbot.keyClick(focus, Qt.Key.Key_PageUp)
    assert session.snapshot.descent.step == 1
    qtbot.keyClick(focus, Qt.Key.Key_Right)  # nothing typed yet: Right is the clicker's "next"
    assert session.snapshot.descent.step == 2


def test_the_clicker_steps_with_focus_on_the_other_controls(window, session, qtbot):
    c = window.descent_controls
    for w in (c.param, c.use_tol, c.lr_slider, c.timeline):
        w.setFocus()
        qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert session.snapshot.descent.step == 4
