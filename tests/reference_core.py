"""The core's single-state math and descent walk as they were before they were made fast.

The faster code in ``core.model`` and ``core.live`` must give the same bits as this on every
input: the tests compare them on many random states. Nothing here is shared with the code it
checks but :class:`core.model.Params` (as data), the names, the divergence constants and the
message templates; the arithmetic, step for step and in the same order, is written out here
once and left alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.descent import ALL_WEIGHTS, WEIGHTS
from core.live import LOSS_GROWTH, SATURATED_SLOPE, VALUE_BOUND, State, Stop
from core.live_reasons import REASONS
from core.model import HEAD, INPUTS, KERNEL, PARAMETERS, Params
from core.numfmt import fmt


@dataclass(frozen=True)
class RefForward:
    z: np.ndarray
    o: np.ndarray
    ds: np.ndarray
    y_hat: float
    loss: float
    dloss_dyhat: float


def _frozen(values, shape):
    arr = np.array(values, dtype=np.float64).reshape(shape)
    arr.setflags(write=False)
    return arr


def _sig(z):
    e = math.exp(-abs(z))
    return (1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)), e / ((1.0 + e) * (1.0 + e))


def _cells(p):
    a = p.a.tolist()
    w = p.w.ravel().tolist()
    head = p.head.tolist()
    z, o, ds = [], [], []
    for c in range(4):
        i, j = divmod(c, 2)
        zc = a[i][j] * w[0] + a[i][j + 1] * w[1] + a[i + 1][j] * w[2] + a[i + 1][j + 1] * w[3]
        sc, dsc = _sig(zc)
        z.append(zc)
        o.append(sc)
        ds.append(dsc)
    y_hat = head[0] * o[0] + head[1] * o[1] + head[2] * o[2] + head[3] * o[3]
    return a, w, head, z, o, ds, y_hat


def forward(p):
    _, _, _, z, o, ds, y_hat = _cells(p)
    err = p.yy - y_hat
    return RefForward(
        _frozen(z, (2, 2)), _frozen(o, (2, 2)), _frozen(ds, (2, 2)), y_hat, err * err, -2.0 * err
    )


def _bracket(name, a, w, dz, o):
    if name in HEAD:
        return o[HEAD.index(name)]
    total = 0.0
    if name in KERNEL:
        k = KERNEL.index(name)
        for c in range(4):
            total += dz[c] * a[c // 2 + k // 2][c % 2 + k % 2]
        return total
    r, m = divmod(INPUTS.index(name), 3)
    for c in range(4):
        di, dj = r - c // 2, m - c % 2
        if 0 <= di <= 1 and 0 <= dj <= 1:
            total += dz[c] * w[2 * di + dj]
    return total


def gradients(p):
    f = forward(p)
    a = p.a.tolist()
    w = p.w.ravel().tolist()
    head = p.head.tolist()
    o = f.o.ravel().tolist()
    dz = [h * d for h, d in zip(head, f.ds.ravel().tolist())]
    return {n: f.dloss_dyhat * _bracket(n, a, w, dz, o) for n in PARAMETERS}


def loss_and_gradient(p, name):
    a, w, head, _, o, ds, y_hat = _cells(p)
    err = p.yy - y_hat
    dz = [h * d for h, d in zip(head, ds)]
    return err * err, -2.0 * err * _bracket(name, a, w, dz, o), tuple(ds)


# --- the descent walk ----------------------------------------------------------------------


def _set(p, name, value):
    """``p`` with one value replaced, built here rather than with ``Params.with_value``."""
    a, w, head, yy = p.a.copy(), p.w.copy(), p.head.copy(), p.yy
    if name in KERNEL:
        w[divmod(KERNEL.index(name), 2)] = value
    elif name in HEAD:
        head[HEAD.index(name)] = value
    else:
        a[divmod(INPUTS.index(name), 3)] = value
    return Params.create(a, w, head, yy)


def _apply(p, param, value):
    if param == ALL_WEIGHTS:
        weights = np.asarray(value)
        return Params.create(p.a, weights[:4].reshape(2, 2), weights[4:], p.yy)
    return _set(p, param, float(value))


def state(p, param):
    if param != ALL_WEIGHTS:
        loss, dloss, ds = loss_and_gradient(p, param)
        return State(p, np.array([p.get(param)]), np.array([dloss]), loss, ds)
    f = forward(p)
    g = gradients(p)
    values = p.values()
    value = np.asarray(np.array([values[n] for n in WEIGHTS]), dtype=np.float64)
    grad = np.asarray(np.array([g[n] for n in WEIGHTS]), dtype=np.float64)
    return State(p, value, grad, f.loss, tuple(f.ds.ravel().tolist()))


def _feeds(p, param):
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


def _saturated(s, param):
    ds = s.ds or tuple(forward(s.params).ds.ravel().tolist())
    fed = [d for d, f in zip(ds, _feeds(s.params, param)) if f]
    return bool(fed) and all(d < SATURATED_SLOPE for d in fed)


def advance(s, param, lr, step, start_loss, reasons=REASONS):
    with np.errstate(all="ignore"):
        new = s.value - lr * s.grad
    values = new.tolist()
    name = reasons["all_weights"] if param == ALL_WEIGHTS else param
    common = {"step": step, "prev": step - 1, "name": name, "start": fmt(start_loss)}
    if not all(math.isfinite(v) and abs(v) <= VALUE_BOUND for v in values):
        far = max(values, key=lambda v: abs(v) if math.isfinite(v) else math.inf)
        i = (
            values.index(far)
            if math.isfinite(far)
            else next(j for j, v in enumerate(values) if not math.isfinite(v))
        )
        before = s.value.tolist()[i]
        if step == 1 and abs(before) <= VALUE_BOUND:  # plain descent's first step, too long
            which = WEIGHTS[i] if param == ALL_WEIGHTS else param
            return None, reasons["bound_first"].format(
                which=which,
                value=fmt(far),
                bound=fmt(VALUE_BOUND),
                grad=fmt(s.grad.tolist()[i]),
                lr=fmt(lr),
                **common,
            )
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


def converged(s, tol):
    return tol is not None and float(np.max(np.abs(s.grad))) < tol


def walk(s, param, lr, start_loss, steps, tol=None, first=1, reasons=REASONS):
    """Every state of the walk, then its :class:`core.live.Stop` (a list, not a generator)."""
    out = []
    here = s
    for k in range(first, first + steps):
        if converged(here, tol):
            return out, Stop("tolerance")
        nxt, message = advance(here, param, lr, k, start_loss, reasons)
        if nxt is None:
            return out, Stop("diverged", message)
        out.append(nxt)
        here = nxt
    return out, Stop("tolerance" if converged(here, tol) else "steps")


def loss_at(p, name, value):
    """The single-state loss with ``name`` set to ``value``: what a loss curve must follow."""
    if name == "yy":
        return forward(Params(p.a, p.w, p.head, float(value))).loss
    return forward(_set(p, name, float(value))).loss
