"""The live-descent part of :class:`gui.state.session.Session`: a run, its timeline, play and stop.

Kept apart from the rest of the session so each stays small; the state still has one owner,
the Session, and reaches views only through its immutable snapshot (``Snapshot.descent``).
The bookkeeping of the recorded steps is the pure :class:`core.history.Recorder`.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

from core.descent import ALL_WEIGHTS, Trajectory
from core.history import Recorder
from core.live import REASONS, State, advance, check_param, converged, predict, state
from core.model import PARAMETERS, Params
from core.numfmt import fmt

from .commands import ResetRun, SetLearningRate
from .descent_data import (
    FOLLOW_SELECTION,
    FRAME_MS,
    GHOST_POINTS,
    LR_RANGE,
    MAX_GHOSTS,
    MAX_LAG_S,
    PREDICT_MAX,
    SPEED_RANGE,
    Descent,
    Ghost,
    ghost_from_dict,
    ghost_to_dict,
    x_column,
)


def _reasons() -> dict[str, str]:
    """The divergence sentences of core.live in the interface's language."""
    return {k: QCoreApplication.translate("Descent", v) for k, v in REASONS.items()}


class DescentMixin:
    """Descent verbs of the Session. Expects ``_snap``, ``_replace`` and ``tr`` from it."""

    def _init_descent(self, params: Params) -> None:
        self._mode = "w11"
        self._speed = 20.0
        self._max_steps = 200
        self._tol: float | None = None
        self._ghosts: tuple[Ghost, ...] = ()
        self._playing = False
        self._carry = 0.0
        self._target = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._clock = QElapsedTimer()
        self._new_record(params, self._param())
        self._cursor = 0
        self._banner = self._status = ""
        self._prediction: Trajectory | None = None  # the Session's first _publish predicts
        self._predicted_from = 0

    def _new_record(self, params: Params, param: str) -> None:
        self._tail = state(params, param)
        self._start_loss = self._tail.loss
        self._rec = Recorder(self._tail, param)

    def _descends_selection(self) -> bool:
        return self._mode == FOLLOW_SELECTION

    # -- reading -------------------------------------------------------------------------
    def _param(self, selected: str | None = None) -> str:
        if self._mode != FOLLOW_SELECTION:
            return self._mode
        return selected if selected is not None else self._snap.selected

    def _descent(self) -> Descent:
        return Descent(
            self._mode,
            self._rec.param,
            self._rec.view(),
            self._cursor,
            self._prediction,
            self._predicted_from,
            self._ghosts,
            self._playing,
            self._speed,
            self._max_steps,
            self._tol,
            self._banner,
            self._status,
        )

    def _publish(self, predict_again: bool = True, **changes) -> None:
        """Emit one new snapshot: the state at the cursor, and ``changes`` to other fields."""
        if predict_again:
            self._prediction = self._predict(changes.get("lr", self._snap.lr))
        run = self._rec.view()
        self._replace(params=run.params_at(self._cursor), descent=self._descent(), **changes)

    def _predict(self, lr: float) -> Trajectory:
        run = self._rec.view()
        remaining = self._target - run.last_step if self._playing else self._max_steps
        steps = max(0, min(remaining, PREDICT_MAX))
        self._predicted_from = int(run.steps[self._cursor])
        return predict(
            run.state_at(self._cursor),
            run.param,
            lr,
            steps,
            float(run.loss[0]),
            self._tol,
            _reasons(),
        )

    def _restart(self, params: Params, selected: str | None = None, **changes) -> None:
        """Start a new run at ``params`` (after an edit, a new scenario or a new parameter)."""
        self._stop_timer()
        param = self._param(selected)
        self._new_record(params, param)
        self._cursor = 0
        self._banner = self._status = ""
        if selected is not None:
            changes["selected"] = selected
        self._publish(**changes)

    # -- stepping --------------------------------------------------------------------------
    def _at_end(self) -> bool:
        return self._cursor == len(self._rec) - 1

    def _here(self) -> tuple[int, State]:
        """The step number and state at the cursor (cheap at the newest step)."""
        if self._at_end():
            return self._rec.last_step, self._tail
        run = self._rec.view()
        return int(run.steps[self._cursor]), run.state_at(self._cursor)

    def _step_once(self) -> bool:
        """One step from the cursor; False (with a banner) if it would diverge."""
        lr = self._snap.lr
        if not self._at_end():
            run = self._rec.view()
            if run.lr[self._cursor + 1] == lr:  # replay the recorded step
                self._cursor += 1
                return True
            self._rec.truncate(self._cursor)  # a new learning rate: branch from here
            self._tail = run.state_at(self._cursor)
        step, here = self._here()
        nxt, reason = advance(here, self._rec.param, lr, step + 1, self._start_loss, _reasons())
        if nxt is None:
            self._banner = reason
            return False
        self._rec.append(nxt, lr)
        self._tail = nxt
        self._cursor = len(self._rec) - 1
        return True

    def _stop_timer(self) -> None:
        self._playing = False
        self._carry = 0.0
        self._timer.stop()

    def step(self) -> None:
        """One step forward (pauses play)."""
        self._stop_timer()
        self._banner = self._status = ""
        self._step_once()
        self._publish()

    def step_back(self) -> None:
        """Show the previous recorded step (pauses play)."""
        self._stop_timer()
        self._banner = self._status = ""
        self._cursor = max(0, self._cursor - 1)
        self._publish()

    def seek(self, index: int) -> None:
        """Show recorded row ``index`` (the timeline); out-of-range values are clamped."""
        self._stop_timer()
        self._cursor = int(np.clip(index, 0, len(self._rec) - 1))
        self._banner = self._status = ""
        self._publish()

    def reset(self) -> None:
        """Back to step 0 as one undoable change (kept runs stay)."""
        if len(self._rec) > 1 or self._cursor or self._banner or self._status:
            self.undo_stack.push(ResetRun(self))

    def _reset_run(self) -> None:
        self._restart(self._rec.view().params_at(0))

    def _save_run(self) -> tuple:
        return (self._rec, self._tail, self._start_loss, self._cursor, self._banner, self._status)

    def _restore_run(self, saved: tuple) -> None:
        self._stop_timer()
        self._rec, self._tail, self._start_loss, self._cursor, self._banner, self._status = saved
        self._publish()

    # -- play ------------------------------------------------------------------------------
    def play(self) -> None:
        if self._playing:
            return
        self._banner = self._status = ""
        self._target = int(self._rec.view().steps[self._cursor]) + self._max_steps
        self._playing = True
        self._carry = 0.0
        self._timer.start(self._interval())
        self._clock.start()
        self._publish(predict_again=False)

    def pause(self) -> None:
        if self._playing:
            self._stop_timer()
            self._publish()

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def _interval(self) -> int:
        return max(FRAME_MS, round(1000.0 / self._speed))

    def tick(self) -> None:
        """One timer tick: as many steps as the speed asks for, then one redraw."""
        if not self._playing:
            return
        interval = self._interval() / 1000.0
        if interval == FRAME_MS / 1000.0:  # fast: keep pace with the clock if frames run late
            interval = min(self._clock.restart() / 1000.0, MAX_LAG_S)
        due = self._carry + self._speed * interval
        n = int(due)
        self._carry = due - n
        for _ in range(n):
            step, current = self._here()
            if step >= self._target:
                self._status = self.tr("Stopped after %1 steps.").replace(
                    "%1", str(self._max_steps)
                )
            elif converged(current, self._tol):
                self._status = (
                    self.tr("Converged: |gradient| < %1 at step %2.")
                    .replace("%1", fmt(self._tol))
                    .replace("%2", str(step))
                )
            elif self._step_once():
                continue
            self._stop_timer()
            break
        self._publish(predict_again=not self._playing)

    # -- settings --------------------------------------------------------------------------
    def set_learning_rate(self, lr: float, gesture: int | None = None) -> None:
        """Set the learning rate (clamped to 1e-4..1e2) as an undoable change.

        Calls that pass the same ``gesture`` (one slider drag) make one undo entry.
        """
        if not (lr > 0 and math.isfinite(lr)):
            raise ValueError("the learning rate must be a positive number")
        lr = float(min(max(lr, LR_RANGE[0]), LR_RANGE[1]))
        if lr == self._snap.lr:
            return
        self.undo_stack.push(SetLearningRate(self, self._snap.lr, lr, gesture))

    def _apply_lr(self, lr: float) -> None:
        if lr != self._snap.lr:
            self._banner = ""
            self._publish(lr=lr)

    def set_speed(self, steps_per_second: float) -> None:
        self._speed = float(np.clip(steps_per_second, *SPEED_RANGE))
        if self._playing:
            self._timer.setInterval(self._interval())
        self._publish(predict_again=False)

    def set_stop_rule(self, max_steps: int, tol: float | None = None) -> None:
        """Play stops after ``max_steps`` steps, or once ``|gradient| < tol`` (None: never)."""
        if max_steps < 1 or (tol is not None and not tol > 0):
            raise ValueError("the stop rule needs at least one step and a positive tolerance")
        self._max_steps, self._tol = int(max_steps), tol
        if self._playing:
            self._target = int(self._rec.view().steps[self._cursor]) + self._max_steps
        self._publish()

    def set_descent_param(self, mode: str) -> None:
        """Descend on a parameter, on the diagram's selection, or on all weights together."""
        if mode != FOLLOW_SELECTION:
            check_param(mode)
        if mode == self._mode:
            return
        self._mode = mode
        self._restart(self._snap.params)

    # -- saved with a scenario ----------------------------------------------------------------
    def _descent_settings(self) -> dict:
        return {
            "mode": self._mode,
            "speed": self._speed,
            "max_steps": self._max_steps,
            "tol": self._tol,
            "runs": [ghost_to_dict(g) for g in self._ghosts],
        }

    def _apply_descent_settings(self, d: dict) -> None:
        """Take the descent settings of a scenario; missing keys get the defaults."""
        self._stop_timer()
        self._mode = d.get("mode", "w11")
        self._speed = float(d.get("speed", 20.0))
        self._max_steps = int(d.get("max_steps", 200))
        self._tol = d.get("tol")
        self._ghosts = tuple(ghost_from_dict(r) for r in d.get("runs", []))

    # -- kept runs -------------------------------------------------------------------------
    def keep_run(self) -> None:
        """Keep the recorded run as a labelled ghost (the oldest goes beyond five)."""
        run = self._rec.view()
        if len(run) < 2:
            return
        rows = run.rows(max_points=GHOST_POINTS)
        label = self.tr("lr = %1").replace("%1", fmt(float(self._snap.lr)))
        if run.param == ALL_WEIGHTS:
            label = self.tr("%1 (all weights)").replace("%1", label)
        ghost = Ghost(
            label,
            self._snap.lr,
            self._descent().x_name,
            x_column(run.param, run.values)[rows].copy(),
            run.steps[rows].copy(),
            run.loss[rows].copy(),
        )
        self._ghosts = (*self._ghosts, ghost)[-MAX_GHOSTS:]
        self._publish(predict_again=False)

    def clear_runs(self) -> None:
        if self._ghosts:
            self._ghosts = ()
            self._publish(predict_again=False)


__all__ = ["ALL_WEIGHTS", "FOLLOW_SELECTION", "PARAMETERS", "Descent", "DescentMixin", "Ghost"]
