"""Nothing a person did is lost or silently rewritten: one owner of the state, one engine.

One test per defect found by trying the app as a new user would.
"""

from __future__ import annotations

import io
import json

import pytest
from PySide6.QtWidgets import QMessageBox

from core.cli import build_parser, run_headless
from core.export_csv import run_csv
from core.presets import NAMES, preset
from core.scenario import default, dumps, load, save
from gui.state.session import Session


def scenario_file(tmp_path, name="mine.json", **changes):
    data = json.loads(dumps(default()))
    data.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_discard_does_not_bring_the_discarded_state_back(qtbot, tmp_path, monkeypatch):
    from gui import app
    from gui.support import errors

    monkeypatch.setattr(errors, "install", lambda: None)
    path = scenario_file(tmp_path, kernel=[[0.5, -0.3], [0.2, 0.6]])
    _, first = app.build(build_parser().parse_args([str(path)]))
    qtbot.addWidget(first)
    first.session.descent.step()
    first.session.descent.step()
    assert first.session.snapshot.value("w11") != 0.5 and first.session.modified
    assert first.close()  # the question is answered Discard (tests/conftest.py)
    first.derivation.typesetter.shutdown()

    _, again = app.build(build_parser().parse_args([]))  # the next launch, no file named
    qtbot.addWidget(again)
    assert again.session.scenario() == Session(load(path)).scenario()
    assert again.session.snapshot.value("w11") == 0.5 and again.session.snapshot.step == 0
    assert not again.session.modified
    again.derivation.typesetter.shutdown()


def test_changing_what_descends_never_rewrites_the_starting_weights(session):
    start = session.snapshot.params
    session.descent.set_descent_param("all weights")
    for _ in range(5):
        session.descent.step()
    assert session.snapshot.value("w21") != start.get("w21")
    session.descent.set_descent_param("w11")
    session.descent.reset()
    assert session.snapshot.params == start
    assert session.scenario().params == start


@pytest.mark.parametrize("verb", ["learning rate", "selection"])
def test_the_learning_rate_and_the_followed_selection_restart_from_the_start(session, verb):
    session.descent.set_descent_param("selected")
    start = session.snapshot.params
    for _ in range(3):
        session.descent.step()
    if verb == "learning rate":
        session.descent.set_learning_rate(0.25)
    else:
        session.select("w12")
    assert session.snapshot.params == start and session.snapshot.step == 0


def test_start_from_here_is_explicit_and_undoable(session):
    start = session.snapshot.params
    for _ in range(3):
        session.descent.step()
    here = session.snapshot.params
    session.descent.start_from_here()
    assert session.scenario().params == here and session.snapshot.step == 0
    session.undo_stack.undo()
    assert session.scenario().params == start and session.snapshot.step == 3


def test_a_loaded_tolerance_is_shown_and_kept(window, tmp_path):
    rule = {"max_steps": 300, "tol": 1e-3}
    assert window.file_menu.files.load_path(scenario_file(tmp_path, descent=rule))
    controls = window.descent_controls
    assert controls.use_tol.isChecked() and float(controls.tol_box.text()) == 1e-3
    controls.max_steps.setValue(400)  # touch "stop after"
    settings = window.session.snapshot.settings
    assert (settings.max_steps, settings.tol, settings.use_tol) == (400, 1e-3, True)
    controls.use_tol.setChecked(False)  # switched off, the tolerance keeps its value
    controls.use_tol.setChecked(True)
    assert window.session.snapshot.settings.stop_tol == 1e-3


CHANGES = {
    "a step": lambda s: s.descent.step(),
    "a kept run": lambda s: (s.descent.step(), s.descent.keep_run()),
    "a new speed": lambda s: s.descent.set_speed(77),
    "a new selection": lambda s: s.select("wc"),
    "the stop rule": lambda s: s.descent.set_stop_rule(999),
    "the tolerance": lambda s: s.descent.set_stop_rule(use_tol=True),
    "the descent mode": lambda s: s.descent.set_descent_param("all weights"),
    "the log scale": lambda s: s.set_log_scale(True),
    "a spotlit path": lambda s: s.select_path(2),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_change_save_would_write_asks_before_quitting(window, tmp_path, change):
    path = tmp_path / "saved.json"
    window.file_menu.files._write(path)
    assert not window.session.modified and not window.isWindowModified()
    session = window.session
    change(session)
    assert session.scenario() != Session(load(path)).scenario()
    assert session.modified and window.isWindowModified()
    while session.modified and session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.scenario() == Session(load(path)).scenario()
    assert not window.session.modified and not window.isWindowModified()


def test_a_pending_wheel_preview_is_its_own_undo_entry(window, qtbot):
    from gui_helpers import wheel

    session = window.session
    a22 = session.snapshot.value("a22")
    wheel(window.view, "w11", notches=2)  # previews w11; commits after a pause
    turned = session.snapshot.value("w11")
    assert turned != 0.4
    session.set_value("a22", 3.5)  # typed while the wheel's preview is still pending
    qtbot.wait(600)  # the wheel's commit timer runs out
    session.undo_stack.undo()
    assert (session.snapshot.value("a22"), session.snapshot.value("w11")) == (a22, turned)
    session.undo_stack.undo()
    assert session.snapshot.value("w11") == 0.4


def cli_csv(path, *args):
    out = io.StringIO()
    assert (
        run_headless(build_parser().parse_args(["--descend", "--scenario", str(path), *args]), out)
        == 0
    )
    return out.getvalue()


def window_csv(scenario):
    session = Session(scenario)
    session.descent.play()
    while session.snapshot.playing:
        session.descent.advance(1000)
    session.descent.pause()
    return run_csv(session.snapshot.run), session.snapshot


@pytest.mark.parametrize(
    "name,lr", [*((n, None) for n in NAMES), ("homework", 500.0), ("cancelling", 60.0)]
)
def test_the_command_line_and_the_window_step_the_same_descent(qtbot, tmp_path, name, lr):
    scenario = preset(name)
    path = tmp_path / f"{name}.json"
    data = json.loads(dumps(scenario))
    if lr is not None:
        data["learning_rate"] = lr
    path.write_text(json.dumps(data), encoding="utf-8")
    expected, snap = window_csv(load(path))
    assert cli_csv(path) == expected  # every row, and the step it stopped at
    if name == "diverging":
        assert snap.banner and snap.run.param == "all weights"


def test_the_command_line_runs_all_weights(tmp_path):
    path = tmp_path / "h.json"
    save(default(), path)
    lines = cli_csv(path, "--param", "all", "--steps", "3").splitlines()
    weights = ["w11", "w12", "w21", "w22", "wa", "wb", "wc", "wd"]
    assert lines[0].split(",") == ["step", *weights, "loss", *(f"grad_{w}" for w in weights)]
    assert len(lines) == 5


def test_a_modal_dialog_pauses_play_and_play_stays_paused(window, qtbot):
    session = window.session
    session.descent.set_speed(100)
    session.descent.play()
    qtbot.waitUntil(lambda: session.snapshot.step > 2, timeout=5000)
    box = QMessageBox(QMessageBox.Icon.Question, "Question", "Save first?", parent=window)
    box.setModal(True)
    box.open()
    qtbot.waitUntil(lambda: not session.snapshot.playing, timeout=2000)
    at = session.snapshot.step
    qtbot.wait(200)
    box.close()
    qtbot.wait(200)
    assert not session.snapshot.playing and session.snapshot.step == at


def test_a_speed_that_is_not_a_number_is_refused_so_save_still_works(session):
    with pytest.raises(ValueError):
        session.descent.set_speed(float("nan"))
    assert session.snapshot.settings.speed == 20.0 and not session.modified
    dumps(session.scenario())  # NaN here made Save raise


def test_a_scrub_cancelled_during_play_leaves_play_paused_as_the_button_says(session):
    session.descent.play()
    session.preview_value("w11", 1.0)  # the scrub stops play
    session.cancel_preview()
    assert not session.snapshot.playing and not session.descent.player.timer.isActive()
