"""Predict, then reveal: the values a student can be asked for, what hiding one must also hide,
and the check of an answer.

A quiz key names one value of the current state: ``"y_hat"``, ``"MSE"``, ``"path0"`` ..
(one backprop path's term), ``"grad"`` (dMSE/d(param)) or ``"after"`` (the parameter after one
gradient-descent step). :func:`expected` computes it from the model, independently of any view.

What a hidden value takes with it
---------------------------------
The network's values form a dependency graph (:func:`graph`): each derived value is computed
from its *inputs* (``z00`` from ``a11 a12 a21 a22`` and the filter, ``y_hat`` from ``o00..o11``
and ``wa..wd``, a path term from its factors, the gradient from the path terms ...). A hidden
value is what the student computes from its inputs, so its inputs (and their inputs) stay shown.
:func:`concealed` hides, besides the hidden values themselves, exactly

1. every value it determines: each value computed from it, directly or through others (hiding
   ``y_hat`` hides the loss, dMSE/dy_hat, dMSE/dyy, and every gradient and path term that
   contains dMSE/dy_hat), and
2. every value that determines it uniquely given the shown ones by a formula other than its own
   (:func:`shortcuts`): dMSE/dyy = -dMSE/dy_hat; MSE = (dMSE/dy_hat / 2)^2; a path term =
   dMSE/dz(cell) x its last factor = dMSE/dy_hat x its bracket (the product of its other
   factors); the gradient = dMSE/dy_hat x the sum of the brackets. A shortcut counts only while
   the numbers it needs besides are shown. The values it takes are hidden in turn, by both rules,
   until nothing changes.

Nothing else is hidden. Zero factors are not special: the rule follows the graph's shape, not
the current numbers. Views ask :func:`concealed` whether to show a number, and
:func:`row_values` which values a derivation row shows.

Another network (:func:`net`) has another graph: the conv bias ``b`` enters every ``z``, the
head bias ``c`` enters ``y_hat`` (and ``dloss/dc`` is the common factor itself), and a cell's
slope is named for the activation (``relu'(z00)``, as the paths name it). The common factor
keeps its name ``dMSE/dy_hat`` whatever the loss, as do the gradients ``dMSE/d<name>``: they are
the graph's names, not what a view shows. Each shortcut above holds for every loss.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from .activations import SYMBOL
from .model import Params, forward, gradients
from .params import CELLS, CONV_BIAS, HEAD, HEAD_BIAS, INPUTS, KERNEL, TARGET, window
from .paths import paths
from .walkthrough import updated

#: What of a network shapes its graph: the activation's symbol and the biases it has.
Net = tuple[str, tuple[str, ...]]
HOMEWORK: Net = ("s", ())


def net(p: Params | None) -> Net:
    """The part of ``p``'s network that shapes the graph (the homework's for None)."""
    if p is None or (p.activation == "sigmoid" and p.b is None and p.c is None):
        return HOMEWORK
    return SYMBOL[p.activation], tuple(n for n in (CONV_BIAS, HEAD_BIAS) if p.has(n))


DEFAULT_TOL = 0.01  # an answer within 1 % of the value is right
ABS_FLOOR = 1e-12  # for a value of exactly zero, how close counts as zero

DLOSS = "dMSE/dy_hat"  # the common factor of every path
LOSS_AFTER = "MSE after"  # the loss after one step of the selected parameter


def keys(p: Params, param: str = "w11") -> tuple[str, ...]:
    """Every quiz key for ``param``, in the order of the pass."""
    n = len(paths(p, param))
    return ("y_hat", "MSE", *(f"path{k}" for k in range(n)), "grad", "after")


def expected(p: Params, key: str, param: str = "w11", lr: float = 0.5) -> float:
    """The true value behind quiz ``key``."""
    if key == "y_hat":
        return float(forward(p).y_hat)
    if key == "MSE":
        return float(forward(p).loss)
    if key == "grad":
        return float(gradients(p)[param])
    if key == "after":
        return float(updated(p, param, lr)[0])
    if key.startswith("path"):
        return float(paths(p, param)[int(key[4:])].value)
    raise KeyError(f"{key!r} is not a quiz value")


def check(guess: float, value: float, rel_tol: float = DEFAULT_TOL) -> bool:
    """Whether ``guess`` is within ``rel_tol`` (relative) of ``value``."""
    if not (math.isfinite(guess) and math.isfinite(value)):
        return False
    return abs(guess - value) <= max(rel_tol * abs(value), ABS_FLOOR)


# -- the dependency graph ----------------------------------------------------------------------


def routes(param: str) -> tuple[tuple[int | None, str | None], ...]:
    """(conv cell, partner) of each path into ``param``, in the order of core.paths.paths.

    The conv bias has no partner (its factor is 1), the head bias no cell.
    """
    if param in HEAD:
        return ((HEAD.index(param), None),)
    if param == CONV_BIAS:
        return tuple((c, None) for c in range(4))
    if param == HEAD_BIAS:
        return ((None, None),)
    if param in KERNEL:
        j = KERNEL.index(param)
        return tuple((c, window(c)[j]) for c in range(4))
    if param in INPUTS:
        return tuple((c, KERNEL[window(c).index(param)]) for c in range(4) if param in window(c))
    raise KeyError(f"{param!r} has no gradient; choose one of the network's parameters")


def _factors(param: str, cell: int | None, partner: str | None, act: str = "s") -> tuple[str, ...]:
    """A path's factors after dMSE/dy_hat, as value names."""
    if cell is None:  # the head bias: dy_hat/dc = 1
        return ()
    if param in HEAD:
        return (f"o{CELLS[cell]}",)
    slope = (HEAD[cell], f"{act}'(z{CELLS[cell]})")
    return slope if partner is None else (*slope, partner)


def graph(param: str = "w11", network: Net = HOMEWORK) -> Mapping[str, tuple[str, ...]]:
    """Each derived value and the values it is computed from, for the paths into ``param``.

    Leaves (inputs, weights, biases, yy, lr) have no entry. ``grad`` names ``dMSE/d<param>``.
    """
    return MappingProxyType(_graph(param, network))


def _inputs_of_gradient(name: str) -> tuple[str, ...]:
    """What ``dMSE/d<name>`` is computed from, for a name that is not the selected one."""
    if name in HEAD:
        return (DLOSS, f"o{CELLS[HEAD.index(name)]}")
    if name == HEAD_BIAS:
        return (DLOSS,)
    out: list[str] = []
    for c, partner in routes(name):
        out.append(f"dMSE/dz{CELLS[c or 0]}")
        if partner is not None:
            out.append(partner)
    return tuple(out)


@lru_cache(maxsize=64)
def _graph(param: str, network: Net = HOMEWORK) -> dict[str, tuple[str, ...]]:
    act, biases = network
    conv_bias = (CONV_BIAS,) if CONV_BIAS in biases else ()
    head_bias = (HEAD_BIAS,) if HEAD_BIAS in biases else ()
    g: dict[str, tuple[str, ...]] = {}
    for c, cell in enumerate(CELLS):
        g[f"z{cell}"] = (*window(c), *KERNEL, *conv_bias)
        g[f"o{cell}"] = (f"z{cell}",)
        g[f"{act}'(z{cell})"] = (f"o{cell}",)
        g[f"dMSE/dz{cell}"] = (DLOSS, HEAD[c], f"{act}'(z{cell})")
    g["y_hat"] = (*(f"o{cell}" for cell in CELLS), *HEAD, *head_bias)
    g["MSE"] = g[DLOSS] = g[f"dMSE/d{TARGET}"] = ("y_hat", TARGET)
    for name in (*KERNEL, *conv_bias, *HEAD, *head_bias, *INPUTS):
        g[f"dMSE/d{name}"] = _inputs_of_gradient(name)
    if f"dMSE/d{param}" not in g:
        raise KeyError(f"{param!r} has no gradient in this network")
    del g[f"dMSE/d{param}"]  # the selected parameter's gradient is "grad", the sum of its paths
    ps = routes(param)
    for k, (at, partner) in enumerate(ps):
        g[f"bracket{k}"] = _factors(param, at, partner, act)
        g[f"path{k}"] = (DLOSS, *g[f"bracket{k}"])
    g["sum"] = tuple(f"bracket{k}" for k in range(len(ps)))
    g["grad"] = tuple(f"path{k}" for k in range(len(ps)))  # the sum the app shows
    g["after"] = (param, "lr", "grad")
    g[LOSS_AFTER] = ("after",)
    return g


@dataclass(frozen=True)
class Shortcut:
    """``value`` follows uniquely from ``via`` when ``given`` are shown (not by its own formula)."""

    value: str
    via: str
    given: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def shortcuts(param: str = "w11") -> tuple[Shortcut, ...]:
    """The formulas other than a value's own that pin it down from one other value."""
    dyy = f"dMSE/d{TARGET}"
    out = [Shortcut(dyy, DLOSS), Shortcut(DLOSS, dyy), Shortcut("MSE", DLOSS), Shortcut("MSE", dyy)]
    for k, (c, partner) in enumerate(routes(param)):
        if c is None:  # the head bias: its path is the common factor itself
            out.append(Shortcut(f"path{k}", DLOSS))
        elif param == CONV_BIAS:  # path = dMSE/dz(cell) x 1
            out.append(Shortcut(f"path{k}", f"dMSE/dz{CELLS[c]}"))
        elif partner is not None:  # path = dMSE/dz(cell) x partner
            out.append(Shortcut(f"path{k}", f"dMSE/dz{CELLS[c]}", (partner,)))
        out.append(Shortcut(f"path{k}", f"bracket{k}", (DLOSS,)))
    out.append(Shortcut("grad", "sum", (DLOSS,)))
    if param == HEAD_BIAS:
        out.append(Shortcut("grad", DLOSS))
    return tuple(out)


def _alias(name: str, param: str) -> str:
    return "grad" if name == f"dMSE/d{param}" else name


def concealed(hidden: Iterable[str], param: str = "w11", network: Net = HOMEWORK) -> frozenset[str]:
    """Every value to show as hidden when ``hidden`` are (see the module docstring).

    The result names values as :func:`graph` does, and holds both ``grad`` and
    ``dMSE/d<param>`` when the selected parameter's gradient is hidden.
    """
    return _concealed(frozenset(_alias(h, param) for h in hidden), param, network)


@lru_cache(maxsize=256)
def _concealed(hidden: frozenset[str], param: str, network: Net = HOMEWORK) -> frozenset[str]:
    g = graph(param, network)
    unknown = hidden - g.keys()
    if unknown:
        raise KeyError(f"{', '.join(sorted(unknown))}: not a derived value of the network")
    children: dict[str, list[str]] = {}
    for value, inputs in g.items():
        for x in inputs:
            children.setdefault(_alias(x, param), []).append(value)
    out, todo = set(hidden), list(hidden)
    while todo:
        while todo:  # rule 1: everything computed from a hidden value
            for child in children.get(todo.pop(), ()):
                if child not in out:
                    out.add(child)
                    todo.append(child)
        for s in shortcuts(param):  # rule 2: a shown value that pins a hidden one down
            if s.value in out and s.via not in out and not out.intersection(s.given):
                out.add(s.via)
                todo.append(s.via)
    if "grad" in out:
        out.add(f"dMSE/d{param}")
    return frozenset(out)


def row_values(
    role: str, path: int | None, param: str = "w11", network: Net = HOMEWORK
) -> frozenset[str]:
    """The values whose numbers a derivation row (a core.latex.Item formula) shows."""
    if role in ("z", "o"):
        return frozenset(f"{role}{cell}" for cell in CELLS)
    fixed = {"y_hat": {"y_hat"}, "loss": {"y_hat", "MSE"}, "dloss": {"y_hat", DLOSS}}
    if role in fixed:
        return frozenset(fixed[role])
    ps = routes(param)
    if role in ("local", "path_term") and path is not None and path < len(ps):
        c, partner = ps[path]
        shown = set(_factors(param, c, partner, network[0]))
        if c is not None:
            shown.add(f"o{CELLS[c]}")  # s'(z) is shown as o(1 - o)
        return frozenset(shown | {f"bracket{path}"} if role == "path_term" else shown)
    if role == "result":
        return frozenset({DLOSS, "sum", "grad", *(f"bracket{k}" for k in range(len(ps)))})
    return frozenset()
