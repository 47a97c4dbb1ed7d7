"""Kept runs and the limits of live descent: plain frozen data (numpy and core, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from core.descent import ALL_WEIGHTS, weights
from core.model import Params
from core.optimizers import SGD, Optimizer
from core.settings_format import (
    FOLLOW_SELECTION,
    LR_RANGE,
    SPEED_RANGE,
    optimizer_of,
    optimizer_section,
)

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
    """A kept run, drawn faintly for comparison: its curve against ``x_name`` and its loss.

    ``optimizer`` made its steps. A run kept in this session also knows where it started,
    what descended and every value that descended (``path``: ``(rows, width)``), so the
    landscape can draw it over any two values; a run read from a file has only ``x``.
    """

    label: str
    lr: float
    x_name: str
    x: np.ndarray
    steps: np.ndarray
    loss: np.ndarray
    optimizer: Optimizer = SGD
    start: Params | None = None
    param: str = ""
    path: np.ndarray | None = None

    def __eq__(self, other: object) -> bool:  # equal when a file would hold the same run
        if not isinstance(other, Ghost):
            return NotImplemented
        mine = (self.label, self.lr, self.x_name, self.optimizer)
        return mine == (other.label, other.lr, other.x_name, other.optimizer) and all(
            np.array_equal(getattr(self, k), getattr(other, k)) for k in ("x", "steps", "loss")
        )

    def along(self, name: str) -> np.ndarray | None:
        """The value of ``name`` at each kept row (constant if it did not descend), or None
        when the run does not say (read from a file)."""
        return coordinate(self.start, self.param, self.path, name)

    __hash__ = None  # type: ignore[assignment]


def ghost_to_dict(g: Ghost) -> dict[str, Any]:
    arrays = {k: getattr(g, k).tolist() for k in ("x", "steps", "loss")}
    out = {
        "label": g.label,
        "lr": float(g.lr),
        "x_name": g.x_name,
        **arrays,
        **optimizer_section(g.optimizer),
    }
    if g.start is not None and g.path is not None:  # where it went, for the landscape
        names = _descending(g.start, g.param)
        columns = np.asarray(g.path, dtype=np.float64).reshape(len(g.path), -1)
        out["descended"] = g.param
        out["start"] = g.start.values()
        out["path"] = {n: columns[:, i].tolist() for i, n in enumerate(names)}
    return out


def ghost_from_dict(r: dict[str, Any], params: Params | None = None) -> Ghost:
    """The kept run a file holds; where it went (for the landscape) when the file says and
    ``params`` (the file's network) has every value it names."""
    x, steps, loss = (np.array(r[k], dtype=np.float64) + 0.0 for k in ("x", "steps", "loss"))
    ghost = Ghost(r["label"], r["lr"], r["x_name"], x, steps, loss, optimizer_of(dict(r)))
    if params is None or "descended" not in r:
        return ghost
    if not all(params.has(n) for n in (*r["start"], *r["path"])):
        return ghost  # named values this network does not have
    start = params
    for name, value in r["start"].items():
        start = start.with_value(name, value)
    names = _descending(start, r["descended"])
    if set(names) != set(r["path"]):
        return ghost
    path = np.column_stack([np.array(r["path"][n], dtype=np.float64) + 0.0 for n in names])
    return replace(ghost, start=start, param=r["descended"], path=path)


def _descending(start: Params, param: str) -> tuple[str, ...]:
    return weights(start) if param == ALL_WEIGHTS else (param,)


def coordinate(
    start: Params | None, param: str, values: np.ndarray | None, name: str
) -> np.ndarray | None:
    """``name``'s value at each row of ``values`` (a run of ``param`` from ``start``): its
    column where it descends, else ``start``'s value on every row; None without a start."""
    if start is None or values is None:
        return None
    rows = len(values)
    names = weights(start) if param == ALL_WEIGHTS else (param,)
    if name in names:
        return np.asarray(values, dtype=np.float64).reshape(rows, -1)[:, names.index(name)]
    return np.full(rows, start.get(name))


def x_column(param: str, values: np.ndarray) -> np.ndarray:
    """The loss curve's horizontal coordinate of each recorded row (w11 in all-weights mode)."""
    return values[:, 0]
