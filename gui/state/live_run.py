"""The live descent run: the one mutable record behind the snapshot's immutable :class:`Run`.

A run is fixed by where it starts, what descends, the learning rate and the optimizer, so
stepping from any recorded row forward gives the row already recorded: moving the cursor
forward replays, and only a step past the newest row computes. Every step goes through
:func:`core.live.walk`, the engine ``--descend`` uses too. An optimizer with memory
(momentum, Adam's moments) goes on from the memory of the newest row, kept here beside each
run handed out; the memory at an older row is found again by replaying the run from its
start. Plain Python (no Qt): the Session owns one and asks it for runs.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import replace

from core.history import Recorder, Run
from core.live import State, Stop, converged, drain, state, walk
from core.model import Params
from core.optimizers import SGD, Memory, Optimizer


class LiveRun:
    """Records a descent run and steps it; hands out immutable :class:`Run` views."""

    def __init__(self, params: Params, param: str):
        self._rec = Recorder(state(params, param), param)
        #: The optimizer's memory at the newest row of each run handed out (None: none yet).
        self._memory: weakref.WeakKeyDictionary[Run, Memory | None] = weakref.WeakKeyDictionary()

    def restart(self, params: Params, param: str) -> Run:
        """A new run of ``param`` from ``params``: one row, step 0."""
        self._rec = Recorder(state(params, param), param)
        return self._rec.view()

    def adopt(self, run: Run) -> None:
        """Go on recording from ``run`` (an undo brought it back)."""
        if run is not self._rec.view():
            self._rec = Recorder.from_run(run)
            if run in self._memory:
                self._memory[self._rec.view()] = self._memory[run]

    def view(self) -> Run:
        return self._rec.view()

    def state_at(self, run: Run, i: int, lr: float, optimizer: Optimizer = SGD) -> State:
        """Row ``i`` of ``run`` with the memory ``optimizer`` has there (replayed if unknown)."""
        s = run.state_at(i)
        if optimizer == SGD or i == 0:
            return s
        if i == len(run) - 1 and run in self._memory:
            return replace(s, memory=self._memory[run])
        memory: list[Memory | None] = [None]

        def keep(t: State) -> None:
            memory[0] = t.memory

        n = int(run.steps[i])
        start = run.state_at(0)
        drain(walk(start, run.param, lr, start.loss, n, optimizer=optimizer), keep)
        if i == len(run) - 1:
            self._memory[run] = memory[0]
        return replace(s, memory=memory[0])

    def forward(
        self,
        cursor: int,
        lr: float,
        steps: int,
        tol: float | None,
        reasons: Mapping[str, str],
        optimizer: Optimizer = SGD,
    ) -> tuple[Run, int, Stop]:
        """Up to ``steps`` steps on from row ``cursor``: ``(run, new cursor, why it stopped)``.

        Rows already recorded are replayed; steps past the newest row are computed by
        :func:`core.live.walk` (and recorded) with ``tol``, the divergence rule and
        ``optimizer``, which goes on from its memory at the newest row.
        """
        run = self._rec.view()
        ahead = min(steps, len(run) - 1 - cursor)
        if tol is not None:
            for i in range(cursor, cursor + ahead):
                if run.grads[i].size and float(abs(run.grads[i]).max()) < tol:
                    return run, i, Stop("tolerance")
        cursor += ahead
        if ahead == steps:
            return (
                run,
                cursor,
                Stop("tolerance" if converged(run.state_at(cursor), tol) else "steps"),
            )
        here = self.state_at(run, cursor, lr, optimizer)
        first = int(run.steps[cursor]) + 1
        start_loss = float(run.loss[0])
        last: list[Memory | None] = [here.memory]

        def record(s: State) -> None:
            self._rec.append(s, lr)
            last[0] = s.memory

        stop = drain(
            walk(here, run.param, lr, start_loss, steps - ahead, tol, first, reasons, optimizer),
            record,
        )
        run = self._rec.view()
        self._memory[run] = last[0]
        return run, len(run) - 1, stop
