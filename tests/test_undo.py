"""Every kind of change is one undo entry, and undo/redo restore the state exactly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.presets import preset, random_scenario
from core.scenario import default, dumps, loads
from gui.state.session import Session

RUN = {"label": "kept", "lr": 0.5, "x_name": "w11", "x": [0.0], "steps": [0.0], "loss": [1.0]}


@pytest.fixture
def session(qtbot):
    return Session(default())


def test_loading_a_preset_undoes_back_to_the_scenario_before(session):
    before = session.scenario()
    session.load_scenario(preset("saturated"))
    assert session.snapshot.params == preset("saturated").params
    session.undo_stack.undo()
    assert session.scenario() == before
    session.undo_stack.redo()
    assert session.snapshot.name == preset("saturated").name


def test_loading_restores_descent_settings_and_undo_brings_the_old_ones_back(session):
    session.load_scenario(preset("diverging"))
    d = session.snapshot.descent
    assert (d.mode, session.snapshot.lr, d.max_steps) == ("all weights", 2.0, 50)
    session.undo_stack.undo()
    d = session.snapshot.descent
    assert (d.mode, session.snapshot.lr, d.max_steps) == ("w11", 0.5, 200)


def test_one_slider_drag_is_one_learning_rate_entry(session):
    count = session.undo_stack.count()
    for lr in (0.6, 0.7, 0.8, 0.9):
        session.descent.set_learning_rate(lr, gesture=1)
    session.descent.set_learning_rate(0.05)  # a typed value: its own entry
    assert session.undo_stack.count() == count + 2
    session.undo_stack.undo()
    assert session.snapshot.lr == 0.9
    session.undo_stack.undo()
    assert session.snapshot.lr == 0.5
    session.undo_stack.redo()
    assert session.snapshot.lr == 0.9


def test_reset_is_undoable_and_brings_the_recorded_steps_back(session):
    for _ in range(3):
        session.descent.step()
    at_three = session.snapshot.params
    session.descent.reset()
    assert session.snapshot.descent.step == 0
    assert session.snapshot.params == default().params
    session.undo_stack.undo()
    assert session.snapshot.descent.step == 3
    assert session.snapshot.params == at_three
    session.undo_stack.redo()
    assert session.snapshot.descent.step == 0


def test_edits_and_loads_interleave_on_one_stack(session):
    session.set_value("w11", 1.25)
    session.load_scenario(preset("zeroed"))
    session.set_value("a11", 0.75)
    for _ in range(3):
        session.undo_stack.undo()
    assert session.scenario() == Session(default()).scenario()


def test_the_whole_state_survives_a_file_round_trip(session):
    session.set_value("w12", -0.7)
    session.select("wb")
    session.select_path(0)
    session.descent.set_descent_param("selected")
    session.descent.set_speed(55)
    session.descent.set_stop_rule(123, 1e-5)
    session.descent.set_learning_rate(0.3)
    for _ in range(4):
        session.descent.step()
    session.descent.keep_run()
    session.set_log_scale(True)
    saved = session.scenario()
    again = Session(loads(dumps(saved)))
    assert again.scenario() == saved
    snap = again.snapshot
    assert (snap.selected, snap.path, snap.lr, snap.log_scale) == ("wb", 0, 0.3, True)
    assert (snap.descent.mode, snap.descent.speed, snap.descent.max_steps) == ("selected", 55, 123)
    assert snap.descent.tol == 1e-5 and len(snap.descent.ghosts) == 1


def test_minus_zero_is_zero_so_an_edit_to_it_is_no_change(session):
    """-0 shows as 0, yet a file writes -0.0: it would be a change that undo cannot see."""
    session.set_value("w11", 0.0)
    session.mark_saved()
    saved, entries = dumps(session.scenario()), session.undo_stack.count()
    session.preview_value("w11", 1.0)
    session.set_value("w11", -0.0)  # a scrub that lets go on -0
    assert dumps(session.scenario()) == saved and not session.modified
    assert session.undo_stack.count() == entries
    assert "-0.0," not in dumps(random_scenario(11))  # np.round(-0.004) is -0.0


def test_a_step_while_a_wheel_turn_is_pending_keeps_the_turn_as_its_own_entry(session):
    session.set_value("a22", 1.5)
    session.preview_value("w11", 2.0)  # a wheel turn; the diagram commits it after a pause
    session.descent.step()  # Space, pressed within that pause
    session.set_value("w11", session.snapshot.value("w11"))  # the pause runs out
    session.undo_stack.undo()
    assert (session.snapshot.value("w11"), session.snapshot.step) == (2.0, 0)
    session.undo_stack.undo()
    assert session.snapshot.value("w11") == default().params.get("w11")
    assert session.snapshot.value("a22") == 1.5


def test_undo_while_a_wheel_turn_is_pending_undoes_the_turn_alone(session):
    session.set_value("a22", 1.5)
    session.preview_value("w11", 2.0)
    session.undo_stack.undo()  # Ctrl+Z, pressed within the wheel's pause
    assert session.snapshot.value("w11") == default().params.get("w11")
    assert session.snapshot.value("a22") == 1.5
    session.undo_stack.redo()
    assert session.snapshot.value("w11") == 2.0


def test_a_kept_run_reads_back_from_its_file_as_it_was_written(session):
    """Steps kept as integers came back from a file as floats: an undo then changed the text."""
    session.descent.step()
    session.descent.keep_run()
    session.load_scenario(loads(dumps(session.scenario())))  # open the file just saved
    opened = dumps(session.scenario())
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert dumps(session.scenario()) == opened and not session.modified


@pytest.mark.parametrize(
    "mine,theirs",
    [
        ({"extras": {"b": 1, "a": True}}, {"extras": {"a": 1, "b": 1}}),
        ({"descent": {"runs": [RUN]}}, {"descent": {"runs": [{**RUN, "x": [-0.0]}]}}),
    ],
    ids=["extras written differently", "a kept run's -0.0"],
)
def test_files_that_differ_only_in_how_they_are_written_are_different_documents(
    session, mine, theirs
):
    edited = default().params.with_value("w11", 1.0)
    session.load_scenario(replace(default(), **mine))
    session.set_value("w11", 1.0)
    session.load_scenario(replace(default(), params=edited, **theirs))
    opened = dumps(session.scenario())
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert session.modified == (dumps(session.scenario()) != opened)
