"""The loss over two values at once, every other value fixed: the landscape a descent walks.

Any two of the editable values (kernel and head weights, inputs, the target and, when the
network has them, the biases b and c) span a grid; the loss at every point of it, under the
network's activation and loss, is computed in one numpy pass. Each of the 18 values of the
forward pass is a plain float, or, for the two that vary, a row (``x``, shape ``(1, nx)``) or
a column (``y``, shape ``(ny, 1)``): numpy's broadcasting then builds a full ``(ny, nx)`` array
only where both meet, and a conv cell neither enters keeps the single-state value of
:func:`core.model.evaluate`. Sums are taken in :func:`~core.model.evaluate`'s order, so a point
differs from ``forward(p.with_value(...)).loss`` only where numpy's exp rounds differently
from ``math.exp`` (1 ulp). Pure numpy; no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .activations import apply_in_place
from .losses import loss_array
from .model import (
    HEAD,
    INPUTS,
    KERNEL,
    MAX_ABS_VALUE,
    TARGET,
    WINDOWS,
    FloatArray,
    Params,
    evaluate,
    flat,
    network,
    sigmoid,
)
from .params import CONV_BIAS, EDITABLE, HEAD_BIAS, editable

#: The most points an axis may have (a 2000 x 2000 grid is 4 million losses).
MAX_GRID = 2000

Value = float | FloatArray


@dataclass(frozen=True)
class Landscape:
    """The loss on a grid: ``loss[i, j]`` has ``y_name = y[i]`` and ``x_name = x[j]``."""

    x_name: str
    y_name: str
    x: FloatArray
    y: FloatArray
    loss: FloatArray  # (len(y), len(x))


def check_names(x_name: str, y_name: str, p: Params | None = None) -> None:
    """Refuse an unknown name (a bias ``p``'s network lacks), or the same value on both axes."""
    names = EDITABLE if p is None else editable(p)
    for axis, name in (("x", x_name), ("y", y_name)):
        if name not in names:
            raise ValueError(f"{axis}: {name!r} is not one of {', '.join(names)}")
    if x_name == y_name:
        raise ValueError(f"both axes are {x_name}: choose two different values")


def check_limits(lo: float, hi: float, where: str) -> tuple[float, float]:
    """``(lo, hi)`` as floats when finite, in range and ``lo < hi``; else a clear refusal."""
    lo, hi = float(lo), float(hi)
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise ValueError(f"{where}: the bounds must be finite numbers")
    if max(abs(lo), abs(hi)) > MAX_ABS_VALUE:
        raise ValueError(f"{where}: the bounds must be at most {MAX_ABS_VALUE:g} in magnitude")
    if not lo < hi:
        raise ValueError(f"{where}: the low bound must be below the high one ({lo:g}, {hi:g})")
    return lo, hi


def check_grid(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= MAX_GRID:
        raise ValueError(f"the grid must have from 2 to {MAX_GRID} points a side, not {n}")
    return int(n)


def loss_grid(p: Params, x_name: str, y_name: str, xs: ArrayLike, ys: ArrayLike) -> FloatArray:
    """The loss with ``x_name`` at each of ``xs`` and ``y_name`` at each of ``ys``: ``(ny, nx)``.

    ``loss[i, j]`` is the loss at ``x_name = xs[j]``, ``y_name = ys[i]``, all else as in ``p``.
    """
    check_names(x_name, y_name, p)
    x = np.asarray(xs, dtype=np.float64).reshape(1, -1)
    y = np.asarray(ys, dtype=np.float64).reshape(-1, 1)
    a, w, head = flat(p)
    _, o_fixed, _, _ = evaluate(a, w, head, *network(p))
    values: dict[str, Value] = {
        **dict(zip(INPUTS, a)),
        **dict(zip(KERNEL, w)),
        **dict(zip(HEAD, head)),
        TARGET: p.yy,
    }
    if p.b is not None:
        values[CONV_BIAS] = p.b
    if p.c is not None:
        values[HEAD_BIAS] = p.c
    values[x_name], values[y_name] = x, y
    av = [values[n] for n in INPUTS]
    wv = [values[n] for n in KERNEL]
    b = values.get(CONV_BIAS)
    varies = [*wv, *(() if b is None else (b,))]
    with np.errstate(all="ignore"):
        y_hat: Value = 0.0
        for c, win in enumerate(WINDOWS):
            if any(isinstance(v, np.ndarray) for v in (*(av[i] for i in win), *varies)):
                z = av[win[0]] * wv[0] + av[win[1]] * wv[1] + av[win[2]] * wv[2]
                z = z + av[win[3]] * wv[3]
                if b is not None:
                    z = z + b
                o: Value = _activation(p.activation, z)
            else:
                o = o_fixed[c]
            term = values[HEAD[c]] * o
            y_hat = term if c == 0 else y_hat + term
        if HEAD_BIAS in values:
            y_hat = y_hat + values[HEAD_BIAS]
        if p.loss == "mse":
            err = values[TARGET] - y_hat
            loss = np.asarray(err * err, dtype=np.float64)
        else:
            loss = loss_array(p.loss, values[TARGET], y_hat)
    return np.array(np.broadcast_to(loss, (y.shape[0], x.shape[1])))


def _activation(name: str, z: Value) -> FloatArray:
    """The network's activation of ``z`` (an array), elementwise; ``z`` is left as it was."""
    if name == "sigmoid":
        return sigmoid(z)
    arr = np.array(z, dtype=np.float64)  # a copy: the activation writes over its argument
    return apply_in_place(name, arr, np.empty_like(arr))


def landscape(
    p: Params,
    x_name: str,
    y_name: str,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    n: int = 101,
) -> Landscape:
    """The loss on an ``n`` x ``n`` grid: ``x_name`` over ``linspace(*xlim, n)``, ``y_name``
    over ``linspace(*ylim, n)``. Bad names, limits or sizes raise ``ValueError`` saying why."""
    check_names(x_name, y_name, p)
    n = check_grid(n)
    xs = np.linspace(*check_limits(*xlim, "x limits"), n)
    ys = np.linspace(*check_limits(*ylim, "y limits"), n)
    grid = loss_grid(p, x_name, y_name, xs, ys)
    for arr in (xs, ys, grid):
        arr.setflags(write=False)
    return Landscape(x_name, y_name, xs, ys, grid)


def around(points: ArrayLike, pad: float = 0.15, least: float = 1.0) -> tuple[float, float]:
    """Limits that hold every finite one of ``points`` with a margin: ``pad`` of their span,
    and at least ``least`` on each side (so a run that has not moved still shows its valley)."""
    pts = np.asarray(points, dtype=np.float64).ravel()
    pts = pts[np.isfinite(pts)]
    if not pts.size:
        return -least, least
    lo, hi = float(pts.min()), float(pts.max())
    margin = max(pad * (hi - lo), least)
    return max(lo - margin, -MAX_ABS_VALUE), min(hi + margin, MAX_ABS_VALUE)
