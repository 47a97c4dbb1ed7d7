"""The live descent run: the one mutable record behind the snapshot's immutable :class:`Run`.

A run is fixed by where it starts, what descends and the learning rate, so stepping from any
recorded row forward gives the row already recorded: moving the cursor forward replays, and
only a step past the newest row computes. Every step goes through :func:`core.live.walk`, the
engine ``--descend`` uses too. Plain Python (no Qt): the Session owns one and asks it for runs.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.history import Recorder, Run
from core.live import Stop, converged, drain, state, walk
from core.model import Params


class LiveRun:
    """Records a descent run and steps it; hands out immutable :class:`Run` views."""

    def __init__(self, params: Params, param: str):
        self._rec = Recorder(state(params, param), param)

    def restart(self, params: Params, param: str) -> Run:
        """A new run of ``param`` from ``params``: one row, step 0."""
        self._rec = Recorder(state(params, param), param)
        return self._rec.view()

    def adopt(self, run: Run) -> None:
        """Go on recording from ``run`` (an undo brought it back)."""
        if run is not self._rec.view():
            self._rec = Recorder.from_run(run)

    def view(self) -> Run:
        return self._rec.view()

    def forward(
        self,
        cursor: int,
        lr: float,
        steps: int,
        tol: float | None,
        reasons: Mapping[str, str],
    ) -> tuple[Run, int, Stop]:
        """Up to ``steps`` steps on from row ``cursor``: ``(run, new cursor, why it stopped)``.

        Rows already recorded are replayed; steps past the newest row are computed by
        :func:`core.live.walk` (and recorded) with ``tol`` and the divergence rule.
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
        here = run.state_at(cursor)
        first = int(run.steps[cursor]) + 1
        start_loss = float(run.loss[0])
        stop = drain(
            walk(here, run.param, lr, start_loss, steps - ahead, tol, first, reasons),
            lambda s: self._rec.append(s, lr),
        )
        run = self._rec.view()
        return run, len(run) - 1, stop
