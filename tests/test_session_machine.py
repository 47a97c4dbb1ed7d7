"""Random sessions: whatever a person does, undo, the modified flag and the file stay honest.

A hypothesis state machine plays a person who types, scrubs and wheels values, selects,
steps, plays, changes the descent settings, loads, saves, undoes and redoes in any order.
After every step what Save would write must match the modified flag (and its signal), hold
only finite numbers, and come back unchanged from a file; at the end, undoing everything
must give back exactly the scenario the session was opened with.
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtWidgets import QApplication

from core.model import EDITABLE, PARAMETERS
from core.presets import NAMES, preset, random_scenario
from core.scenario import default, dumps, load, loads, save
from core.settings_format import MODES
from gui.state.session import Session

APP = QApplication.instance() or QApplication([])

names = st.sampled_from(EDITABLE)
values = st.sampled_from([0.0, -0.0, 0.5, -1.25, 2.0]) | st.floats(-3, 3, width=32)
refused_values = st.sampled_from([math.nan, math.inf, -math.inf, 1e300, -1e300])
KEPT = ("keep_run", "clear_runs")
rates = st.sampled_from([0.05, 0.5, 2.0, 100.0, 1e-6, 1e3]) | st.floats(1e-3, 10)


class SessionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.session = Session(default())
        self.stack = self.session.undo_stack
        self.opened = self.saved = self.text()
        self.signalled = False  # what modified_changed said last
        self.session.modified_changed.connect(lambda on: setattr(self, "signalled", on))
        self.wheeling: str | None = None  # a wheel turn whose commit is still pending
        self.folder = tempfile.TemporaryDirectory()
        self.file = Path(self.folder.name) / "saved.json"

    def text(self) -> str:
        return dumps(self.session.scenario())

    def fit(self, name: str, value: float) -> float:
        """``value`` as the network on show takes it: a cross-entropy target is a probability
        (the refusal of one outside [0, 1] is tested in tests/test_network_menu.py)."""
        if name == "yy" and self.session.snapshot.params.loss == "bce_logits":
            return min(1.0, max(0.0, value))
        return value

    # -- values -----------------------------------------------------------------------------
    @rule(name=names, value=values)
    def type_a_value(self, name: str, value: float) -> None:
        """A person types a number into a value node and presses Enter."""
        self.session.set_value(name, self.fit(name, value))

    @rule(name=names, value=refused_values)
    def type_a_refused_value(self, name: str, value: float) -> None:
        """A person types nan, inf or 1e300: the value is refused and nothing changes."""
        before, entries = self.text(), self.stack.count()
        with pytest.raises(ValueError):
            self.session.set_value(name, value)
        with pytest.raises(ValueError):
            self.session.preview_value(name, value)
        assert (self.text(), self.stack.count()) == (before, entries)

    @rule(name=names, scrubbed=st.lists(values, min_size=1, max_size=4), end=st.none() | values)
    def scrub(self, name: str, scrubbed: list[float], end: float | None) -> None:
        """A person drags a value back and forth, then lets go (or presses Escape: None)."""
        self.wheel_settles()
        before, index = self.text(), self.stack.index()
        for value in scrubbed:
            self.session.preview_value(name, self.fit(name, value))
        if end is None:
            self.session.cancel_preview()
            assert (self.text(), self.stack.index()) == (before, index)
        else:
            self.session.set_value(name, self.fit(name, end))
            assert self.stack.index() - index == (self.text() != before)

    @rule(first=names, second=names, turned=values, typed=values)
    def wheel_then_type(self, first: str, second: str, turned: float, typed: float) -> None:
        """A person turns the wheel on one value and types into another before it commits."""
        self.wheel_settles()
        before, index = self.text(), self.stack.index()
        self.session.preview_value(first, self.fit(first, turned))
        wheeled = self.text()
        self.session.set_value(second, self.fit(second, typed))
        after = self.text()
        one = first == second  # then the typed value ends the turn, in the turn's entry
        entries = (after != before) if one else (wheeled != before) + (after != wheeled)
        assert self.stack.index() - index == entries
        if not one and after != wheeled:
            self.stack.undo()
            assert self.text() == wheeled
            self.stack.redo()
            assert self.text() == after

    @rule(name=names, value=values)
    def turn_the_wheel(self, name: str, value: float) -> None:
        """A person turns the wheel; it commits after a pause, whatever she presses meanwhile."""
        if self.wheeling != name:
            self.wheel_settles()  # the diagram commits a turn on another value first
        self.session.preview_value(name, self.fit(name, value))
        self.wheeling = name

    @rule()
    def wheel_settles(self) -> None:
        """The pause after a wheel turn runs out: the diagram commits the value on show."""
        if self.wheeling is not None:
            name, self.wheeling = self.wheeling, None
            self.session.set_value(name, self.session.snapshot.value(name))

    # -- what is lit ------------------------------------------------------------------------
    @rule(name=st.sampled_from(PARAMETERS))
    def select(self, name: str) -> None:
        """A person clicks a parameter to light its backprop paths."""
        self.session.select(name)

    @rule(index=st.none() | st.integers(-2, 6), log=st.booleans())
    def change_the_view(self, index: int | None, log: bool) -> None:
        """A person clicks a path badge (or one not there) and sets the loss plot's log axis."""
        self.session.select_path(index)
        self.session.set_log_scale(log)

    # -- moving along the run -----------------------------------------------------------------
    @rule(verb=st.sampled_from(["step", "step_back", "reset", "start_from_here", *KEPT]))
    def press_a_descent_button(self, verb: str) -> None:
        """A person presses Step, Step back, Reset, Start from here, Keep or Clear kept runs."""
        getattr(self.session.descent, verb)()

    @rule(index=st.integers(-3, 40))
    def drag_the_timeline(self, index: int) -> None:
        """A person drags the timeline to a row (out of range is clamped)."""
        self.session.descent.seek(index)

    @rule(ticks=st.lists(st.integers(0, 40), min_size=1, max_size=4), keep=st.booleans())
    def play_a_while(self, ticks: list[int], keep: bool) -> None:
        """A person presses play, watches a few frames go by, pauses (and keeps the run)."""
        self.session.descent.play()
        for n in ticks:
            self.session.descent.advance(n)
        self.session.descent.pause()
        assert not self.session.snapshot.playing
        if keep:
            self.session.descent.keep_run()

    # -- descent settings ---------------------------------------------------------------------
    @rule(mode=st.sampled_from(MODES))
    def descend_on(self, mode: str) -> None:
        """A person chooses what descends."""
        self.session.descent.set_descent_param(mode)

    @rule(speed=st.sampled_from([0.5, 1.0, 20.0, 1000.0, 5000.0]) | st.floats(1, 1000))
    def set_speed(self, speed: float) -> None:
        """A person turns the speed dial (values beyond its ends are clamped)."""
        self.session.descent.set_speed(speed)

    @rule(
        max_steps=st.none() | st.integers(1, 300),
        tol=st.none() | st.sampled_from([1e-3, 1e-6, 0.05]),
        use_tol=st.none() | st.booleans(),
    )
    def set_stop_rule(self, max_steps: int | None, tol: float | None, use_tol: bool | None) -> None:
        """A person changes when play stops."""
        self.session.descent.set_stop_rule(max_steps=max_steps, tol=tol, use_tol=use_tol)

    @rule(lrs=st.lists(rates, min_size=1, max_size=3), gesture=st.none() | st.integers(0, 2))
    def set_learning_rate(self, lrs: list[float], gesture: int | None) -> None:
        """A person types a learning rate, or drags the slider through several (one gesture)."""
        for lr in lrs:
            self.session.descent.set_learning_rate(lr, gesture)

    @rule(
        lr=st.sampled_from([0.0, -0.5, math.nan, math.inf]),
        max_steps=st.sampled_from([0, -1, 10**9]),
        tol=st.sampled_from([0.0, -1.0, math.nan]),
    )
    def type_refused_settings(self, lr: float, max_steps: int, tol: float) -> None:
        """A person types a rate, step count, tolerance or speed that cannot be: refused."""
        before, entries = self.text(), self.stack.count()
        with pytest.raises(ValueError):
            self.session.descent.set_learning_rate(lr)
        with pytest.raises(ValueError):
            self.session.descent.set_stop_rule(max_steps=max_steps)
        with pytest.raises(ValueError):
            self.session.descent.set_stop_rule(tol=tol)
        with pytest.raises(ValueError):
            self.session.descent.set_speed(math.nan)
        assert (self.text(), self.stack.count()) == (before, entries)

    # -- files and undo -----------------------------------------------------------------------
    @rule(scenario=st.sampled_from(NAMES).map(preset) | st.integers(0, 10**6).map(random_scenario))
    def open_a_scenario(self, scenario) -> None:  # type: ignore[no-untyped-def]
        """A person opens a preset or a random scenario: a new, unmodified document."""
        self.session.load_scenario(scenario)
        self.saved = self.text()
        assert not self.session.modified

    @rule(reopen=st.booleans())
    def save(self, reopen: bool) -> None:
        """A person saves to a file (and opens it again at once, to see what she saved)."""
        save(self.session.scenario(), self.file)
        self.session.mark_saved()
        self.saved = self.file.read_text(encoding="utf-8")
        again = load(self.file)  # nothing the app writes is refused when read back
        assert json.loads(dumps(again)) == json.loads(self.saved)  # nor changed on the way
        assert not again.notes
        if reopen:
            self.open_a_scenario(again)

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self) -> None:
        """A person presses Ctrl+Z; Ctrl+Shift+Z then brings the change back exactly."""
        now = self.text()
        self.stack.undo()
        self.stack.redo()
        assert self.text() == now
        self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self) -> None:
        """A person presses Ctrl+Shift+Z."""
        self.stack.redo()

    # -- what must always hold ----------------------------------------------------------------
    @invariant()
    def modified_says_whether_save_would_write_something_new(self) -> None:
        assert self.session.modified == (self.text() != self.saved)
        assert self.signalled == self.session.modified

    @invariant()
    def every_number_is_finite(self) -> None:
        snap = self.session.snapshot
        assert all(math.isfinite(v) for v in snap.params.values().values())
        assert all(math.isfinite(g) for g in snap.gradients.values())

    @invariant()
    def a_file_brings_the_session_back(self) -> None:
        scenario = self.session.scenario()
        assert Session(loads(dumps(scenario))).scenario() == scenario

    def teardown(self) -> None:
        """Undoing everything gives back the scenario the session was opened with."""
        while self.stack.canUndo():
            self.stack.undo()
        assert self.text() == self.opened
        assert self.session.modified == (self.text() != self.saved) == self.signalled
        self.folder.cleanup()


SessionMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=40, deadline=None)
TestSessionMachine = SessionMachine.TestCase
