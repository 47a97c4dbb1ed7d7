"""The axis ranges of the descent plots, fitted to what they draw and kept while it fits.

pyqtgraph's auto-range refits every item's bounds on every paint, and when a range moves by a
hair (as it does on every edit and every frame of play) the axes regenerate their ticks and the
plot paints twice. Here each axis is fitted to the data actually drawn, with a margin, and the
range is kept while the data stays inside it and still fills a fair part of it. When a playing
run leaves the range, the range grows with room to spare on that side, so the axes move a few
times in a long run rather than on every frame. A new run (a load, an edit, a reset) is fitted
closely again: the old range stays only if it nearly fits the new data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

PAD = 0.06  # margin on each side, as a fraction of the data's span (pyqtgraph's, ~300 px)
HEADROOM = 0.15  # extra room, as a fraction of the span, on the side a growing run left through
LOOSE = 3.0  # while a run goes on, a range this many times the fitted span is fitted again
FRESH_LOOSE = 1.25  # for a new run, the old range stays only within this factor of the fit

Span = tuple[float, float]


def bounds(arrays: Iterable[object], log: bool = False) -> Span | None:
    """The smallest and largest finite value in ``arrays`` (of their log10 with ``log``)."""
    lo, hi = np.inf, -np.inf
    for a in arrays:
        v = np.asarray(a, dtype=np.float64).ravel()
        if log:
            with np.errstate(all="ignore"):
                v = np.log10(v[v > 0])
        v = v[np.isfinite(v)]
        if v.size:
            lo, hi = min(lo, float(v.min())), max(hi, float(v.max()))
    return (lo, hi) if lo <= hi else None


#: A span narrower than this part of the values' size is drawn as flat: a stagnating run moves
#: by 1e-12, and an axis fitted to that labels its ticks with fourteen digits (at 1e-4 it still
#: read "-1.8161e-12" and "3.9996": five figures, a third of a small plot's width).
RELATIVE_LEAST = 1e-3


def margin(lo: float, hi: float, pad: float = PAD, least: float = 0.0) -> float:
    """The margin on each side of ``lo..hi``: ``pad`` of its span, never under ``least`` nor
    under :data:`RELATIVE_LEAST` of the values' size.

    A single value (no span) gets 0.5 on each side, as pyqtgraph gives it.
    """
    if hi <= lo:
        return max(0.5, least)
    size = max(abs(lo), abs(hi))
    return max(pad * (hi - lo), least, RELATIVE_LEAST * size if math.isfinite(size) else 0.0)


def same(a: tuple, b: tuple) -> bool:
    """Whether two tuples hold the very same objects (what a plot drew last, and a snapshot's)."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def is_fresh(shown: tuple, now: tuple) -> bool:
    """Whether ``now`` (run, cursor, prediction, ...) is more than a frame of play after
    ``shown``: a new run (another start or parameter, or fewer steps: a reset, a new learning
    rate, a branch from an earlier step) or a new prediction (a step or a move by hand, the
    start or end of play). Play keeps its prediction and only adds steps."""
    if not shown:
        return True
    last, run = shown[0], now[0]
    return (
        run.start is not last.start
        or run.param != last.param
        or run.last_step < last.last_step
        or now[2] is not shown[2]
    )


def is_new_run(shown: tuple, now: tuple) -> bool:
    """Whether ``now`` shows another run than ``shown``: a load, a reset, an undo, an edit of
    more than one value.

    The axes then forget the ranges of the run before and fit this one as a fresh window would.
    An edit of one value (a scrub, a typed number) only starts a fresh fit: the range stays
    while it nearly fits the new run (:data:`FRESH_LOOSE`), so the axes hold still under the
    hand instead of jumping (and the plot re-laying its ticks) at every move."""
    if not shown:
        return True
    last, run = shown[0], now[0]
    if run.param != last.param or run.last_step < last.last_step:
        return True
    return run.start is not last.start and not _one_value_edited(last.start, run.start)


def _one_value_edited(before, after) -> bool:
    """Whether two networks' values differ in exactly one value (and not in the network)."""
    if (before.activation, before.loss) != (after.activation, after.loss):
        return False
    old, new = before.values(), after.values()  # a bias added or removed changes the keys
    return old.keys() == new.keys() and sum(old[k] != new[k] for k in old) == 1


def changed(shown: tuple, now: tuple, *ranges) -> bool | None:
    """None when ``now`` is what was drawn last, else whether it is fresh (:func:`is_fresh`);
    the ``ranges`` forget theirs first when ``now`` is another run (:func:`is_new_run`)."""
    if same(now, shown):
        return None
    if is_new_run(shown, now):
        for r in ranges:
            r.forget()
    return is_fresh(shown, now)


class AxisRange:
    """One axis: fits the data's ``lo..hi`` with a margin, and keeps the range while it fits."""

    def __init__(self, pad: float = PAD, least: float = 0.0):
        self.pad, self.least = pad, least
        self.range: Span | None = None

    def update(self, data: Span | None, fresh: bool) -> Span | None:
        """The new range when it must change for ``data``, else None (keep the one shown).

        ``fresh`` says the data belong to a new run: the range is then fitted closely
        (:data:`FRESH_LOOSE`); otherwise it only grows when the data leave it, with
        :data:`HEADROOM`, or shrinks when the data fill less than ``1 /`` :data:`LOOSE` of it.
        """
        if data is None:
            return None
        lo, hi = data
        m = margin(lo, hi, self.pad, self.least)
        fit = (lo - m, hi + m)
        cur = self.range
        if cur is not None:
            width = cur[1] - cur[0]
            # The data must stay half a margin inside: the margin of the narrower fit, so that
            # a span grown on one side does not count as leaving on the other.
            inner = min(m, max(self.pad * width / (1 + 2 * self.pad), self.least)) / 2
            left, right = cur[0] > lo - inner, cur[1] < hi + inner
            loose = width > (FRESH_LOOSE if fresh else LOOSE) * (fit[1] - fit[0])
            if not (left or right or loose):
                return None
            if not fresh and not loose:
                room = HEADROOM * (fit[1] - fit[0])
                fit = (fit[0] - room if left else fit[0], fit[1] + room if right else fit[1])
        self.range = fit
        return fit

    def forget(self) -> None:
        """Fit the next data afresh, whatever range was shown before."""
        self.range = None


class ViewRanges:
    """The ranges of one pyqtgraph ViewBox, set from :class:`AxisRange` instead of auto-range.

    ``x`` or ``y`` may be None for an axis set elsewhere (linked to another view). A zoom or
    pan by hand becomes the range kept, until the data leave it or a new run arrives; the
    plot's "A" button, shown after such a gesture, fits the data again.
    """

    def __init__(self, view, x: AxisRange | None, y: AxisRange | None):
        self.view, self.x, self.y = view, x, y
        self._data: tuple[Span | None, Span | None] = (None, None)
        view.disableAutoRange()
        view.sigRangeChangedManually.connect(self._by_hand)

    def fit(self, x: Span | None, y: Span | None, fresh: bool) -> bool:
        """Set the ranges ``x`` and ``y`` call for; whether either changed."""
        nx = self.x.update(x, fresh) if self.x is not None else None
        ny = self.y.update(y, fresh) if self.y is not None else None
        return self.set(nx, ny, (x, y))

    def set(self, nx: Span | None, ny: Span | None, data: tuple[Span | None, Span | None]) -> bool:
        """Show the ranges ``nx`` and ``ny`` (None: keep), fitted from ``data``; whether any was
        set. For a plot whose y data depend on its x range, which it updates axis by axis."""
        self._data = data
        if nx is None and ny is None:
            return False
        self.view.setRange(xRange=nx, yRange=ny, padding=0)
        return True

    def forget(self) -> None:
        """Fit the next data afresh on both axes, whatever ranges were shown before."""
        for axis in (self.x, self.y):
            if axis is not None:
                axis.forget()

    def refit(self) -> None:
        """Fit the last data afresh, forgetting any range set by hand."""
        for axis in (self.x, self.y):
            if axis is not None:
                axis.forget()
        self.fit(*self._data, fresh=True)

    def _by_hand(self, changed) -> None:
        shown = self.view.viewRange()
        for i, axis in enumerate((self.x, self.y)):
            if axis is not None and changed[i]:
                axis.range = (float(shown[i][0]), float(shown[i][1]))


def fit_button(plot, ranges: list[ViewRanges], redraw) -> None:
    """Keep pyqtgraph's "A" button hidden until a zoom or pan by hand; it then fits again.

    With the ranges set here, pyqtgraph would show the button on every hover (auto-range is
    off); it is only useful after a gesture has moved a range. ``redraw`` is called after the
    fit, for what depends on the range (the loss curve's grid, the step labels).
    """
    plot.hideButtons()

    def by_hand(*_) -> None:
        plot.showButtons()

    def fit() -> None:
        for r in ranges:
            r.refit()
        plot.hideButtons()
        redraw()

    for r in ranges:
        r.view.sigRangeChangedManually.connect(by_hand)
    plot.autoBtn.clicked.connect(fit)


def pixel_scale(view) -> tuple[float, float] | None:
    """Pixels per data unit along x and y of ``view`` (a ViewBox), or None before its layout."""
    (x0, x1), (y0, y1) = view.viewRange()
    w, h = view.width(), view.height()
    if not (w > 0 and h > 0 and x1 > x0 and y1 > y0):
        return None
    return w / (x1 - x0), h / (y1 - y0)


def thin(xs: np.ndarray, ys: np.ndarray, scale: tuple[float, float] | None):
    """``xs, ys`` less the points that fall in the same half pixel as the point before them.

    A converging run piles hundreds of steps onto a few pixels; drawing one point per half
    pixel crossed looks the same and costs a fraction. The ends are always kept.
    """
    if scale is None or len(xs) < 3:
        return xs, ys
    with np.errstate(all="ignore"):
        cx, cy = np.floor(xs * (2 * scale[0])), np.floor(ys * (2 * scale[1]))
    keep = np.ones(len(xs), dtype=bool)
    keep[1:-1] = (cx[1:-1] != cx[:-2]) | (cy[1:-1] != cy[:-2])
    return xs[keep], ys[keep]
