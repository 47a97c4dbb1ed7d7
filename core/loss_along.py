"""The loss along one value: the network's loss with one parameter set to each of many values.

The loss curve the window draws and the nudge check's two evaluations come from here, in one
numpy pass over the values; :mod:`core.model` is the single state this agrees with. Pure numpy;
no Qt.
"""

from __future__ import annotations

from functools import reduce

import numpy as np
from numpy.typing import ArrayLike

from .activations import apply_in_place
from .losses import loss_array
from .model import (
    CONV_BIAS,
    HEAD,
    INPUTS,
    KERNEL,
    WINDOWS,
    FloatArray,
    Params,
    evaluate,
    flat,
    network,
)
from .params import locate

__all__ = ["loss_along"]


def _add(total: float | FloatArray, t: float | FloatArray) -> float | FloatArray:
    """``total + t``, taken into whichever of them is an array (always a scratch row here)."""
    if isinstance(total, np.ndarray):
        return np.add(total, t, out=total)
    if isinstance(t, np.ndarray):
        return np.add(t, total, out=t)
    return total + t


def loss_along(p: Params, name: str, values: ArrayLike) -> FloatArray:
    """The loss with ``name`` set to each of ``values`` and all else fixed: one numpy pass.

    Only ``name`` varies, so every conv product, activation and head term it does not enter is
    computed once in plain floats, and only those it enters are arrays: a conv cell at a time,
    in scratch rows made once, with ``y_hat`` summed as the cells come (a 4 x N array, or a
    temporary per operation, costs more: the allocator hands that memory back to the system
    and faults it in again on every call). Every sum is taken term by term in
    :func:`evaluate`'s order, so for a head weight, the head bias or the target of the
    homework's network each value is bit for bit ``forward(p.with_value(name, v)).loss``. For
    a kernel weight or an input a value differs only where numpy's exp rounds differently from
    ``math.exp`` (by 1 ulp, for about one argument in twenty): ``|yy - y_hat|`` then stays
    within ``4 eps (|yy| + |wa| + |wb| + |wc| + |wd|)`` of the single-state value
    (tests/test_model.py checks both). Another activation or loss rounds as numpy's tanh, exp
    and log1p do, within a few ulps of the single-state value.
    """
    kind, idx = locate(name)
    if kind in ("b", "c") and not p.has(name):
        raise KeyError(f"{name!r}: this network has no such bias")
    xs = np.asarray(values, dtype=np.float64)
    v = xs.reshape(-1)
    a, w, head = flat(p)
    _, o, _, y_hat = evaluate(a, w, head, *network(p))
    with np.errstate(all="ignore"):
        if kind == "yy":
            if p.loss == "mse":
                diff = v - y_hat
                return (diff * diff).reshape(xs.shape)
            return loss_array(p.loss, v, y_hat).reshape(xs.shape)
        if kind == "c":  # evaluate's sum of the four head terms, then the bias
            base = head[0] * o[0] + head[1] * o[1] + head[2] * o[2] + head[3] * o[3]
            return _loss_of(p, np.add(base, v)).reshape(xs.shape)
        at = {"a": INPUTS, "w": KERNEL, "head": HEAD, "b": (CONV_BIAS,)}[kind].index(name)
        row, scratch = np.empty_like(v), np.empty_like(v)
        total: float | FloatArray | None = None
        for c, win in enumerate(WINDOWS):
            term: float | FloatArray = head[c] * o[c]
            if kind == "head" and c == at:
                term = np.multiply(v, o[c], out=row)
            elif kind in ("w", "b") or (kind == "a" and at in win):
                products: list[float | FloatArray] = [a[i] * w[j] for j, i in enumerate(win)]
                if p.b is not None:
                    products.append(p.b)
                if kind == "b":
                    products[4] = np.add(v, 0.0, out=row)
                else:
                    k = at if kind == "w" else win.index(at)  # which of the four products varies
                    products[k] = np.multiply(v, a[win[k]] if kind == "w" else w[k], out=row)
                z = np.asarray(reduce(_add, products))  # summed into row
                f = apply_in_place(p.activation, z, scratch)
                term = np.multiply(f, head[c], out=row)
            total = term if total is None else _add(total, term)
            if total is row:  # y_hat is summed in this row from now on: the next cell needs one
                row = np.empty_like(v)
        if p.c is not None:
            total = _add(total, p.c)  # type: ignore[arg-type]
        return _loss_of(p, np.asarray(total), scratch).reshape(xs.shape)


def _loss_of(p: Params, y_hat: FloatArray, scratch: FloatArray | None = None) -> FloatArray:
    """``p``'s loss at each of ``y_hat`` (the MSE in ``scratch``, as it always was)."""
    if p.loss != "mse":
        return loss_array(p.loss, p.yy, y_hat)
    err: FloatArray = np.subtract(p.yy, y_hat, out=scratch)
    return np.multiply(err, err, out=err)
