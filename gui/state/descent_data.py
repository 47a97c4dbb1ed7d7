"""What the descent views draw: the :class:`Descent` snapshot, kept runs, and the limits.

Plain frozen data (numpy and core, no Qt), made by :mod:`gui.state.descent_state` on every change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.descent import ALL_WEIGHTS, Trajectory
from core.history import Run

FOLLOW_SELECTION = "selected"
LR_RANGE = (1e-4, 1e2)
SPEED_RANGE = (1.0, 1000.0)
FRAME_MS = 16  # above this many steps a second, a tick takes several steps and emits once
MAX_LAG_S = 0.25  # a slow frame never makes one tick take more than this many seconds' steps
PREDICT_MAX = 1000
MAX_GHOSTS = 5
GHOST_POINTS = 1000


@dataclass(frozen=True)
class Ghost:
    """A kept run, drawn faintly for comparison: its curve against ``x_name`` and its loss."""

    label: str
    lr: float
    x_name: str
    x: np.ndarray
    steps: np.ndarray
    loss: np.ndarray


@dataclass(frozen=True, eq=False)
class Descent:
    """What the descent views draw. ``run`` row ``cursor`` is the state the app shows."""

    mode: str  # a parameter name, FOLLOW_SELECTION or ALL_WEIGHTS
    param: str  # the parameter (or ALL_WEIGHTS) that descends now
    run: Run
    cursor: int
    prediction: Trajectory
    predicted_from: int  # the step the prediction starts at
    ghosts: tuple[Ghost, ...]
    playing: bool
    speed: float
    max_steps: int
    tol: float | None
    banner: str = ""  # why play stopped on a diverging step, or ""
    status: str = ""  # a calm note: stopped after N steps, converged, ...

    @property
    def step(self) -> int:
        return int(self.run.steps[self.cursor])

    @property
    def x_name(self) -> str:
        """The parameter on the horizontal axis of the loss curve."""
        return "w11" if self.param == ALL_WEIGHTS else self.param


def ghost_to_dict(g: Ghost) -> dict:
    arrays = {k: getattr(g, k).tolist() for k in ("x", "steps", "loss")}
    return {"label": g.label, "lr": float(g.lr), "x_name": g.x_name, **arrays}


def ghost_from_dict(r: dict) -> Ghost:
    arrays = (np.array(r[k], dtype=np.float64) for k in ("x", "steps", "loss"))
    return Ghost(r["label"], r["lr"], r["x_name"], *arrays)


def x_column(param: str, values: np.ndarray) -> np.ndarray:
    """The loss curve's horizontal coordinate of each recorded row (w11 in all-weights mode)."""
    return values[:, 0]
