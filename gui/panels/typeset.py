"""Typesetting LaTeX into SVG, cached, in a worker process off the GUI thread.

One formula takes 10-150 ms to typeset, far too long for the edit path, so formulas go to one
worker process (``python -m gui.panels.mathsvg``, no Qt there) through a ``QProcess``: everything on
the GUI side runs on the GUI thread, driven by the process's signals. A process, not a
thread: a Python thread would compete for the interpreter lock and could run the garbage
collector on Qt wrappers away from the GUI thread. Results are cached by LaTeX string for the
whole app, so symbolic formulas are typeset once. If the worker cannot run, formulas are
typeset on the GUI thread instead: slower, never wrong.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Signal

from .mathsvg import FONT_SIZE, safe_typeset, typeset

__all__ = ["FONT_SIZE", "Typesetter", "typeset"]

ROOT = Path(__file__).resolve().parents[2]
IN_FLIGHT = 2  # requests the worker holds at once; the rest wait here and can be superseded
#: The cache's size in bytes of SVG. A typeset formula is 20-80 KB and the derivation has
#: about 21, so this holds a few whole derivations (undo and redo find theirs) while a long
#: play, which typesets new numbers every frame, stays within it.
CACHE_BYTES = 6 << 20
MAX_RESTARTS = 2


class _Worker(QObject):
    """The app's one typesetting process, its queue and the SVG cache."""

    arrived = Signal()

    def __init__(self, capacity: int = CACHE_BYTES):
        super().__init__(QCoreApplication.instance())
        self.cache: OrderedDict[str, bytes] = OrderedDict()
        self.capacity = capacity  # bytes of SVG kept, least recently used dropped first
        self._bytes = 0
        self.queue: list[str] = []
        self.in_flight: dict[int, str] = {}
        self._next_id = 0
        self._buffer = b""
        self._restarts = 0
        self._proc: QProcess | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- requests ------------------------------------------------------------------------
    def want(self, latex: list[str]) -> None:
        """Typeset these formulas next, in order; drop what was queued but not started."""
        busy = set(self.in_flight.values())
        self.queue = [t for t in dict.fromkeys(latex) if t not in self.cache and t not in busy]
        self._pump()

    def store(self, latex: str, svg: bytes) -> bytes:
        old = self.cache.pop(latex, None)
        self._bytes += len(svg) - (len(old) if old is not None else 0)
        self.cache[latex] = svg
        while self._bytes > self.capacity and len(self.cache) > 1:
            self._bytes -= len(self.cache.popitem(last=False)[1])
        return svg

    @property
    def busy(self) -> bool:
        return bool(self.queue or self.in_flight)

    # -- the process -------------------------------------------------------------------------
    def _start(self) -> QProcess | None:
        """The running worker, started if need be; None once it has failed too often."""
        if self._proc is not None and self._proc.state() != QProcess.ProcessState.NotRunning:
            return self._proc
        if self._restarts > MAX_RESTARTS:
            return None
        self._restarts += 1
        proc = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert(
            "PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), env.value("PYTHONPATH")]))
        )
        proc.setProcessEnvironment(env)
        proc.setWorkingDirectory(str(ROOT))
        proc.readyReadStandardOutput.connect(self._read)
        proc.finished.connect(self._ended)
        proc.start(sys.executable, ["-m", "gui.panels.mathsvg"])
        self._proc, self._buffer = proc, b""
        return proc

    def _pump(self) -> None:
        while self.queue and len(self.in_flight) < IN_FLIGHT:
            proc = self._start()
            if proc is None:
                self._fallback()
                return
            text = self.queue.pop(0)
            self._next_id += 1
            self.in_flight[self._next_id] = text
            line = json.dumps({"id": self._next_id, "latex": text}) + "\n"
            proc.write(line.encode())

    def _read(self) -> None:
        proc = self._proc
        assert proc is not None  # only the running worker is connected here
        self._buffer += bytes(proc.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                answer = json.loads(line)
                text = self.in_flight.pop(answer["id"])
            except (ValueError, KeyError, TypeError):
                continue
            self.store(text, answer["svg"].encode())
        self._pump()
        self.arrived.emit()

    def _ended(self, *_args) -> None:
        """The worker stopped: send what it held again to a new one (or typeset here)."""
        self.queue = list(self.in_flight.values()) + self.queue
        self.in_flight.clear()
        self._proc = None
        self._pump()

    def _fallback(self) -> None:
        """No worker: typeset what is queued on this thread."""
        for text in self.queue:
            self.store(text, safe_typeset(text))
        self.queue.clear()
        self.arrived.emit()

    def stop(self) -> None:
        """End the worker: it exits when its input closes."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.state() != QProcess.ProcessState.NotRunning:
            proc.finished.disconnect(self._ended)
            proc.readyReadStandardOutput.disconnect(self._read)
            proc.closeWriteChannel()
            if not proc.waitForFinished(2000):
                proc.kill()
                proc.waitForFinished(1000)


_WORKER: list[_Worker] = []


@atexit.register
def stop_worker() -> None:
    """End the app's typesetting process (at quit, and after a screenshot)."""
    while _WORKER:
        _WORKER.pop().stop()


def _worker() -> _Worker:
    if not _WORKER:
        _WORKER.append(_Worker())
    return _WORKER[0]


class Typesetter(QObject):
    """A panel's view of the app-wide typesetting worker and its cache.

    :meth:`request` asks for the formulas not yet cached (a newer request supersedes what an
    older one queued); ``ready`` fires on the GUI thread when some have arrived.
    """

    ready = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._closed = False
        _worker().arrived.connect(self.ready)

    def get(self, latex: str) -> bytes | None:
        cache = _worker().cache
        svg = cache.get(latex)
        if svg is not None:
            cache.move_to_end(latex)
        return svg

    def now(self, latex: str) -> bytes:
        """The SVG of ``latex``, typeset on this thread if it is not cached."""
        svg = self.get(latex)
        return svg if svg is not None else _worker().store(latex, safe_typeset(latex))

    @property
    def busy(self) -> bool:
        return _worker().busy

    def request(self, latex: list[str]) -> bool:
        """Typeset the uncached formulas of ``latex`` in the background; False if none."""
        if self._closed:
            return False
        _worker().want(latex)
        return _worker().busy

    def shutdown(self) -> None:
        """This panel asks for nothing more."""
        self._closed = True
