"""Extremes and unexpected errors: learning rates 1e-12..1e12, values at the limits, all-zero and
all-equal inputs, an exception inside a slot. No warning, no exception, the window keeps going."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from core.descent import ALL_WEIGHTS, descend
from core.live import advance, predict, state
from core.model import EDITABLE, MAX_ABS_VALUE, PARAMETERS, Params, forward, gradients
from core.paths import paths
from core.scenario import default, load, save
from gui.main_window import MainWindow
from gui.state.session import Session

RATES = [10.0**k for k in range(-12, 13, 3)]


def _states():
    p = default().params
    big = Params.create(
        np.full((3, 3), MAX_ABS_VALUE),
        -np.full((2, 2), MAX_ABS_VALUE),
        np.full(4, MAX_ABS_VALUE),
        -MAX_ABS_VALUE,
    )
    tiny = Params.create(np.full((3, 3), 1e-300), np.full((2, 2), 1e-300), np.full(4, 1e-300), 0)
    return {
        "homework": p,
        "all zero": Params.create(np.zeros((3, 3)), np.zeros((2, 2)), np.zeros(4), 0.0),
        "all equal": Params.create(np.full((3, 3), 2.0), np.full((2, 2), 2.0), np.full(4, 2.0), 2),
        "largest": big,
        "tiniest": tiny,
        "mixed": p.with_value("a11", MAX_ABS_VALUE).with_value("w22", -MAX_ABS_VALUE),
    }


@pytest.fixture(autouse=True)
def _warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.mark.parametrize("name", list(_states()))
def test_the_core_stays_finite_at_the_extremes(name):
    p = _states()[name]
    f = forward(p)
    assert math.isfinite(f.loss) and all(np.isfinite(f.z.ravel()))
    g = gradients(p, f)
    assert not any(math.isnan(v) for v in g.values())
    for param in ("w11", "a22", "wa"):
        assert all(not math.isnan(x.value) for x in paths(p, param, f))


@pytest.mark.parametrize("lr", RATES)
@pytest.mark.parametrize("param", ["w11", "a11", "a22", "wb", ALL_WEIGHTS])
def test_descent_at_any_learning_rate_stops_cleanly(lr, param):
    for p in _states().values():
        t = descend(p, param, lr, 20)
        assert t.stop in ("steps", "tolerance", "diverged")
        assert np.all(np.isfinite(t.values)) and np.all(np.isfinite(t.loss))
        s = state(p, param)
        tr = predict(s, param, lr, 20, s.loss)
        assert tr.stop in ("steps", "tolerance", "diverged")
        assert np.all(np.isfinite(tr.values)) and np.all(np.isfinite(tr.loss))
        if tr.stop == "diverged":
            assert tr.message.startswith("learning rate too large")
            nxt, reason = advance(s, param, lr, 1, s.loss) if tr.steps == 0 else (None, "x")
            assert nxt is None and reason


@pytest.fixture
def window(qtbot):
    win = MainWindow(Session(default()))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.derivation.typesetter.shutdown()


def test_the_window_plays_through_every_extreme_and_stays_responsive(window, qtbot):
    session = window.session
    for p in _states().values():
        for name in EDITABLE:
            session.set_value(name, p.get(name))
        for lr in (1e-12, 1.0, 1e12):
            session.descent.set_learning_rate(lr)  # clamped to the UI's range
            assert 1e-4 <= session.snapshot.lr <= 1e2
            for mode in ("w11", ALL_WEIGHTS):
                session.descent.set_descent_param(mode)
                for _ in range(3):
                    session.descent.step()
                qtbot.wait(1)  # the event loop turns: no frozen window
                values = session.snapshot.params.values().values()
                assert all(math.isfinite(v) for v in values)
    session.descent.set_speed(1000)
    session.descent.play()
    qtbot.wait(100)
    session.descent.pause()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_shown_once_and_the_app_goes_on(
    window, qtbot, tmp_path, monkeypatch
):
    from gui.support import errors

    monkeypatch.setenv(errors.ENV_DIR, str(tmp_path))
    reporter = errors.ErrorReporter().install()
    dialogs = []
    monkeypatch.setattr(reporter, "show_dialog", lambda summary: dialogs.append(summary) or 1)
    session = window.session

    def broken(_snap):
        raise RuntimeError("a view failed to draw")

    session.state_changed.connect(broken)
    try:
        session.set_value("w11", 0.25)  # the slot raises during the emit
        session.set_value("w12", 0.75)  # and again: logged, no second dialog
    finally:
        session.state_changed.disconnect(broken)
        reporter.uninstall()
    assert reporter.count == 2
    assert dialogs == ["RuntimeError: a view failed to draw"]
    log = (tmp_path / errors.LOG_NAME).read_text()
    assert log.count("RuntimeError: a view failed to draw") == 2 and "Traceback" in log
    assert session.snapshot.params.get("w11") == 0.25  # the state is kept
    assert session.snapshot.params.get("w12") == 0.75
    save(session.scenario(), tmp_path / "kept.json")  # and can be saved
    assert load(tmp_path / "kept.json").params == session.snapshot.params
    session.set_value("w21", 0.5)  # the app goes on
    qtbot.wait(10)
    assert session.snapshot.params.get("w21") == 0.5


@pytest.mark.qt_no_exception_capture
def test_the_error_dialog_is_non_blocking_and_one_at_a_time(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer

    from gui.support import errors

    monkeypatch.setenv(errors.ENV_DIR, str(tmp_path))
    reporter = errors.ErrorReporter().install()
    try:
        QTimer.singleShot(0, lambda: 1 / 0)  # raised inside the event loop, not by the test
        qtbot.wait(50)
        QTimer.singleShot(0, lambda: [][1])
        qtbot.wait(50)
    finally:
        reporter.uninstall()
    box = reporter._dialog
    assert reporter.count == 2 and box is not None and box.isVisible()
    assert "ZeroDivisionError" in box.text() and str(tmp_path) in box.text()
    box.accept()
    assert reporter._dialog is None


def test_every_parameter_is_known():
    assert set(PARAMETERS) < set(EDITABLE)
