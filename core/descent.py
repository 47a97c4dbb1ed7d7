"""Gradient descent on one parameter (or on every weight), the finite-difference check, and
the loss curves drawn beside a descent."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .loss_along import loss_along
from .model import (
    CONV_BIAS,
    HEAD,
    HEAD_BIAS,
    KERNEL,
    MAX_ABS_VALUE,
    FloatArray,
    Params,
    forward,
    gradients,
    parameters,
)
from .optimizers import SGD, Memory, Optimizer, step

#: Descending on this name moves every kernel and head weight together (and the biases).
ALL_WEIGHTS = "all weights"
#: What descends together in the homework's network.
WEIGHTS = KERNEL + HEAD


def weights(p: Params | None = None) -> tuple[str, ...]:
    """What descends in all-weights mode: the kernel, the conv bias, the head, the head bias.

    A bias is included only where ``p``'s network has it; without ``p``, :data:`WEIGHTS`.
    """
    if p is None or (p.b is None and p.c is None):
        return WEIGHTS
    return (
        *KERNEL,
        *((CONV_BIAS,) if p.b is not None else ()),
        *HEAD,
        *((HEAD_BIAS,) if p.c is not None else ()),
    )


@dataclass(frozen=True)
class Trajectory:
    """A descent run. Row ``k`` is the state after ``k`` steps; row 0 is the start.

    ``values`` is ``(steps + 1,)`` for one parameter, ``(steps + 1, 8)`` in all-weights mode
    (columns in :func:`weights` order; 9 or 10 columns when the network has biases).
    ``grads`` has the same shape. ``stop`` says why the run ended: ``"steps"``, ``"tolerance"``
    or ``"diverged"``. ``optimizer`` made its steps.
    """

    param: str
    lr: float
    values: FloatArray
    loss: FloatArray
    grads: FloatArray
    stop: str
    message: str = ""
    optimizer: Optimizer = SGD

    @property
    def steps(self) -> int:
        return len(self.loss) - 1


def _apply(p: Params, param: str, value: float | FloatArray) -> Params:
    """``p`` with ``value`` put where ``param`` descends: eight weights, or one value."""
    if param == ALL_WEIGHTS:
        v = np.asarray(value)
        if p.b is None and p.c is None:
            return Params.create(p.a, v[:4].reshape(2, 2), v[4:], p.yy, p.activation, p.loss)
        k = 5 if p.b is not None else 4  # where the head starts
        b = float(v[4]) if p.b is not None else None
        c = float(v[k + 4]) if p.c is not None else None
        return Params.create(
            p.a, v[:4].reshape(2, 2), v[k : k + 4], p.yy, p.activation, p.loss, b, c
        )
    return p.with_value(param, float(value))


def _read(p: Params, param: str, grads: Mapping[str, float] | None = None) -> float | FloatArray:
    """What descends on ``param`` in ``p`` (or its gradient, from ``grads``)."""
    if param == ALL_WEIGHTS:
        source = p.values() if grads is None else grads
        return np.array([source[n] for n in weights(p)])
    return p.get(param) if grads is None else grads[param]


def finite_step(
    value: float | FloatArray, grad: float | FloatArray, lr: float
) -> tuple[float | FloatArray, bool]:
    """``value - lr * grad`` and whether it is still a usable state (finite, in range)."""
    with np.errstate(all="ignore"):
        new = value - lr * grad
    ok = bool(np.all(np.isfinite(new)) and np.all(np.abs(new) <= MAX_ABS_VALUE))
    return new, ok


def descend(
    p: Params,
    param: str = "w11",
    lr: float = 0.1,
    steps: int = 100,
    tol: float | None = None,
    optimizer: Optimizer = SGD,
) -> Trajectory:
    """Run gradient descent on ``param`` (others fixed): by default the plain
    ``v <- v - lr * dloss/dv``, else the update of ``optimizer`` (:mod:`core.optimizers`).

    Stops after ``steps`` steps, when ``|gradient| < tol``, or when the next state would be
    non-finite or beyond :data:`~core.model.MAX_ABS_VALUE` (``stop == "diverged"``; the
    last recorded state is the last usable one).
    """
    if param != ALL_WEIGHTS and param not in parameters(p):
        raise KeyError(f"cannot descend on {param!r}")
    if steps < 0:
        raise ValueError(f"the number of steps must be 0 or more, not {steps}")
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError(f"learning rate must be a positive finite number, not {lr}")
    values, losses, grads = [], [], []
    stop, message = "steps", ""
    memory = Memory.fresh(len(WEIGHTS) if param == ALL_WEIGHTS else 1)
    for k in range(steps + 1):
        g_all = gradients(p)
        v, g = _read(p, param), _read(p, param, g_all)
        loss = forward(p).loss
        values.append(v)
        losses.append(loss)
        grads.append(g)
        if not (np.isfinite(loss) and np.all(np.isfinite(g))):
            stop, message = "diverged", f"the gradient overflowed at step {k}"
            break
        if tol is not None and float(np.max(np.abs(g))) < tol:
            stop = "tolerance"
            break
        if k == steps:
            break
        if optimizer.name == "sgd":
            new, ok = finite_step(v, g, lr)
        else:
            new, ok, memory = _optimizer_step(optimizer, memory, v, g, lr)
        if not ok:
            stop = "diverged"
            message = (
                f"learning rate too large: at step {k + 1} the value would leave the "
                f"finite range (loss grew from {losses[0]:.4g} to {loss:.4g})"
            )
            break
        p = _apply(p, param, new)
    arrays = np.array(values), np.array(losses), np.array(grads)
    return Trajectory(param, lr, *arrays, stop, message, optimizer)


def _optimizer_step(
    optimizer: Optimizer, memory: Memory, v: float | FloatArray, g: float | FloatArray, lr: float
) -> tuple[float | FloatArray, bool, Memory]:
    """:func:`finite_step` for another optimizer: the new value(s), usable or not, its memory."""
    new, memory = step(optimizer, memory, np.atleast_1d(v), np.atleast_1d(g), lr)
    ok = bool(np.all(np.isfinite(new)) and np.all(np.abs(new) <= MAX_ABS_VALUE))
    return (new if isinstance(v, np.ndarray) else float(new[0])), ok, memory


def central_difference(p: Params, name: str, h: float | None = None) -> float:
    """``(L(v + h) - L(v - h)) / 2h``: an independent estimate of ``dloss/d(name)``.

    The default step ``h = 1e-6 * max(1, |v|)`` balances truncation and rounding error.
    """
    v = p.get(name)
    if h is None:
        h = 1e-6 * max(1.0, abs(v))
    up, down = loss_along(p, name, [v + h, v - h])
    return float((up - down) / (2.0 * h))


def relative_error(a: float, b: float) -> float:
    """``|a - b| / max(|a|, |b|)``, 0 when both are 0."""
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


def loss_curve(
    p: Params, name: str, lo: float, hi: float, n: int = 10_001
) -> tuple[FloatArray, FloatArray]:
    """``(xs, loss)`` on ``n`` evenly spaced values of ``name`` in ``[lo, hi]``, one pass."""
    xs = np.linspace(lo, hi, n)
    return xs, loss_along(p, name, xs)


def slice_grid(points: ArrayLike, center: float, n: int = 1001, fine: int = 101) -> FloatArray:
    """Sorted grid over the range of ``points`` (with a margin), dense again near ``center``.

    The loss curve is drawn on it, so it follows a trajectory wherever it goes and still shows
    the curve's shape around the current value when the range is huge.
    """
    pts = np.asarray(points, dtype=np.float64)
    pts = pts[np.isfinite(pts)]
    lo = min(float(pts.min()) if pts.size else center, center)
    hi = max(float(pts.max()) if pts.size else center, center)
    margin = max(0.15 * (hi - lo), 1.0)
    wide = np.linspace(lo - margin, hi + margin, n)
    near = np.linspace(center - 1.0, center + 1.0, fine)
    return np.unique(np.concatenate([wide, near]))


def loss_slice(
    p: Params, name: str, points: ArrayLike, center: float
) -> tuple[FloatArray, FloatArray]:
    """``(xs, loss)``: the loss against ``name`` with every other value as in ``p``."""
    xs = slice_grid(points, center)
    return xs, loss_along(p, name, xs)
