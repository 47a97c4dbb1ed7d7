"""Live descent in the window: stepping, playing, scrubbing, predicting, comparing, diverging."""

import warnings
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.descent import ALL_WEIGHTS, descend
from core.model import gradients
from core.scenario import default
from gui.main_window import MainWindow
from gui.state.session import Session


def w11(session):
    return session.snapshot.params.get("w11")


def test_one_step_moves_w11_by_minus_lr_times_gradient(session):
    p = session.snapshot.params
    session.descent.step()
    assert w11(session) == p.get("w11") - 0.5 * gradients(p)["w11"]
    assert session.snapshot.descent.step == 1


def test_right_arrow_steps_and_left_arrow_steps_back(window, session, qtbot):
    start = session.snapshot.params
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert session.snapshot.descent.step == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert session.snapshot.params == start


def test_play_for_ticks_then_pause(window, session, qtbot):
    session.descent.set_speed(50)  # one step a tick
    ticks = []
    session.descent.player.timer.timeout.connect(lambda: ticks.append(1))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert session.snapshot.descent.playing
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    d = session.snapshot.descent
    assert not d.playing
    assert d.step >= 2  # play keeps to the clock, not to the ticks
    ref = descend(default().params, "w11", 0.5, d.step)
    assert w11(session) == ref.values[-1]


def test_step_back_and_scrubbing_restore_the_exact_state(window, session):
    states = [session.snapshot.params]
    for _ in range(6):
        session.descent.step()
        states.append(session.snapshot.params)
    session.descent.step_back()
    assert session.snapshot.params == states[5]
    window.descent_controls.timeline.setValue(2)
    assert session.snapshot.params == states[2]
    assert session.snapshot.descent.step == 2
    window.descent_controls.timeline.setValue(6)
    assert session.snapshot.params == states[6]


def test_learning_rate_changes_while_playing(session, qtbot):
    session.descent.set_stop_rule(100_000)  # play cannot end on its own while the test waits
    session.descent.set_speed(200)
    session.descent.play()
    qtbot.waitUntil(lambda: session.snapshot.descent.step >= 5, timeout=5000)
    session.descent.set_learning_rate(0.05)  # the run starts again from the scenario's values
    assert session.snapshot.descent.playing and session.snapshot.params == default().params
    qtbot.waitUntil(lambda: session.snapshot.descent.step >= 5, timeout=5000)
    session.descent.pause()
    run = session.snapshot.descent.run
    assert set(run.lr[1:].tolist()) == {0.05}
    for k in range(1, len(run)):  # every step is v - lr * g
        assert run.values[k, 0] == run.values[k - 1, 0] - 0.05 * run.grads[k - 1, 0]


def test_prediction_is_what_playing_produces(session, qtbot):
    session.descent.set_learning_rate(3.0)
    session.descent.set_stop_rule(40)
    predicted = session.snapshot.descent.prediction
    session.descent.set_speed(1000)
    session.descent.play()
    qtbot.waitUntil(lambda: not session.snapshot.descent.playing, timeout=5000)
    run = session.snapshot.descent.run
    assert np.array_equal(run.values[:, 0], predicted.values)
    assert np.array_equal(run.loss, predicted.loss)
    assert "40" in session.snapshot.descent.status


def test_prediction_follows_the_learning_rate_slider(window, session):
    controls = window.descent_controls
    controls.lr_slider.setValue(controls.lr_slider.maximum())
    assert session.snapshot.lr == 100.0
    assert session.snapshot.descent.prediction.stop == "diverged"
    controls.lr_slider.setValue(0)
    assert session.snapshot.lr == 1e-4
    ref = descend(default().params, "w11", 1e-4, 200)
    assert np.array_equal(session.snapshot.descent.prediction.values, ref.values)


def test_keep_and_clear_runs(window, session):
    for _ in range(5):
        session.descent.step()
    session.descent.keep_run()
    session.descent.set_learning_rate(2.0)
    session.descent.reset()
    session.descent.step()
    session.descent.keep_run()
    ghosts = session.snapshot.descent.ghosts
    assert [g.label for g in ghosts] == ["SGD, lr = 0.5", "SGD, lr = 2"]
    assert np.array_equal(ghosts[0].loss, descend(default().params, "w11", 0.5, 5).loss)
    legend = window.descent_panel.curve.widget.getPlotItem().legend
    assert "SGD, lr = 2" in [label.text for _, label in legend.items]
    session.descent.clear_runs()
    assert session.snapshot.descent.ghosts == ()
    assert "SGD, lr = 2" not in [label.text for _, label in legend.items]


@pytest.mark.parametrize("param", ["w11", ALL_WEIGHTS])
@pytest.mark.parametrize("lr", [100.0, 1e6])
def test_divergence_stops_cleanly_with_a_banner(qtbot, lr, param):
    session = Session(replace(default(), learning_rate=lr))  # 1e6 is beyond the slider
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    session.descent.set_descent_param(param)
    start = session.snapshot.params
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        session.descent.set_speed(1000)
        session.descent.play()
        qtbot.waitUntil(lambda: not session.snapshot.descent.playing, timeout=5000)
    d = session.snapshot.descent
    assert d.banner.startswith("Learning rate too large, so the descent ")
    assert "step 1" in d.banner and "stopped at step 0" in d.banner
    if param == ALL_WEIGHTS:
        assert "loss would grow from 0.2723" in d.banner
    assert d.step == 0 and session.snapshot.params == start
    assert window.descent_panel.banner.isVisible()
    assert np.all(np.isfinite(d.run.loss))


def test_all_weights_mode_matches_core_descent(session):
    session.descent.set_descent_param(ALL_WEIGHTS)
    session.descent.set_learning_rate(0.1)
    for _ in range(25):
        session.descent.step()
    ref = descend(default().params, ALL_WEIGHTS, 0.1, 25)
    run = session.snapshot.descent.run
    assert np.array_equal(run.values, ref.values)
    assert session.snapshot.params.get("wd") == ref.values[-1][7]


def test_editing_a_value_makes_it_the_new_start(session):
    for _ in range(3):
        session.descent.step()
    session.set_value("a11", 2.0)
    d = session.snapshot.descent
    assert d.step == 0 and len(d.run) == 1
    assert d.run.params_at(0).get("a11") == 2.0


def test_typing_in_the_learning_rate_box_is_not_taken_by_shortcuts(window, session, qtbot):
    box = window.descent_controls.lr_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    qtbot.keyClicks(box, "0.25")
    qtbot.keyClick(box, Qt.Key.Key_Left)
    qtbot.keyClick(box, Qt.Key.Key_Left)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClick(box, Qt.Key.Key_Right)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.text() == "02 5"  # Left, Left, Backspace, Right, Space all edited the text
    assert session.snapshot.descent.step == 0 and not session.snapshot.descent.playing
    box.setText("0.25")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert session.snapshot.lr == 0.25


def test_follow_the_selected_parameter(session):
    session.descent.set_descent_param("selected")
    session.select("wb")
    p = session.snapshot.params
    session.descent.step()
    assert session.snapshot.params.get("wb") == p.get("wb") - 0.5 * gradients(p)["wb"]
    assert session.snapshot.params.get("w11") == p.get("w11")
