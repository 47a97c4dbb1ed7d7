"""One descent step at a time, with the rule that says a run has diverged.

The live view steps a run by hand or on a timer, and draws beforehand where the current learning
rate will take it. Both go through :func:`walk`, so a prediction is exactly what playing
produces. Pure numpy; no Qt.

When is a run "diverged"? The loss is bounded in any one conv weight or input (it only moves
through sigmoids), so a huge learning rate on w11 does not send the loss to infinity: it throws
w11 into the sigmoids' flat tails, where the gradient vanishes and descent is stuck. A step
therefore counts as diverging when, after it,

1. a value is not finite or its magnitude exceeds :data:`VALUE_BOUND`;
2. the loss is not finite or exceeds :data:`LOSS_GROWTH` times ``max(start loss, 1)``;
3. (one conv weight, input or the conv bias descending) every sigmoid the parameter feeds has
   become saturated, ``s'(z) < SATURATED_SLOPE`` (``|z| > 11.5``), where before the step one was
   not. In another network the same test finds a tanh saturated (``|z| > 6.45``) or a ReLU dead
   (``z <= 0``, where its slope is 0); a leaky ReLU and the identity are never flat.

The diverging step is not taken: the last state kept is the last usable one. The third case is
stagnation rather than divergence, and its message says so; :mod:`core.behaviour` says what a
run that goes on is doing (oscillating, stagnating, diverging).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias, TypeVar

import numpy as np

from .descent import ALL_WEIGHTS, Trajectory, _apply, _read, weights
from .live_reasons import FLAT_REASON, REASONS
from .losses import LOSS_PAIRS
from .model import (
    ALL_PARAMETERS,
    BRACKETS,
    CONV_BIAS,
    HEAD,
    HEAD_BIAS,
    INPUTS,
    KERNEL,
    WINDOWS,
    Cells,
    FloatArray,
    Params,
    evaluate,
    flat,
    forward,
    gradients,
    loss_and_gradient,
    network,
    parameters,
    slopes,
)
from .numfmt import fmt
from .optimizers import SGD, Memory, Optimizer, rule

VALUE_BOUND = 1e6
LOSS_GROWTH = 1e4
SATURATED_SLOPE = 1e-5


@dataclass(frozen=True)
class State:
    """A point of a run: the parameters, the descending value(s), their gradient, the loss.

    ``memory`` is what the optimizer carries to the next step (momentum, moments, step count);
    None before its first step, and always for plain gradient descent, which carries nothing.
    """

    params: Params
    value: FloatArray  # (1,) or (8,) in all-weights mode
    grad: FloatArray
    loss: float
    ds: tuple[float, ...] = ()  # s'(z) of the four conv cells
    memory: Memory | None = None


def check_param(param: str, p: Params | None = None) -> str:
    """``param`` if a run may descend on it (in ``p``'s network, when given)."""
    names = ALL_PARAMETERS if p is None else parameters(p)
    if param != ALL_WEIGHTS and param not in names:
        raise KeyError(f"cannot descend on {param!r}")
    return param


def width(param: str, p: Params | None = None) -> int:
    """How many values descend together: 8 in all-weights mode (with ``p``'s biases), else 1."""
    return len(weights(p)) if param == ALL_WEIGHTS else 1


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


def _place(
    name: str, a: list[float], w: list[float], head: list[float], bias: list[float | None]
) -> tuple[list[float | None] | list[float], int]:
    """Which of the :func:`~core.model.flat` lists (or ``[b, c]``) holds ``name``, and where."""
    lists: tuple[tuple[tuple[str, ...], list[float | None] | list[float]], ...] = (
        (KERNEL, w),
        (HEAD, head),
        (INPUTS, a),
        ((CONV_BIAS, HEAD_BIAS), bias),
    )
    for names, values in lists:
        if name in names:
            return values, names.index(name)
    raise KeyError(f"cannot descend on {name!r}")


def feeds(a: list[float], w: list[float], param: str) -> list[int]:
    """The conv cells ``param`` moves: those where its partner is nonzero (none for the head).

    The conv bias moves all four (its partner is 1); the head bias none.
    """
    if param == CONV_BIAS:
        return [0, 1, 2, 3]
    if param in KERNEL:
        k = KERNEL.index(param)
        return [c for c, win in enumerate(WINDOWS) if a[win[k]] != 0]
    if param in INPUTS:
        i = INPUTS.index(param)
        return [c for c, win in enumerate(WINDOWS) if i in win and w[win.index(i)] != 0]
    return []


def _saturated(ds: Sequence[float], fed: Sequence[int]) -> bool:
    """Whether every activation of the cells ``fed`` is flat; ``ds`` is f'(z) per cell.

    A sigmoid or tanh is flat in its tails, a ReLU wherever ``z <= 0`` (its slope is 0 there);
    a leaky ReLU (slope 0.01 at least) and the identity never are.
    """
    return bool(fed) and all([ds[c] < SATURATED_SLOPE for c in fed])


def advance(
    s: State,
    param: str,
    lr: float,
    step: int,
    start_loss: float,
    reasons: Mapping[str, str] = REASONS,
    optimizer: Optimizer = SGD,
) -> tuple[State, str] | tuple[None, str]:
    """Take step ``step`` (1-based) from ``s``: ``(new State, "")`` or ``(None, reason)``.

    ``reason`` is a one-line message for a person when the step would diverge (see the module
    docstring for the rule), from the templates ``reasons``; ``start_loss`` is the loss at
    step 0 of the run. This is one step of :func:`walk`, by ``optimizer``.
    """
    taken: list[State] = []
    walked = walk(s, param, lr, start_loss, 1, None, step, reasons, optimizer)
    stop = drain(walked, taken.append)
    return (taken[0], "") if taken else (None, stop.message)


def _below(grad: Sequence[float], tol: float | None) -> bool:
    """Whether every gradient component is below ``tol`` in magnitude (none is NaN)."""
    return tol is not None and all(abs(g) < tol for g in grad)


def converged(s: State, tol: float | None) -> bool:
    """Whether ``|gradient|`` (its largest component) is below ``tol``."""
    return _below(s.grad.tolist(), tol)


@dataclass(frozen=True)
class Stop:
    """Why a walk ended: ``"steps"``, ``"tolerance"`` or ``"diverged"`` (with the reason)."""

    kind: str
    message: str = ""


#: An optimizer's memory in plain floats: its step count, ``m`` and ``v`` (see Memory).
_Memory: TypeAlias = tuple[int, list[float], list[float]]
#: One step taken: the descending value(s), the gradient(s), the loss, s'(z) per conv cell,
#: and the optimizer's memory after it (None for plain gradient descent).
_Row: TypeAlias = tuple[list[float], list[float], float, Cells, _Memory | None]


def _rows(
    s: State,
    param: str,
    lr: float,
    start_loss: float,
    steps: int,
    tol: float | None,
    first: int,
    reasons: Mapping[str, str],
    optimizer: Optimizer = SGD,
) -> Generator[_Row, None, Stop]:
    """What :func:`walk` does, in plain floats: each step's :data:`_Row`, then the stop.

    A step changes one value (or the eight weights) in lists of floats and evaluates them as
    :func:`state` does (``evaluate``, then the brackets); no :class:`Params` or array is made
    per step, and a message is formatted only for the step that would diverge. Plain
    gradient descent is written out in the loop; another optimizer's update is its
    :func:`core.optimizers.rule`, from the memory ``s`` carries.
    """
    lr = float(lr)
    p = s.params
    names = weights(p) if param == ALL_WEIGHTS else (param,)
    a, w, head = flat(p)
    act, b, c = network(p)
    bias = [b, c]
    loss_pair, yy = LOSS_PAIRS[p.loss], p.yy
    places = [_place(n, a, w, head, bias) for n in names]
    brackets = [BRACKETS[n] for n in names]
    fed = [] if param == ALL_WEIGHTS or p.activation not in FLAT_REASON else feeds(a, w, param)
    saturated = bool(fed) and _saturated(s.ds or forward(s.params).ds_cells, fed)
    value, grad, loss = s.value.tolist(), s.grad.tolist(), s.loss
    limit = LOSS_GROWTH * max(start_loss, 1.0)
    sgd, update = optimizer.name == "sgd", rule(optimizer)
    memory = s.memory or Memory.fresh(len(value))
    t, mom, sq = memory.step, memory.m.tolist(), memory.v.tolist()

    def diverged(key: str, step: int, which: str = "", **numbers: float) -> Stop:
        name = reasons["all_weights"] if param == ALL_WEIGHTS else param
        common = {"step": step, "prev": step - 1, "name": name, "start": fmt(start_loss)}
        shown = {k: fmt(x) for k, x in numbers.items()}
        return Stop("diverged", reasons[key].format(**shown, **common, which=which))

    for k in range(first, first + steps):
        if _below(grad, tol):
            return Stop("tolerance")
        if sgd:
            new = [v - lr * g for v, g in zip(value, grad)]
        else:
            new, new_mom, new_sq = update(value, grad, lr, t + 1, mom, sq)
        if not all([-VALUE_BOUND <= v <= VALUE_BOUND for v in new]):  # False for inf and NaN
            i = max(
                range(len(new)), key=lambda j: abs(new[j]) if math.isfinite(new[j]) else math.inf
            )
            far = new[i]
            if k == 1 and sgd and abs(value[i]) <= VALUE_BOUND:  # no loss has grown yet:
                return diverged(  # the first step alone is too long (lr times the gradient)
                    "bound_first", k, names[i], value=far, bound=VALUE_BOUND, grad=grad[i], lr=lr
                )
            return diverged("bound", k, value=far, bound=VALUE_BOUND, loss=loss)
        for (values, i), v in zip(places, new):
            values[i] = v
        _, o, ds, y_hat = evaluate(a, w, head, act, bias[0], bias[1])
        new_loss, dl = loss_pair(yy, y_hat)
        dz = slopes(head, ds)
        new_grad = [dl * bracket(a, w, o, dz) for bracket in brackets]
        if not math.isfinite(new_loss) or new_loss > limit:
            return diverged("loss", k, new_loss=new_loss)
        if not all(map(math.isfinite, new_grad)):
            return diverged("overflow", k)
        was, saturated = saturated, _saturated(ds, fed)
        if saturated and not was:
            numbers = {"old": value[0], "value": new[0], "grad": new_grad[0], "loss": loss}
            return diverged(FLAT_REASON[p.activation], k, new_loss=new_loss, **numbers)
        if sgd:
            yield new, new_grad, new_loss, ds, None
        else:
            t, mom, sq = t + 1, new_mom, new_sq
            yield new, new_grad, new_loss, ds, (t, mom, sq)
        value, grad, loss = new, new_grad, new_loss
    return Stop("tolerance" if _below(grad, tol) else "steps")


def walk(
    s: State,
    param: str,
    lr: float,
    start_loss: float,
    steps: int,
    tol: float | None = None,
    first: int = 1,
    reasons: Mapping[str, str] = REASONS,
    optimizer: Optimizer = SGD,
) -> Generator[State, None, Stop]:
    """Yield the states of up to ``steps`` descent steps from ``s``; return why it stopped.

    This is the one descent engine: the window's play and step, its prediction, and the
    command line's ``--descend`` all step through it, so they stop at the same step for the
    same reason. ``first`` is the number of the first step taken (``s`` is step ``first - 1``);
    ``start_loss`` is the loss at step 0 of the run (the divergence rule compares with it).
    The walk stops early once ``|gradient| < tol`` (checked before each step and after the
    last) or when the next step would diverge (it is then not taken). Each step is an update
    by ``optimizer`` (plain gradient descent by default), which goes on from ``s.memory``.
    """
    rows = _rows(s, param, lr, start_loss, steps, tol, first, reasons, optimizer)
    while True:
        try:
            value, grad, loss, ds, mem = next(rows)
        except StopIteration as end:
            stop: Stop = end.value
            return stop
        v = np.array(value)
        p = _apply(s.params, param, v if param == ALL_WEIGHTS else value[0])
        memory = None if mem is None else Memory.of(*mem)
        yield State(p, v, np.array(grad), loss, ds, memory)


_Item = TypeVar("_Item")


def drain(states: Generator[_Item, None, Stop], each: Callable[[_Item], object]) -> Stop:
    """Call ``each`` on every item of a :func:`walk`, in order; return its :class:`Stop`."""
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
    optimizer: Optimizer = SGD,
) -> Trajectory:
    """Up to ``steps`` steps from ``s`` at learning rate ``lr``, as :func:`walk` takes them.

    Row 0 is ``s``. ``stop`` is ``"steps"``, ``"tolerance"`` or ``"diverged"`` (with the
    reason in ``message``), like :func:`core.descent.descend`. Only the numbers are kept, so
    the steps are taken in plain floats without a :class:`State` each.
    """
    taken: list[_Row] = []
    rows = _rows(s, param, lr, start_loss, steps, tol, 1, reasons, optimizer)
    stop = drain(rows, taken.append)
    values = np.array([s.value.tolist(), *(r[0] for r in taken)])
    grads = np.array([s.grad.tolist(), *(r[1] for r in taken)])
    if param != ALL_WEIGHTS:
        values, grads = values[:, 0], grads[:, 0]
    loss = np.array([s.loss, *(r[2] for r in taken)])
    return Trajectory(param, lr, values, loss, grads, stop.kind, stop.message, optimizer)
