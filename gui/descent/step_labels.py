"""The step numbers written above the descent path: the latest step and every k-th.

Labels at round steps (0, 5, 10, ... or 0, 200, 400, ...) stay where they are while a run
plays, so a frame moves only the latest one; k grows as the run does, to keep at most
:data:`MAX_LABELS`. A label that would cover one already placed (the latest first, then in
step order) is left out. The text items are created once and only touched when their text or
place changes.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

from ..look.palette import INK
from .plot_ranges import pixel_scale

MAX_LABELS = 16


def every(last: int, most: int = MAX_LABELS - 1) -> int:
    """The smallest round k (1, 2, 5, 10, 20, 50, ...) with at most ``most`` multiples to last."""
    if last <= most:
        return 1
    scale = 10 ** math.floor(math.log10(last / most))
    for k in (scale, 2 * scale, 5 * scale, 10 * scale):
        if last // k <= most:
            return k
    return 10 * scale


def picked(steps: np.ndarray, cursor: int) -> list[int]:
    """Rows to label among ``steps[: cursor + 1]``: the cursor's, then every k-th step's."""
    last = int(steps[cursor])
    k = every(last)
    want = np.arange(0, last, k)
    rows = np.searchsorted(steps[: cursor + 1], want)
    found = rows[steps[rows] == want] if len(rows) else rows
    return [cursor, *found.tolist()]


ABOVE, BELOW = (0.5, 1.3), (0.5, -0.3)  # a label's anchor over its point, or under it

Label = tuple[str, float, float, bool]  # text, x, y, drawn above the point


class StepLabels:
    """A fixed set of text items on ``plot`` showing the step numbers of a path."""

    def __init__(self, plot, font: QFont):
        self._view = plot.vb
        self._metrics = QFontMetricsF(font)
        self._items = []
        for _ in range(MAX_LABELS):
            t = pg.TextItem(color=INK, anchor=ABOVE)
            t.setFont(font)
            t.setVisible(False)
            plot.addItem(t, ignoreBounds=True)
            self._items.append(t)
        self._margin = self._items[0].textItem.document().documentMargin()
        self._shown: list[Label | None] = [None] * MAX_LABELS

    def show(self, steps: np.ndarray, xs: np.ndarray, ys: np.ndarray, cursor: int) -> None:
        """Label the path through ``(xs, ys)`` (one point a row of ``steps``) up to ``cursor``."""
        labels = self._fitting(
            [(str(int(steps[r])), float(xs[r]), float(ys[r])) for r in picked(steps, cursor)]
        )
        for i, item in enumerate(self._items):
            want = labels[i] if i < len(labels) else None
            have = self._shown[i]
            if want == have:
                continue
            if want is None:
                item.setVisible(False)
            else:
                if have is None or have[0] != want[0]:
                    item.setText(want[0])
                if have is None or have[3] != want[3]:
                    item.setAnchor(ABOVE if want[3] else BELOW)
                if have is None or have[1:3] != want[1:3]:
                    item.setPos(want[1], want[2])
                if have is None:
                    item.setVisible(True)
            self._shown[i] = want

    def _fitting(self, labels: list[tuple[str, float, float]]) -> list[Label]:
        """``labels`` less those that would cover one placed before them, in pixels.

        A label goes above its point, or under it where above would leave the plot's top. Its
        box is the text item's, margins included, so kept labels' items never intersect.
        """
        scale = pixel_scale(self._view)
        if scale is None:
            return [(t, x, y, True) for t, x, y in labels[:MAX_LABELS]]
        sx, sy = scale
        top = self._view.viewRange()[1][1] * sy
        tall = self._metrics.height() + 2 * self._margin
        placed: list[tuple[float, float, float, float]] = []  # left, right, bottom, top
        kept: list[Label] = []
        for text, x, y in labels:
            if not (math.isfinite(x) and math.isfinite(y)):
                continue
            half = self._metrics.horizontalAdvance(text) / 2 + self._margin + 1
            px, py = x * sx, y * sy
            above = py + (ABOVE[1] * tall) <= top
            low = py + (ABOVE[1] - 1) * tall if above else py - (1 - BELOW[1]) * tall
            box = (px - half, px + half, low, low + tall)
            if any(_meet(box, other) for other in placed):
                continue
            placed.append(box)
            kept.append((text, x, y, above))
            if len(kept) == MAX_LABELS:
                break
        return kept


def _meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two boxes (left, right, bottom, top) overlap, with a pixel to spare."""
    return a[0] < b[1] + 1 and b[0] < a[1] + 1 and a[2] < b[3] + 1 and b[2] < a[3] + 1
