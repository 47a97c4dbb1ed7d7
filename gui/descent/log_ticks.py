"""Ticks a log-scale axis can label whatever its span: decades, 1-2-5, 1..9, or even steps.

pyqtgraph labels a log axis at whole decades and, below three of them, adds unlabelled-looking
minor ticks at 2..9 of each decade: a loss that spans less than a decade (the usual case, from
0.12 to 0.27) gets one tick number or none. Here the ticks are the richest of these sets whose
labels stay a line apart: every n-th decade, 1-2-5 in each decade, 1..9 in each decade, and
evenly spaced round values (0.12, 0.14, 0.16 ...) for a span of a few percent.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from core.numfmt import fmt

MOST = 8  # at most this many labels on an axis


def _inside(values, lo: float, hi: float) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    return v[(v >= lo) & (v <= hi)]


def _candidates(lo: float, hi: float) -> list[np.ndarray]:
    """Tick sets in log10 units within ``lo..hi`` (log10 units), coarse to fine."""
    out = []
    span = hi - lo
    for step in (10, 5, 2, 1):
        if step <= span:
            out.append(_inside(np.arange(math.ceil(lo / step) * step, hi + 1e-9, step), lo, hi))
    decades = range(math.floor(lo), math.ceil(hi) + 1)
    for mantissas in ((1, 2, 5), range(1, 10)):
        out.append(_inside([d + math.log10(m) for d in decades for m in mantissas], lo, hi))
    a, b = 10.0**lo, 10.0**hi
    unit = 10.0 ** math.floor(math.log10(b - a)) if b > a else 1.0
    for even in (unit, unit / 2, unit / 5, unit / 10, unit / 20, unit / 50, unit / 100):
        values = np.arange(math.ceil(a / even) * even, b + even * 1e-9, even)
        values = values[values > 0]
        with np.errstate(all="ignore"):
            out.append(_inside(np.log10(values), lo, hi))
    return [c for c in out if len(c)]


def log_ticks(lo: float, hi: float, pixels: float, gap: float) -> np.ndarray:
    """Where to label an axis showing ``lo..hi`` decades over ``pixels``, labels ``gap`` apart.

    The richest candidate set with at least two ticks, at most :data:`MOST`, and neighbours at
    least ``gap`` pixels apart; with no such set, the sparsest that has two ticks.
    """
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo and pixels > 0):
        return np.zeros(0)
    per = pixels / (hi - lo)
    best: np.ndarray | None = None
    fallback: np.ndarray | None = None
    for c in _candidates(lo, hi):
        if len(c) < 2:
            continue
        if fallback is None:
            fallback = c
        if len(c) <= MOST and np.min(np.diff(c)) * per >= gap:
            if best is None or len(c) > len(best):
                best = c
    chosen = best if best is not None else fallback
    return chosen if chosen is not None else np.zeros(0)


def tick_texts(values) -> list[str]:
    """The numbers at ``values`` (log10 units), with just the digits that tell them apart."""
    numbers = [10.0**v for v in values]
    for digits in range(1, 7):
        texts = [fmt(x, digits) for x in numbers]
        if len(set(texts)) == len(texts):
            return texts
    return texts


class ReadableAxis(pg.AxisItem):
    """An AxisItem whose log mode labels :func:`log_ticks`; linear mode is pyqtgraph's, or
    with ``whole`` (an axis of steps) whole numbers only: a run of three steps had been
    labelled 0.5, 1.5 and 2.5."""

    def __init__(self, orientation: str, whole: bool = False, **kwargs):
        super().__init__(orientation, **kwargs)
        self.whole = whole

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph's name)
        levels = super().tickSpacing(minVal, maxVal, size)
        if not self.whole or self.logMode:
            return levels
        return [(s, o) for s, o in levels if s >= 1] or [(1.0, 0.0)]

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 (pyqtgraph's name)
        gap = 1.6 * self._metrics().height() if self.orientation in ("left", "right") else 0
        if not gap:
            gap = 5.5 * self._metrics().averageCharWidth()
        return [(None, log_ticks(minVal, maxVal, size, gap).tolist())]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        return tick_texts(values)

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.style.get("tickFont") or self.font())
