"""One descent step at a time, with the rule that says a run has diverged.

The live view steps a run by hand or on a timer, and draws beforehand where the current learning
rate will take it. Both go through :func:`advance`, so a prediction is exactly what playing
produces. Pure numpy; no Qt.

When is a run "diverged"? The loss is bounded in any one conv weight or input (it only moves
through sigmoids), so a huge learning rate on w11 does not send the loss to infinity: it throws
w11 into the sigmoids' flat tails, where the gradient vanishes and descent is stuck. A step
therefore counts as diverging when, after it,

1. a value is not finite or its magnitude exceeds :data:`VALUE_BOUND`;
2. the loss is not finite or exceeds :data:`LOSS_GROWTH` times ``max(start loss, 1)``;
3. (one conv weight or input descending) every sigmoid the parameter feeds has become
   saturated, ``s'(z) < SATURATED_SLOPE`` (``|z| > 11.5``), where before the step one was not.

The diverging step is not taken: the last state kept is the last usable one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass

import numpy as np

from .descent import ALL_WEIGHTS, WEIGHTS, Trajectory, _apply, _read
from .i18n import QT_TRANSLATE_NOOP
from .model import (
    INPUTS,
    KERNEL,
    PARAMETERS,
    FloatArray,
    Params,
    forward,
    gradients,
    loss_and_gradient,
)
from .numfmt import fmt

VALUE_BOUND = 1e6
LOSS_GROWTH = 1e4
SATURATED_SLOPE = 1e-5


@dataclass(frozen=True)
class State:
    """A point of a run: the parameters, the descending value(s), their gradient, the loss."""

    params: Params
    value: FloatArray  # (1,) or (8,) in all-weights mode
    grad: FloatArray
    loss: float
    ds: tuple[float, ...] = ()  # s'(z) of the four conv cells


def check_param(param: str) -> str:
    if param != ALL_WEIGHTS and param not in PARAMETERS:
        raise KeyError(f"cannot descend on {param!r}")
    return param


def width(param: str) -> int:
    """How many values descend together: 8 in all-weights mode, else 1."""
    return len(WEIGHTS) if param == ALL_WEIGHTS else 1


def state(p: Params, param: str) -> State:
    """The :class:`State` of ``p`` for a run on ``param``."""
    if param != ALL_WEIGHTS:
        loss, dloss, ds = loss_and_gradient(p, param)
        return State(p, np.array([p.get(param)]), np.array([dloss]), loss, ds)
    f = forward(p)
    g = gradients(p, f)
    value = np.asarray(_read(p, param), dtype=np.float64)
    grad = np.asarray(_read(p, param, g), dtype=np.float64)
    return State(p, value, grad, f.loss, f.ds_cells)


def _feeds(p: Params, param: str) -> list[bool]:
    """Which conv cells ``param`` moves (four flags); all False for a head weight or yy."""
    if param in KERNEL:
        k, m = divmod(KERNEL.index(param), 2)
        a = p.a.tolist()
        return [a[c // 2 + k][c % 2 + m] != 0 for c in range(4)]
    if param in INPUTS:
        i, j = divmod(INPUTS.index(param), 3)
        w = p.w.tolist()
        flags = []
        for c in range(4):
            di, dj = i - c // 2, j - c % 2
            flags.append(0 <= di <= 1 and 0 <= dj <= 1 and w[di][dj] != 0)
        return flags
    return [False] * 4


def _saturated(s: State, param: str) -> bool:
    """Whether every sigmoid that ``param`` feeds in state ``s`` is in its flat tail."""
    ds = s.ds or forward(s.params).ds_cells
    fed = [d for d, f in zip(ds, _feeds(s.params, param)) if f]
    return bool(fed) and all(d < SATURATED_SLOPE for d in fed)


#: The sentences that explain a diverging step, by key; the GUI passes translated ones in.
REASONS: dict[str, str] = {
    "bound": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large: step {step} would move {name} to {value}, beyond the bound "
        "±{bound} (loss grew from {start} to {loss} by step {prev}); stopped at step {prev}",
    ),
    "loss": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large: at step {step} the loss would grow from {start} (step 0) "
        "to {new_loss}; stopped at step {prev}",
    ),
    "overflow": QT_TRANSLATE_NOOP(
        "Descent", "learning rate too large: the gradient overflowed at step {step}"
    ),
    "saturated": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large: step {step} would throw {name} from {old} to {value}, where "
        "every sigmoid it feeds is saturated; its gradient would vanish to {grad} and descent "
        "would be stuck (loss {loss} -> {new_loss}); stopped at step {prev}",
    ),
    "all_weights": QT_TRANSLATE_NOOP("Descent", "the weights"),
}


def advance(
    s: State,
    param: str,
    lr: float,
    step: int,
    start_loss: float,
    reasons: Mapping[str, str] = REASONS,
) -> tuple[State, str] | tuple[None, str]:
    """Take step ``step`` (1-based) from ``s``: ``(new State, "")`` or ``(None, reason)``.

    ``reason`` is a one-line message for a person when the step would diverge (see the module
    docstring for the rule), from the templates ``reasons``; ``start_loss`` is the loss at
    step 0 of the run.
    """
    with np.errstate(all="ignore"):
        new = s.value - lr * s.grad
    values = new.tolist()
    name = reasons["all_weights"] if param == ALL_WEIGHTS else param
    common = {"step": step, "prev": step - 1, "name": name, "start": fmt(start_loss)}
    if not all(math.isfinite(v) and abs(v) <= VALUE_BOUND for v in values):
        far = max(values, key=lambda v: abs(v) if math.isfinite(v) else math.inf)
        return None, reasons["bound"].format(
            value=fmt(far), bound=fmt(VALUE_BOUND), loss=fmt(s.loss), **common
        )
    p = _apply(s.params, param, new if param == ALL_WEIGHTS else new[0])
    nxt = state(p, param)
    if not np.isfinite(nxt.loss) or nxt.loss > LOSS_GROWTH * max(start_loss, 1.0):
        return None, reasons["loss"].format(new_loss=fmt(nxt.loss), **common)
    if not all(math.isfinite(g) for g in nxt.grad.tolist()):
        return None, reasons["overflow"].format(**common)
    if param != ALL_WEIGHTS and _saturated(nxt, param) and not _saturated(s, param):
        return None, reasons["saturated"].format(
            old=fmt(float(s.value[0])),
            value=fmt(float(new[0])),
            grad=fmt(float(nxt.grad[0])),
            loss=fmt(s.loss),
            new_loss=fmt(nxt.loss),
            **common,
        )
    return nxt, ""


def converged(s: State, tol: float | None) -> bool:
    """Whether ``|gradient|`` (its largest component) is below ``tol``."""
    return tol is not None and float(np.max(np.abs(s.grad))) < tol


@dataclass(frozen=True)
class Stop:
    """Why a walk ended: ``"steps"``, ``"tolerance"`` or ``"diverged"`` (with the reason)."""

    kind: str
    message: str = ""


def walk(
    s: State,
    param: str,
    lr: float,
    start_loss: float,
    steps: int,
    tol: float | None = None,
    first: int = 1,
    reasons: Mapping[str, str] = REASONS,
) -> Generator[State, None, Stop]:
    """Yield the states of up to ``steps`` descent steps from ``s``; return why it stopped.

    This is the one descent engine: the window's play and step, its prediction, and the
    command line's ``--descend`` all step through it, so they stop at the same step for the
    same reason. ``first`` is the number of the first step taken (``s`` is step ``first - 1``);
    ``start_loss`` is the loss at step 0 of the run (the divergence rule compares with it).
    The walk stops early once ``|gradient| < tol`` (checked before each step and after the
    last) or when the next step would diverge (it is then not taken).
    """
    here = s
    for k in range(first, first + steps):
        if converged(here, tol):
            return Stop("tolerance")
        nxt, message = advance(here, param, lr, k, start_loss, reasons)
        if nxt is None:
            return Stop("diverged", message)
        yield nxt
        here = nxt
    return Stop("tolerance" if converged(here, tol) else "steps")


def drain(states: Generator[State, None, Stop], each: Callable[[State], object]) -> Stop:
    """Call ``each`` on every state of a :func:`walk`, in order; return its :class:`Stop`."""
    while True:
        try:
            each(next(states))
        except StopIteration as end:
            stop: Stop = end.value
            return stop


def predict(
    s: State,
    param: str,
    lr: float,
    steps: int,
    start_loss: float,
    tol: float | None = None,
    reasons: Mapping[str, str] = REASONS,
) -> Trajectory:
    """Up to ``steps`` steps from ``s`` at learning rate ``lr``, as :func:`walk` takes them.

    Row 0 is ``s``. ``stop`` is ``"steps"``, ``"tolerance"`` or ``"diverged"`` (with the
    reason in ``message``), like :func:`core.descent.descend`.
    """
    rows = [s]
    stop = drain(walk(s, param, lr, start_loss, steps, tol, 1, reasons), rows.append)
    values = np.array([r.value for r in rows])
    grads = np.array([r.grad for r in rows])
    if param != ALL_WEIGHTS:
        values, grads = values[:, 0], grads[:, 0]
    loss = np.array([r.loss for r in rows])
    return Trajectory(param, lr, values, loss, grads, stop.kind, stop.message)
