"""The descent verbs: step, play, move along the run, and the descent settings.

A run is fixed by its start (the scenario's values), what descends and the learning rate, so
changing the learning rate, what descends or (when descent follows it) the selection starts
the run again from the scenario's values: a descent never rewrites them. "Start from here"
is the one verb that makes the values on show the new start, as its own undo entry.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.behaviour import WINDOW, describe
from core.descent import ALL_WEIGHTS, Trajectory
from core.live import Stop, check_param, predict
from core.numfmt import fmt
from core.settings_format import FOLLOW_SELECTION, MAX_STEPS

from .descent_data import (
    LR_RANGE,
    PREDICT_MAX,
    SPEED_RANGE,
)
from .descent_optimizer import OptimizerVerbs
from .kept_runs import KeptRunVerbs
from .player import Player
from .said import Said, behaviours, capitalised, reasons
from .snapshot import Prediction, Snapshot

if TYPE_CHECKING:
    from .session import Session


def explained(s: Snapshot) -> Snapshot:
    """``s`` with a banner that says what the descent is doing at the cursor, if it is not
    calm (a banner saying why play stopped stays)."""
    if s.banner:
        return s
    run, c = s.run, s.cursor
    rows = slice(max(0, c - WINDOW), c + 1)
    b = describe(
        run.param,
        run.steps[rows].tolist(),
        run.values[rows],
        run.grads[rows],
        run.loss[rows].tolist(),
        s.lr,
        s.params,
        float(run.loss[0]),
        behaviours(),
    )
    return s if b is None else replace(s, banner=b.message)


class DescentVerbs(OptimizerVerbs, KeptRunVerbs):
    """``session.descent``: the verbs of the live descent (the optimizer's in
    :class:`~gui.state.descent_optimizer.OptimizerVerbs`, the kept runs' in
    :class:`~gui.state.kept_runs.KeptRunVerbs`)."""

    def __init__(self, session: Session):
        self._session = session
        self._target = 0  # the step play stops at
        self.player = Player(self.advance, self.pause, parent=session)

    @property
    def _snap(self) -> Snapshot:
        return self._session.snapshot

    # -- building snapshots --------------------------------------------------------------------
    def restarted(self, s: Snapshot, start: bool = True) -> Snapshot:
        """``s`` with a new run from its start (or, with ``start=False``, from the cursor)."""
        params = s.start if start else s.params
        run = self._session.run.restart(params, s.settings.param(s.selected))
        return replace(s, run=run, cursor=0, banner="", status="", playing=False)

    def replayed(self, s: Snapshot, step: int) -> Snapshot:
        """``s`` moved ``step`` steps on from its cursor, as the Step button takes them."""
        if step <= 0:
            return s
        live, opt = self._session.run, s.settings.optimizer
        run, cursor, stop = live.forward(s.cursor, s.lr, step, None, reasons(), opt)
        return replace(s, run=run, cursor=cursor, banner=self._banner(stop))

    def with_prediction(self, old: Snapshot | None, new: Snapshot) -> Snapshot:
        """``new`` with a prediction that fits it: the old one while play runs, else a new one."""
        if old is not None:
            if new.prediction is not old.prediction:
                return new  # it brought its own (an undo brings back a whole snapshot)
            if new.playing or not self._stale(old, new):
                return new  # play keeps the prediction it started with
        run, cursor, lr, tol = new.run, new.cursor, new.lr, new.settings.stop_tol
        remaining = self._target - run.last_step if new.playing else new.settings.max_steps
        n = max(0, min(remaining, PREDICT_MAX))
        why, opt, live = reasons(), new.settings.optimizer, self._session.run

        def compute() -> Trajectory:
            here = live.state_at(run, cursor, lr, opt)
            return predict(here, run.param, lr, n, float(run.loss[0]), tol, why, opt)

        return replace(new, prediction=Prediction(compute, int(run.steps[cursor])))

    @staticmethod
    def _stale(old: Snapshot, new: Snapshot) -> bool:
        return (
            new.run is not old.run
            or new.cursor != old.cursor
            or new.lr != old.lr
            or new.settings != old.settings
            or new.playing != old.playing
        )

    @staticmethod
    def _banner(stop: Stop) -> str:
        return capitalised(stop.message) if stop.kind == "diverged" else ""

    def _move(self, after: Snapshot) -> None:
        after = explained(after)
        self._session.commit(
            lambda: QCoreApplication.translate("Descent", "Move to step %1").replace(
                "%1", str(after.step)
            ),
            after,
            "move",
        )

    # -- moving along the run --------------------------------------------------------------------
    def step(self) -> None:
        """One step forward (pauses play)."""
        self.stop_playing()
        s = replace(self._snap, playing=False, banner="", status="")
        self._move(self.replayed(s, 1))

    def step_back(self) -> None:
        """Show the previous recorded step (pauses play)."""
        self.seek(self._snap.cursor - 1)

    def seek(self, index: int) -> None:
        """Show recorded row ``index`` (the timeline); out-of-range values are clamped."""
        self.stop_playing()
        cursor = int(np.clip(index, 0, len(self._snap.run) - 1))
        self._move(replace(self._snap, cursor=cursor, playing=False, banner="", status=""))

    def reset(self) -> None:
        """Back to step 0 with a fresh run, as one undoable change (kept runs stay)."""
        s = self._snap
        if len(s.run) > 1 or s.cursor or s.banner or s.status:
            self.stop_playing()
            self._session.commit(
                lambda: QCoreApplication.translate("Descent", "Reset"), self.restarted(s)
            )

    def start_from_here(self) -> None:
        """Make the values on show the scenario's values (an undoable change)."""
        s = self._snap
        if s.cursor:
            self.stop_playing()
            step = str(s.step)
            text = lambda: QCoreApplication.translate("Descent", "Start from step %1").replace(  # noqa: E731
                "%1", step
            )
            self._session.commit(text, self.restarted(s, start=False))

    # -- play ------------------------------------------------------------------------------------
    def play(self) -> None:
        s = self._snap
        if s.playing:
            return
        self._target = s.step + s.settings.max_steps
        self._session.show(replace(s, playing=True, banner="", status=""))
        self.player.start(s.settings.speed)

    def stop_playing(self) -> None:
        """Stop the timer (the snapshot's ``playing`` is set by the caller's new snapshot)."""
        self.player.stop()

    def pause(self) -> None:
        if self._snap.playing:
            self.player.stop()
            self._session.show(replace(self._snap, playing=False))

    def toggle_play(self) -> None:
        self.pause() if self._snap.playing else self.play()

    def advance(self, n: int) -> None:
        """Take up to ``n`` steps of play (the timer's tick), then emit once."""
        s = self._snap
        if not s.playing:
            return
        want = min(n, self._target - s.step)
        tol = s.settings.stop_tol
        opt = s.settings.optimizer
        run, cursor, stop = self._session.run.forward(
            s.cursor, s.lr, max(want, 0), tol, reasons(), opt
        )
        after = replace(s, run=run, cursor=cursor, banner=self._banner(stop))
        step = int(run.steps[cursor])
        if stop.kind == "tolerance" and tol is not None:

            def converged() -> str:
                note = QCoreApplication.translate(
                    "Session", "Converged: |gradient| < %1 at step %2."
                )
                return note.replace("%1", fmt(tol)).replace("%2", str(step))

            after = replace(after, status=Said(converged(), converged))
        elif stop.kind == "steps" and step >= self._target:
            most = str(s.settings.max_steps)

            def stopped() -> str:
                note = QCoreApplication.translate("Session", "Stopped after %1 steps.")
                return note.replace("%1", most)

            after = replace(after, status=Said(stopped(), stopped))
        if stop.kind == "diverged" or after.status:
            self.player.stop()
            after = replace(after, playing=False)
        self._move(after)

    # -- settings --------------------------------------------------------------------------------
    def set_learning_rate(self, lr: float, gesture: int | None = None) -> None:
        """Set the learning rate (clamped to 1e-4..1e2); the run starts again from step 0.

        Calls that pass the same ``gesture`` (one slider drag) make one undo entry.
        """
        if not (lr > 0 and math.isfinite(lr)):
            raise ValueError("the learning rate must be a positive number")
        lr = float(min(max(lr, LR_RANGE[0]), LR_RANGE[1]))
        if lr == self._snap.lr:
            return
        playing = self._snap.playing
        self.stop_playing()
        after = self.restarted(replace(self._snap, lr=lr))
        merge = None if gesture is None else ("lr", gesture)
        self._session.commit(
            lambda: QCoreApplication.translate("Descent", "Learning rate %1").replace(
                "%1", fmt(lr)
            ),
            after,
            merge,
        )
        if playing:  # play goes on, from the start at the new rate
            self.play()

    def set_speed(self, steps_per_second: float) -> None:
        """Play this many steps a second, clamped to 1..1000. Raises ValueError for NaN."""
        if math.isnan(steps_per_second):
            raise ValueError("the speed must be a number")
        speed = float(np.clip(steps_per_second, *SPEED_RANGE))
        s = self._snap
        self.player.set_speed(speed)
        after = replace(s, settings=replace(s.settings, speed=speed))
        self._session.commit(
            lambda: QCoreApplication.translate("Descent", "Speed %1 steps/s").replace(
                "%1", fmt(speed)
            ),
            after,
            "speed",
        )

    def set_stop_rule(
        self, max_steps: int | None = None, tol: float | None = None, use_tol: bool | None = None
    ) -> None:
        """Play stops after ``max_steps`` steps, and, with ``use_tol``, once ``|gradient| < tol``.

        Arguments left out keep their value; ``set_stop_rule(n, tol)`` switches the tolerance
        on at ``tol``. Raises ValueError for a rule that cannot be used.
        """
        old = self._snap.settings
        n = old.max_steps if max_steps is None else max_steps
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= MAX_STEPS:
            raise ValueError(f"the stop rule needs from 1 to {MAX_STEPS} steps")
        if tol is not None and use_tol is None:
            use_tol = True
        tol = old.tol if tol is None else float(tol)
        if not (tol > 0 and math.isfinite(tol)):
            raise ValueError("the tolerance must be a positive number")
        use = old.use_tol if use_tol is None else bool(use_tol)
        new = replace(old, max_steps=int(n), tol=tol, use_tol=use)
        if new == old:
            return
        if self._snap.playing:
            self._target += new.max_steps - old.max_steps
        after = replace(self._snap, settings=new)
        self._session.commit(
            lambda: QCoreApplication.translate("Descent", "Stop rule"), after, "stop rule"
        )

    def set_descent_param(self, mode: str) -> None:
        """Descend on a parameter, on the diagram's selection, or on all weights together."""
        if mode != FOLLOW_SELECTION:
            check_param(mode)
        s = self._snap
        if mode == s.settings.mode:
            return
        self.stop_playing()
        after = self.restarted(replace(s, settings=replace(s.settings, mode=mode)))

        def text() -> str:
            name = {
                FOLLOW_SELECTION: QCoreApplication.translate("Descent", "the selected parameter"),
                ALL_WEIGHTS: QCoreApplication.translate("Descent", "all weights"),
            }
            return QCoreApplication.translate("Descent", "Descend on %1").replace(
                "%1", name.get(mode, mode)
            )

        self._session.commit(text, after)
