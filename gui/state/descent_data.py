"""Kept runs and the limits of live descent: plain frozen data (numpy and core, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from core.settings_format import FOLLOW_SELECTION, LR_RANGE, SPEED_RANGE

__all__ = [
    "FOLLOW_SELECTION",
    "LR_RANGE",
    "SPEED_RANGE",
    "Ghost",
    "ghost_from_dict",
    "ghost_to_dict",
]

FRAME_MS = 16  # above this many steps a second, a tick takes several steps and emits once
MAX_LAG_S = 0.25  # a slow frame never makes one tick take more than this many seconds' steps
PREDICT_MAX = 1000
MAX_GHOSTS = 5
GHOST_POINTS = 1000


@dataclass(frozen=True, eq=False)
class Ghost:
    """A kept run, drawn faintly for comparison: its curve against ``x_name`` and its loss."""

    label: str
    lr: float
    x_name: str
    x: np.ndarray
    steps: np.ndarray
    loss: np.ndarray

    def __eq__(self, other: object) -> bool:  # equal when a file would hold the same run
        if not isinstance(other, Ghost):
            return NotImplemented
        return (self.label, self.lr, self.x_name) == (other.label, other.lr, other.x_name) and all(
            np.array_equal(getattr(self, k), getattr(other, k)) for k in ("x", "steps", "loss")
        )

    __hash__ = None  # type: ignore[assignment]


def ghost_to_dict(g: Ghost) -> dict[str, Any]:
    arrays = {k: getattr(g, k).tolist() for k in ("x", "steps", "loss")}
    return {"label": g.label, "lr": float(g.lr), "x_name": g.x_name, **arrays}


def ghost_from_dict(r: dict[str, Any]) -> Ghost:
    arrays = (np.array(r[k], dtype=np.float64) + 0.0 for k in ("x", "steps", "loss"))  # no -0.0
    return Ghost(r["label"], r["lr"], r["x_name"], *arrays)


def x_column(param: str, values: np.ndarray) -> np.ndarray:
    """The loss curve's horizontal coordinate of each recorded row (w11 in all-weights mode)."""
    return values[:, 0]
