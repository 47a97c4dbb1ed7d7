"""Typesetting LaTeX into SVG with ziamath, cached and off the GUI thread.

One formula takes 10-150 ms to typeset, far too long for the edit path, so formulas are
typeset in batches on one worker thread (pure Python: no widget is touched there) and the
SVG bytes are handed back to the GUI thread through a queued signal. Results are cached by
LaTeX string, so symbolic formulas, which rarely change, are typeset once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

import shiboken6
import ziamath
from PySide6.QtCore import QObject, Signal

ziamath.config.svg2 = False  # QSvgRenderer reads SVG Tiny 1.2 only
_LOCK = threading.Lock()  # ziamath keeps module-level state: one formula at a time
#: SVG by LaTeX, shared by every panel of the process (a memo: the same text, the same SVG).
_CACHE: OrderedDict[str, bytes] = OrderedDict()
_CACHE_LOCK = threading.Lock()  # short holds only: the GUI thread reads the cache

#: Font size of the typeset formulas, in pixels at zoom 1.
FONT_SIZE = 24


def typeset(latex: str, size: float = FONT_SIZE) -> bytes:
    """The SVG of one formula (raises ValueError if ziamath cannot read it)."""
    with _LOCK:
        try:
            return ziamath.Latex(latex, size=size).svg().encode()
        except Exception as exc:  # ziamath raises assorted errors on input it cannot read
            raise ValueError(f"cannot typeset {latex!r}: {exc}") from exc


class Typesetter(QObject):
    """An LRU cache of SVG by LaTeX, filled by one background worker.

    :meth:`request` queues the formulas not yet cached; ``ready`` fires on the GUI thread
    when a batch is done. A newer request supersedes the formulas of an older one that the
    worker has not started yet.
    """

    ready = Signal()
    _done = Signal()

    def __init__(self, capacity: int = 400, parent: QObject | None = None):
        super().__init__(parent)
        self._cache = _CACHE
        self._capacity = capacity
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="typeset")
        self._generation = 0
        self._busy = 0
        self._closed = False
        self._done.connect(self._on_done)
        self.seconds = 0.0  # total worker time, for the benchmark

    def get(self, latex: str) -> bytes | None:
        with _CACHE_LOCK:
            svg = self._cache.get(latex)
            if svg is not None:
                self._cache.move_to_end(latex)
        return svg

    def now(self, latex: str) -> bytes:
        """The SVG of ``latex``, typeset on this thread if it is not cached."""
        svg = self.get(latex)
        if svg is None:
            svg = self._store(latex, _safe_typeset(latex))
        return svg

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def request(self, latex: list[str]) -> bool:
        """Typeset the uncached formulas of ``latex`` in the background; False if none."""
        with _CACHE_LOCK:
            missing = [t for t in dict.fromkeys(latex) if t not in self._cache]
        if not missing or self._closed:
            return False
        self._generation += 1
        self._busy += 1
        self._pool.submit(self._work, missing, self._generation)
        return True

    def shutdown(self) -> None:
        """Stop the worker (after the formula it is typesetting); later requests are ignored."""
        self._closed = True
        self._generation += 1
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _work(self, latex: list[str], generation: int) -> None:
        start = time.perf_counter()
        for text in latex:
            if generation != self._generation or not shiboken6.isValid(self):
                break  # a newer request replaced this one, or the panel is gone
            if text not in self._cache:
                self._store(text, _safe_typeset(text))
        self.seconds += time.perf_counter() - start
        if shiboken6.isValid(self):
            try:
                self._done.emit()
            except RuntimeError:  # deleted between the check and the emit
                pass

    def _store(self, latex: str, svg: bytes) -> bytes:
        with _CACHE_LOCK:
            self._cache[latex] = svg
            while len(self._cache) > self._capacity:
                self._cache.popitem(last=False)
        return svg

    def _on_done(self) -> None:
        self._busy -= 1
        self.ready.emit()


def _safe_typeset(latex: str) -> bytes:
    try:
        return typeset(latex)
    except ValueError:
        return typeset(r"\text{?}")
