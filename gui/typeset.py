"""Typesetting LaTeX into SVG, cached, in a worker process off the GUI thread.

One formula takes 10-150 ms to typeset, far too long for the edit path, so formulas are
typeset by one worker process (gui.mathsvg: no Qt there) and the GUI thread polls for the
SVG bytes. A process, not a thread: a Python thread would compete for the interpreter lock
and could run the garbage collector on Qt wrappers away from the GUI thread. Results are
cached by LaTeX string for the whole app, so symbolic formulas are typeset once.
"""

from __future__ import annotations

import atexit
import multiprocessing
from collections import OrderedDict
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from .mathsvg import FONT_SIZE, safe_typeset, typeset

__all__ = ["FONT_SIZE", "Typesetter", "typeset"]

#: SVG by LaTeX, shared by every panel (a memo: the same text always gives the same SVG).
_CACHE: OrderedDict[str, bytes] = OrderedDict()
_POOL: list[ProcessPoolExecutor] = []  # the one worker process, started on first use


def _pool() -> ProcessPoolExecutor:
    if not _POOL:
        context = multiprocessing.get_context("spawn")  # never fork a process running Qt
        _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=context))
    return _POOL[0]


@atexit.register
def _stop_pool() -> None:
    while _POOL:
        _POOL.pop().shutdown(wait=False, cancel_futures=True)


class Typesetter(QObject):
    """The app-wide cache of SVG by LaTeX, filled by the worker process.

    :meth:`request` queues the formulas not yet cached; ``ready`` fires on the GUI thread
    when some have arrived. A newer request cancels the queued formulas of an older one.
    """

    ready = Signal()
    POLL_MS = 25

    def __init__(self, capacity: int = 400, parent: QObject | None = None):
        super().__init__(parent)
        self._capacity = capacity
        self._pending: dict[str, Future] = {}
        self._closed = False
        self._poll = QTimer(self, interval=self.POLL_MS)
        self._poll.timeout.connect(self._check)
        self.destroyed.connect(partial(_cancel_all, self._pending))  # the panel is gone

    def get(self, latex: str) -> bytes | None:
        svg = _CACHE.get(latex)
        if svg is not None:
            _CACHE.move_to_end(latex)
        return svg

    def now(self, latex: str) -> bytes:
        """The SVG of ``latex``, typeset in this process if it is not cached."""
        svg = self.get(latex)
        if svg is None:
            svg = self._store(latex, safe_typeset(latex))
        return svg

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def request(self, latex: list[str]) -> bool:
        """Typeset the uncached formulas of ``latex`` in the background; False if none."""
        wanted = [t for t in dict.fromkeys(latex) if t not in _CACHE]
        for text in [t for t in self._pending if t not in wanted]:
            self._pending.pop(text).cancel()  # superseded: drop it if not yet started
        if not wanted or self._closed:
            return False
        try:
            for text in wanted:
                if text not in self._pending:
                    self._pending[text] = _pool().submit(safe_typeset, text)
        except BrokenProcessPool:
            _stop_pool()
            return False
        self._poll.start()
        return True

    def shutdown(self) -> None:
        """Cancel this panel's queued formulas; later requests are ignored."""
        self._closed = True
        self._poll.stop()
        _cancel_all(self._pending)

    def _check(self) -> None:
        arrived = False
        for text, future in list(self._pending.items()):
            if not future.done():
                continue
            del self._pending[text]
            if future.cancelled():
                continue
            if future.exception() is not None:  # the worker died: start a new one next time
                _stop_pool()
                continue
            self._store(text, future.result())
            arrived = True
        if not self._pending:
            self._poll.stop()
        if arrived or not self._pending:
            self.ready.emit()

    def _store(self, latex: str, svg: bytes) -> bytes:
        _CACHE[latex] = svg
        while len(_CACHE) > self._capacity:
            _CACHE.popitem(last=False)
        return svg


def _cancel_all(pending: dict[str, Future]) -> None:
    for future in pending.values():
        future.cancel()
    pending.clear()
