"""A bounded record of a descent run, and the immutable view of it that the views draw.

Every step is kept until the record holds ``capacity`` rows; then every second row is dropped
and from there on only steps that are a multiple of the new stride are kept (2, 4, 8, ...), so
a run of any length takes at most ``capacity`` rows and still covers its whole history evenly.
The newest step is always available (as a "head" row outside the stride). Pure numpy; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias, TypeVar

import numpy as np
from numpy.typing import NDArray

from .descent import ALL_WEIGHTS, _apply
from .live import State, width
from .model import FloatArray, Params

CAPACITY = 1 << 16

#: One recorded row: step, value(s), gradient(s), loss, and the learning rate that led there.
_Row: TypeAlias = tuple[int, FloatArray, FloatArray, float, float]
_Scalar = TypeVar("_Scalar", bound=np.generic)


@dataclass(frozen=True, eq=False)
class Run:
    """A read-only view of a record. Row ``i`` is the state after ``steps[i]`` steps.

    ``lr[i]`` is the learning rate of the step that arrived at row ``i`` (NaN for row 0);
    ``values`` and ``grads`` are ``(rows, 1)``, or ``(rows, 8)`` in all-weights mode.
    """

    param: str
    start: Params
    steps: NDArray[np.int64]
    values: FloatArray
    grads: FloatArray
    loss: FloatArray
    lr: FloatArray
    stride: int = 1

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def last_step(self) -> int:
        return int(self.steps[-1])

    def params_at(self, i: int) -> Params:
        """The network's values at row ``i``: exactly the state recorded there."""
        v = self.values[i]
        return _apply(self.start, self.param, v if self.param == ALL_WEIGHTS else v[0])

    def state_at(self, i: int) -> State:
        return State(self.params_at(i), self.values[i], self.grads[i], float(self.loss[i]))

    def rows(self, upto: int | None = None, max_points: int = 4000) -> NDArray[np.int64]:
        """Indices of at most ``max_points`` rows spread over ``0..upto``, both ends included."""
        last = len(self) - 1 if upto is None else upto
        if last + 1 <= max_points:
            return np.arange(last + 1)
        return np.unique(np.linspace(0, last, max_points).round().astype(np.int64))


def _readonly(a: NDArray[_Scalar]) -> NDArray[_Scalar]:
    v = a.view()
    v.setflags(write=False)
    return v


class Recorder:
    """Appends descent states, keeping at most ``capacity`` rows (see the module docstring)."""

    def __init__(self, first: State, param: str, capacity: int = CAPACITY):
        if capacity < 4:
            raise ValueError("capacity must be at least 4")
        self.param, self.start, self.capacity = param, first.params, capacity
        w = width(param, first.params)
        self._steps = np.empty(capacity, dtype=np.int64)
        self._values = np.empty((capacity, w))
        self._grads = np.empty((capacity, w))
        self._loss = np.empty(capacity)
        self._lr = np.empty(capacity)
        self._n = 0
        self._stride = 1
        self._head: _Row | None = None
        self._view: Run | None = None
        self._commit((0, first.value, first.grad, first.loss, np.nan))

    @classmethod
    def from_run(cls, run: Run, capacity: int = CAPACITY) -> Recorder:
        """A recorder that goes on from ``run`` (an earlier :meth:`view`), which stays as it is."""
        rec = cls.__new__(cls)
        rec.param, rec.start, rec.capacity = run.param, run.start, max(capacity, len(run))
        w = run.values.shape[1]
        rec._steps = np.empty(rec.capacity, dtype=np.int64)
        rec._values = np.empty((rec.capacity, w))
        rec._grads = np.empty((rec.capacity, w))
        rec._loss = np.empty(rec.capacity)
        rec._lr = np.empty(rec.capacity)
        rec._stride, rec._head, rec._view = run.stride, None, None
        n = len(run)
        if n > 1 and int(run.steps[-1]) % run.stride:
            n -= 1  # the newest step lies outside the stride: it is the head row again
            last = n
            rec._head = (
                int(run.steps[last]),
                run.values[last],
                run.grads[last],
                float(run.loss[last]),
                float(run.lr[last]),
            )
        for name, source in (
            ("_steps", run.steps),
            ("_values", run.values),
            ("_grads", run.grads),
            ("_loss", run.loss),
            ("_lr", run.lr),
        ):
            getattr(rec, name)[:n] = source[:n]
        rec._n = n
        return rec

    @property
    def last_step(self) -> int:
        return self._head[0] if self._head else int(self._steps[self._n - 1])

    def __len__(self) -> int:
        return self._n + (self._head is not None)

    def append(self, s: State, lr: float) -> None:
        """Record ``s`` as the state after one more step, taken at learning rate ``lr``."""
        row = (self.last_step + 1, s.value, s.grad, s.loss, lr)
        self._view = None
        if row[0] % self._stride == 0:
            self._head = None
            self._commit(row)
        else:
            self._head = row

    def _commit(self, row: _Row) -> None:
        if self._n == self.capacity:
            self._decimate()
            if row[0] % self._stride:
                self._head = row
                return
        i = self._n
        self._steps[i], self._values[i], self._grads[i], self._loss[i], self._lr[i] = row
        self._n += 1

    def _decimate(self) -> None:
        self._stride *= 2
        keep = np.flatnonzero(self._steps[: self._n] % self._stride == 0)
        for name in ("_steps", "_values", "_grads", "_loss", "_lr"):
            old = getattr(self, name)
            new = np.empty_like(old)
            new[: len(keep)] = old[keep]
            setattr(self, name, new)
        self._n = len(keep)

    def view(self) -> Run:
        """The record as an immutable :class:`Run` (rows so far plus the newest step)."""
        if self._view is None:
            n = self._n
            arrays: list[NDArray[Any]] = [
                self._steps[:n],
                self._values[:n],
                self._grads[:n],
                self._loss[:n],
                self._lr[:n],
            ]
            if self._head is not None:
                h = self._head
                arrays = [
                    np.concatenate([a, np.asarray(x, dtype=a.dtype).reshape((1,) + a.shape[1:])])
                    for a, x in zip(arrays, h, strict=True)
                ]
            steps, values, grads, loss, lr = map(_readonly, arrays)
            self._view = Run(self.param, self.start, steps, values, grads, loss, lr, self._stride)
        return self._view
