"""The loss against the descending parameter, all else fixed: recomputed only when it changes.

The curve depends on every value but the descending one, on which parameter descends, and on
the stretch of the axis it must cover. While one parameter plays, none of these moves (only
the descending value does, and the curve is drawn across it), so the curve is computed once
per run and axis range rather than once a frame. In all-weights mode the other weights move
with every step, and so does the curve.
"""

from __future__ import annotations

import numpy as np

from core.loss_along import loss_along
from core.model import Params

POINTS = 1001  # across the axis: about two a pixel on a full-width plot
NEAR = 1.5  # half-width of the dense stretch around the current value ...
NEAR_POINTS = 151  # ... and its points (0.02 apart)
SNAP = 0.5  # the dense stretch moves in steps of this, so a playing run rarely moves it


def grid(lo: float, hi: float, x_now: float) -> np.ndarray:
    """Sorted points from ``lo`` to ``hi``, dense again near ``x_now`` when the range is wide.

    On a wide range the curve's shape around the current value would fall between the
    points; the dense stretch keeps it (as :func:`core.descent.slice_grid` does).
    """
    wide = np.linspace(lo, hi, POINTS)
    centre = _near_centre(lo, hi, x_now)
    if centre is None:
        return wide
    near = np.linspace(centre - NEAR, centre + NEAR, NEAR_POINTS)
    return np.unique(np.concatenate([wide, near[(near > lo) & (near < hi)]]))


def _near_centre(lo: float, hi: float, x_now: float) -> float | None:
    step = (hi - lo) / (POINTS - 1)
    fine = 2 * NEAR / (NEAR_POINTS - 1)
    if not (step > fine and np.isfinite(x_now)):
        return None
    return round(x_now / SNAP) * SNAP


class CurveSlice:
    """The last loss curve computed, with what it was computed from."""

    def __init__(self) -> None:
        self.xs = np.zeros(0)
        self.loss = np.zeros(0)
        self._key: tuple | None = None
        self._base: Params | None = None

    def update(self, params: Params, name: str, span: tuple[float, float], x_now: float) -> bool:
        """Compute the curve of ``name`` over ``span`` at ``params``, if needed; whether it did."""
        lo, hi = span
        key = (name, lo, hi, _near_centre(lo, hi, x_now))
        base = params.with_value(name, 0.0)  # the curve does not depend on the value itself
        if key == self._key and self._base is not None and base == self._base:
            return False
        self.xs = grid(lo, hi, x_now)
        self.loss = loss_along(params, name, self.xs)
        self._key, self._base = key, base
        return True
