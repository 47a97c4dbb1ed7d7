"""The kept runs: a finished run kept as a labelled ghost beside the next ones, and cleared.

Each is one undo entry; the oldest goes when a sixth is kept.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.descent import ALL_WEIGHTS
from core.numfmt import fmt

from .descent_data import GHOST_POINTS, MAX_GHOSTS, Ghost, x_column
from .descent_optimizer import optimizer_label

if TYPE_CHECKING:
    from .session import Session


class KeptRunVerbs:
    """The kept-run verbs of ``session.descent``."""

    _session: Session

    def keep_run(self) -> None:
        """Keep the recorded run as a labelled ghost (the oldest goes beyond five)."""
        s = self._session.snapshot
        run = s.run
        if len(run) < 2:
            return
        rows = run.rows(max_points=GHOST_POINTS)
        label = QCoreApplication.translate("Descent", "lr = %1").replace("%1", fmt(float(s.lr)))
        if run.param == ALL_WEIGHTS:
            label = QCoreApplication.translate("Descent", "%1 (all weights)").replace("%1", label)
        opt = s.settings.optimizer
        label = f"{optimizer_label(opt)}, {label}"
        ghost = Ghost(
            label,
            s.lr,
            s.descent.x_name,
            x_column(run.param, run.values)[rows].copy(),
            run.steps[rows].astype(np.float64),  # as a file gives them back
            run.loss[rows].copy(),
            opt,
            run.start,
            run.param,
            run.values[rows].copy(),
        )
        ghosts = (*s.ghosts, ghost)[-MAX_GHOSTS:]
        self._session.commit(
            lambda: QCoreApplication.translate("Descent", "Keep this run"),
            replace(s, ghosts=ghosts),
        )

    def clear_runs(self) -> None:
        if self._session.snapshot.ghosts:
            self._session.commit(
                lambda: QCoreApplication.translate("Descent", "Clear kept runs"),
                replace(self._session.snapshot, ghosts=()),
            )
