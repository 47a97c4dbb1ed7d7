"""Typesetting LaTeX into SVG, cached, in a worker process off the GUI thread.

One formula takes 10-150 ms to typeset, far too long for the edit path, so formulas go to one
worker process (``python -m gui.panels.mathsvg``, no Qt there) through a ``QProcess``: everything on
the GUI side runs on the GUI thread, driven by the process's signals. A process, not a
thread: a Python thread would compete for the interpreter lock and could run the garbage
collector on Qt wrappers away from the GUI thread. Results are cached by LaTeX string for the
whole app, so symbolic formulas are typeset once, and kept on disk (:mod:`.typeset_disk`), so
a window opened again on the same numbers shows its derivation without waiting; the homework's
own come with the app (:mod:`.typeset_shipped`), so a first launch does not wait either. A worker
that answers nothing within a deadline is killed and replaced; starts are budgeted over time.
When no worker can run, nothing is typeset on the GUI thread (that froze the window for
seconds an edit): the panels show the formulas as plain text until a worker runs again.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time
from collections import OrderedDict, deque
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QProcess,
    QProcessEnvironment,
    QTimer,
    Signal,
)

from . import typeset_disk, typeset_shipped
from .mathsvg import FONT_SIZE, safe_typeset, typeset

__all__ = ["FONT_SIZE", "Typesetter", "typeset"]

ROOT = Path(__file__).resolve().parents[2]
IN_FLIGHT = 2  # requests the worker holds at once; the rest wait here and can be superseded
#: The cache's size in bytes of SVG. A typeset formula is 20-80 KB and the derivation has
#: about 21, so this holds a few whole derivations (undo and redo find theirs) while a long
#: play, which typesets new numbers every frame, stays within it.
CACHE_BYTES = 6 << 20
#: Starts of the worker allowed within RESTART_WINDOW_S; past them typesetting is unavailable
#: (the panel shows plain text) until the oldest start leaves the window: a healthy period
#: gives the budget back.
MAX_STARTS, RESTART_WINDOW_S = 3, 60.0
#: A worker that has answered nothing for this long while holding requests is hung (stopped,
#: deadlocked): it is killed and its requests go to a new one. Its first answer includes
#: starting Python and loading the fonts (about a second); one formula takes 10-150 ms.
DEADLINE_MS = 8000


class _Worker(QObject):
    """The app's one typesetting process, its queue and the SVG cache.

    ``available`` is False while the worker cannot run (it keeps failing, or its Python cannot
    import the typesetter): nothing is typeset then, on any thread, and the panels show their
    formulas as plain text; the next request after the budget refills tries again.
    """

    arrived = Signal()

    def __init__(
        self,
        capacity: int = CACHE_BYTES,
        deadline_ms: int = DEADLINE_MS,
        clock=time.monotonic,
    ):
        super().__init__(QCoreApplication.instance())
        self.cache: OrderedDict[str, bytes] = OrderedDict()
        self.capacity = capacity  # bytes of SVG kept, least recently used dropped first
        self._bytes = 0
        self._written = 0  # bytes kept on disk since the folder was last trimmed
        self._trimmed = False
        self.queue: list[str] = []
        self.in_flight: dict[int, str] = {}
        self._next_id = 0
        self._buffer = b""
        self._starts: deque[float] = deque()
        self._clock = clock
        self.available = True
        self.early = False  # whether the first state's formulas are taken all at once
        self._proc: QProcess | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(deadline_ms)
        self._deadline.timeout.connect(self._hung)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- requests ------------------------------------------------------------------------
    def want(self, latex: list[str]) -> None:
        """Typeset these formulas next, in order; drop what was queued but not started."""
        busy = set(self.in_flight.values())
        self.queue = []
        for text in dict.fromkeys(latex):
            if text in self.cache or text in busy:
                continue
            kept = typeset_shipped.load(text) or typeset_disk.load(text)
            if kept is not None:
                self.store(text, kept)
            else:
                self.queue.append(text)
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
        now = self._clock()
        while self._starts and now - self._starts[0] > RESTART_WINDOW_S:
            self._starts.popleft()  # a start long enough ago no longer counts
        if len(self._starts) >= MAX_STARTS:
            return None
        self._starts.append(now)
        proc = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert(
            "PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), env.value("PYTHONPATH")]))
        )
        proc.setProcessEnvironment(env)
        proc.setWorkingDirectory(str(ROOT))
        proc.readyReadStandardOutput.connect(self._read)
        proc.finished.connect(self._ended)
        proc.errorOccurred.connect(self._failed)
        proc.start(sys.executable, ["-m", "gui.panels.mathsvg"])
        self._proc, self._buffer = proc, b""
        return proc

    def _pump(self) -> None:
        # While the window is built the event loop does not run: nothing could be read or
        # sent until the first paint, so the worker is given all the formulas at once.
        held = len(self.queue) + len(self.in_flight) if self.early else IN_FLIGHT
        while self.queue and len(self.in_flight) < held:
            proc = self._start()
            if proc is None:
                self._unavailable()
                return
            self.available = True
            text = self.queue.pop(0)
            self._next_id += 1
            self.in_flight[self._next_id] = text
            line = json.dumps({"id": self._next_id, "latex": text}) + "\n"
            proc.write(line.encode())
            if not self._deadline.isActive() and not self.early:
                self._deadline.start()  # (early, the clock starts when the window is up)
        if self.in_flight and self._proc is not None:
            # send now, not at the event loop's next pass: while the window is built that
            # is after its first paint (no wait: a timeout of 0 only writes what fits)
            self._proc.waitForBytesWritten(0)

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
            self._keep(text, self.store(text, answer["svg"].encode()))
            self._deadline.start()  # it answers: the clock starts again for the rest
        if not self.in_flight:
            self._deadline.stop()
        self._pump()
        if lines:  # not for a part of an answer (one arrives in pieces of 64 KB)
            self.arrived.emit()

    def _keep(self, latex: str, svg: bytes) -> None:
        """Keep a new formula on disk; the folder is trimmed at the first and after each
        quarter of its budget written (a long play typesets new numbers every frame)."""
        if not self._trimmed or self._written > typeset_disk.DISK_BYTES // 4:
            typeset_disk.trim()
            self._trimmed, self._written = True, 0
        typeset_disk.save(latex, svg)
        self._written += len(svg)

    def _hung(self) -> None:
        """No answer within the deadline: end the worker (``_ended`` sends its work on)."""
        if self._proc is not None and self.in_flight:
            self._proc.kill()

    def _ended(self, *_args) -> None:
        """The worker stopped: send what it held again to a new one."""
        self._deadline.stop()
        self.queue = list(self.in_flight.values()) + self.queue
        self.in_flight.clear()
        self._proc = None
        self._pump()

    def _failed(self, error: QProcess.ProcessError) -> None:
        """A worker that could not even start sends no ``finished``: treat it as ended."""
        if error == QProcess.ProcessError.FailedToStart and self.sender() is self._proc:
            self._ended()

    def _unavailable(self) -> None:
        """No worker can run now: drop the queue and let the panels show plain text."""
        self.available = False
        self.queue.clear()
        self.arrived.emit()

    def stop(self) -> None:
        """End the worker: it exits when its input closes, or at once if it still holds
        requests (their answers would go nowhere: an export would wait for them)."""
        self._deadline.stop()
        proc, self._proc = self._proc, None
        if proc is not None and proc.state() != QProcess.ProcessState.NotRunning:
            proc.finished.disconnect(self._ended)
            proc.errorOccurred.disconnect(self._failed)
            proc.readyReadStandardOutput.disconnect(self._read)
            proc.closeWriteChannel()
            if self.in_flight or not proc.waitForFinished(2000):
                proc.kill()
                proc.waitForFinished(1000)


_WORKER: list[_Worker] = []


@atexit.register
def stop_worker() -> None:
    """End the app's typesetting process (at quit, and after a screenshot)."""
    while _WORKER:
        _WORKER.pop().stop()


def warm_up() -> None:
    """Start the worker now, so it loads the typesetter while the window is being built, and
    take the formulas of the first state all at once when they are asked for, just after the
    first paint (:meth:`Typesetter.early`)."""
    worker = _worker()
    worker._start()
    worker.early = True


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

    @property
    def available(self) -> bool:
        """False while no worker can run: formulas not cached are shown as plain text."""
        return _worker().available

    def request(self, latex: list[str]) -> bool:
        """Typeset the uncached formulas of ``latex`` in the background; False if none."""
        if self._closed:
            return False
        _worker().want(latex)
        return _worker().busy

    def takes_early(self) -> bool:
        """Whether :meth:`early` would take formulas now (the app warmed the worker up)."""
        return _worker().early

    def early(self, latex: list[str]) -> bool:
        """:meth:`request`, all at once, if the app has warmed the worker up
        (:func:`warm_up`) and the window has not yet said it is up (:meth:`shown`): the app
        asks just after the first paint, which needs no formula, and the worker, loaded on
        the other core meanwhile, typesets them all. False if not taken."""
        return _worker().early and self.request(latex)

    def shown(self) -> None:
        """The window is up: requests wait their turn again (:data:`IN_FLIGHT`), and a
        worker holding some is given :data:`DEADLINE_MS` from now to answer."""
        worker = _worker()
        if worker.early and worker.in_flight and not worker._deadline.isActive():
            worker._deadline.start()
        worker.early = False

    def shutdown(self) -> None:
        """This panel asks for nothing more."""
        self._closed = True
