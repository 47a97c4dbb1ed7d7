"""The optimizers a descent can use: their settings, their memory, and one update each.

Each rule is PyTorch's ``torch.optim`` update (no weight decay, not maximising), with its
defaults; ``lr`` is the run's learning rate, ``g`` the gradient, ``t`` the step (1 first):

- ``sgd``: ``x <- x - lr g`` (the homework's update).
- ``momentum`` (``SGD(momentum=mu)``, dampening 0): ``b <- g`` at the first step, then
  ``b <- mu b + g``; ``x <- x - lr b``. ``mu`` defaults to 0.9.
- ``nesterov`` (``SGD(momentum=mu, nesterov=True)``): ``b`` as above; ``x <- x - lr (g + mu b)``.
- ``adagrad`` (``lr_decay`` 0, ``initial_accumulator_value`` 0): ``s <- s + g^2``;
  ``x <- x - lr g / (sqrt(s) + eps)``, ``eps`` 1e-10.
- ``rmsprop`` (not centred, no momentum): ``s <- alpha s + (1 - alpha) g^2``;
  ``x <- x - lr g / (sqrt(s) + eps)``, ``alpha`` 0.99, ``eps`` 1e-8 (outside the root).
- ``adam``: ``m <- beta1 m + (1 - beta1) g`` (as torch's lerp, ``m + (1 - beta1)(g - m)``),
  ``v <- beta2 v + (1 - beta2) g^2``;
  ``x <- x - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)``, betas
  (0.9, 0.999), ``eps`` 1e-8 (outside the root, after the bias correction).

:class:`Optimizer` is the frozen setting (a name and the hyperparameters that name takes);
:class:`Memory` is what an optimizer carries from step to step, as arrays over the descending
value(s). :func:`rule` gives the update in plain floats, for the descent engine's loop. The
hyperparameters are those of ``torch.optim`` with the same names, and a step's operations
follow the order of PyTorch's single-tensor implementation (``addcdiv``, ``addcmul``, ``lerp``),
so that rounding goes the same way as far as it can. Pure Python and numpy; no Qt.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np

from .model import FloatArray

#: The optimizers, in menu order.
NAMES = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
#: The hyperparameters each optimizer takes, besides the learning rate.
TAKES: dict[str, tuple[str, ...]] = {
    "sgd": (),
    "momentum": ("momentum",),
    "nesterov": ("momentum",),
    "adagrad": ("eps",),
    "rmsprop": ("alpha", "eps"),
    "adam": ("betas", "eps"),
}
#: ``torch.optim``'s defaults (``momentum`` is 0 there; a momentum optimizer needs one > 0).
DEFAULTS: dict[str, dict[str, Any]] = {
    "sgd": {},
    "momentum": {"momentum": 0.9},
    "nesterov": {"momentum": 0.9},
    "adagrad": {"eps": 1e-10},
    "rmsprop": {"alpha": 0.99, "eps": 1e-8},
    "adam": {"betas": (0.9, 0.999), "eps": 1e-8},
}
HYPERPARAMETERS = ("momentum", "betas", "alpha", "eps")


class OptimizerError(ValueError):
    """A setting that cannot be used; the message names the hyperparameter."""


def _unit(value: object, name: str, low_open: bool = False) -> float:
    """``value`` as a float in ``[0, 1)`` (``(0, 1)`` with ``low_open``), or a clear refusal."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise OptimizerError(f"{name}: expected a number, got {_show(value)}")
    x = float(value)
    if not (0.0 < x < 1.0 if low_open else 0.0 <= x < 1.0):  # also refuses NaN
        low = "greater than 0" if low_open else "at least 0"
        raise OptimizerError(f"{name}: must be {low} and less than 1, not {_show(value)}")
    return x


def _show(value: object) -> str:
    try:
        return json.dumps(value)[:40]
    except (TypeError, ValueError):
        return repr(value)[:40]


@dataclass(frozen=True)
class Optimizer:
    """An optimizer and its hyperparameters; those its name does not take are ``None``.

    Built with only a name, the name's hyperparameters take ``torch.optim``'s defaults
    (:data:`DEFAULTS`); a hyperparameter the name does not take, or a value out of range, is
    refused with :class:`OptimizerError` naming it.
    """

    name: str = "sgd"
    momentum: float | None = None
    betas: tuple[float, float] | None = None
    alpha: float | None = None
    eps: float | None = None

    def __post_init__(self) -> None:
        if self.name not in NAMES:
            raise OptimizerError(f"name: {_show(self.name)} is not one of {', '.join(NAMES)}")
        takes, defaults = TAKES[self.name], DEFAULTS[self.name]
        for key in HYPERPARAMETERS:
            given = getattr(self, key)
            if given is None:
                object.__setattr__(self, key, defaults.get(key))
            elif key not in takes:
                users = [n for n in NAMES if key in TAKES[n]]
                raise OptimizerError(
                    f"{key}: {self.name} takes no {key} (it is for {' and '.join(users)})"
                )
            else:
                object.__setattr__(self, key, _check(key, given, self.name))

    def hyperparameters(self) -> dict[str, Any]:
        """The hyperparameters this optimizer takes, by name (``betas`` as a pair)."""
        return {k: getattr(self, k) for k in TAKES[self.name]}

    def to_json(self) -> dict[str, Any]:
        """The file's form: ``{"name": ..., <hyperparameter>: ...}`` (``betas`` as a list)."""
        return {"name": self.name} | {
            k: list(v) if isinstance(v, tuple) else v for k, v in self.hyperparameters().items()
        }

    def label(self) -> str:
        """A short label: ``"adam (betas 0.9, 0.999; eps 1e-08)"``, ``"sgd"``."""
        parts = [
            f"{k} {', '.join(f'{x:g}' for x in v)}" if isinstance(v, tuple) else f"{k} {v:g}"
            for k, v in self.hyperparameters().items()
        ]
        return f"{self.name} ({'; '.join(parts)})" if parts else self.name


def _check(key: str, value: object, name: str) -> Any:
    """A given hyperparameter, in range, as the dataclass holds it."""
    if key == "momentum":
        return _unit(value, "momentum", low_open=name == "nesterov")
    if key == "alpha":
        return _unit(value, "alpha")
    if key == "betas":
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise OptimizerError(f"betas: expected two numbers (beta1, beta2), got {_show(value)}")
        return (_unit(value[0], "betas[0] (beta1)"), _unit(value[1], "betas[1] (beta2)"))
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise OptimizerError(f"eps: expected a number, got {_show(value)}")
    eps = float(value)
    if not (0.0 < eps <= 1.0):
        raise OptimizerError(f"eps: must be greater than 0 and at most 1, not {_show(value)}")
    return eps


SGD = Optimizer()


def from_json(value: object, where: str = "optimizer") -> Optimizer:
    """The :class:`Optimizer` a file's ``optimizer`` object describes (see :meth:`to_json`).

    Refusals name the field under ``where``: ``"descent.optimizer.eps: must be ..."``.
    """
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        raise OptimizerError(f"{where}: expected an object with a name, got {_show(value)}")
    unknown = sorted(set(value) - {"name", *HYPERPARAMETERS})
    if unknown:
        raise OptimizerError(f"{where}.{unknown[0]}: not a hyperparameter this app knows")
    if "name" not in value:
        raise OptimizerError(f"{where}.name: missing (one of {', '.join(NAMES)})")
    try:
        return Optimizer(**value)
    except OptimizerError as exc:
        raise OptimizerError(f"{where}.{exc}") from None


# --- the memory ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Memory:
    """What an optimizer carries between steps, over the descending value(s).

    ``step`` is how many updates it has made; ``m`` is the momentum buffer (momentum,
    nesterov) or Adam's first moment; ``v`` the sum of squared gradients (adagrad), their
    running mean (rmsprop) or Adam's second moment. A part an optimizer does not use stays 0.
    """

    step: int
    m: FloatArray
    v: FloatArray

    @classmethod
    def fresh(cls, width: int) -> Memory:
        """Before the first step: every part 0."""
        return cls(0, _frozen([0.0] * width), _frozen([0.0] * width))

    @classmethod
    def of(cls, step: int, m: Sequence[float], v: Sequence[float]) -> Memory:
        return cls(step, _frozen(m), _frozen(v))


def _frozen(values: Sequence[float]) -> FloatArray:
    arr = np.array(values, dtype=np.float64)
    arr.setflags(write=False)
    return arr


#: What each optimizer's :class:`Memory` parts mean (for a display), by name. English only
#: for now: an interface that shows them marks them for translation.
MEANINGS: dict[str, dict[str, str]] = {
    "sgd": {},
    "momentum": {"m": "velocity"},
    "nesterov": {"m": "velocity"},
    "adagrad": {"v": "sum of squared gradients"},
    "rmsprop": {"v": "mean squared gradient"},
    "adam": {"m": "first moment", "v": "second moment"},
}


# --- the update rules, in plain floats ----------------------------------------------------

Floats: TypeAlias = list[float]
#: ``(x, g, lr, t, m, v) -> (new x, new m, new v)``: one update at step ``t`` (1 first).
Rule: TypeAlias = Callable[
    [Sequence[float], Sequence[float], float, int, Floats, Floats], tuple[Floats, Floats, Floats]
]


def rule(opt: Optimizer) -> Rule:
    """The update of ``opt`` on plain floats: the engine's loop calls it once a step.

    Plain floats give the same bits as numpy's float64 arrays for these operations (each is
    one correctly rounded IEEE operation) and cost far less for eight values or one.
    """
    if opt.name in ("momentum", "nesterov"):
        assert opt.momentum is not None
        return _momentum(opt.momentum, opt.name == "nesterov")
    if opt.name == "adagrad":
        assert opt.eps is not None
        return _adagrad(opt.eps)
    if opt.name == "rmsprop":
        assert opt.alpha is not None and opt.eps is not None
        return _rmsprop(opt.alpha, opt.eps)
    if opt.name == "adam":
        assert opt.betas is not None and opt.eps is not None
        return _adam(*opt.betas, opt.eps)
    return _sgd


def _sgd(
    x: Sequence[float], g: Sequence[float], lr: float, t: int, m: Floats, v: Floats
) -> tuple[Floats, Floats, Floats]:
    return [a - lr * b for a, b in zip(x, g)], m, v


def _momentum(mu: float, nesterov: bool) -> Rule:
    def update(
        x: Sequence[float], g: Sequence[float], lr: float, t: int, m: Floats, v: Floats
    ) -> tuple[Floats, Floats, Floats]:
        buf = list(g) if t == 1 else [mu * b + d for b, d in zip(m, g)]
        d = [a + mu * b for a, b in zip(g, buf)] if nesterov else buf
        return [a - lr * b for a, b in zip(x, d)], buf, v

    return update


def _adagrad(eps: float) -> Rule:
    def update(
        x: Sequence[float], g: Sequence[float], lr: float, t: int, m: Floats, v: Floats
    ) -> tuple[Floats, Floats, Floats]:
        s = [a + b * b for a, b in zip(v, g)]
        new = [a - lr * b / (math.sqrt(c) + eps) for a, b, c in zip(x, g, s)]
        return new, m, s

    return update


def _rmsprop(alpha: float, eps: float) -> Rule:
    keep = 1.0 - alpha

    def update(
        x: Sequence[float], g: Sequence[float], lr: float, t: int, m: Floats, v: Floats
    ) -> tuple[Floats, Floats, Floats]:
        s = [alpha * a + keep * b * b for a, b in zip(v, g)]
        new = [a - lr * b / (math.sqrt(c) + eps) for a, b, c in zip(x, g, s)]
        return new, m, s

    return update


def _adam(beta1: float, beta2: float, eps: float) -> Rule:
    k1, k2 = 1.0 - beta1, 1.0 - beta2

    def update(
        x: Sequence[float], g: Sequence[float], lr: float, t: int, m: Floats, v: Floats
    ) -> tuple[Floats, Floats, Floats]:
        if k1 < 0.5:  # torch's lerp, both of its branches
            m1 = [a + k1 * (b - a) for a, b in zip(m, g)]
        else:
            m1 = [b - (b - a) * (1.0 - k1) for a, b in zip(m, g)]
        v1 = [beta2 * a + k2 * b * b for a, b in zip(v, g)]
        step_size = lr / (1.0 - beta1**t)
        root = (1.0 - beta2**t) ** 0.5
        new = [a - step_size * b / (math.sqrt(c) / root + eps) for a, b, c in zip(x, m1, v1)]
        return new, m1, v1

    return update


def step(
    opt: Optimizer, memory: Memory, value: FloatArray, grad: FloatArray, lr: float
) -> tuple[FloatArray, Memory]:
    """One update of ``value`` by ``opt`` from ``memory``: the new value(s) and memory."""
    t = memory.step + 1
    m, v = memory.m.tolist(), memory.v.tolist()
    new, m, v = rule(opt)(value.tolist(), grad.tolist(), float(lr), t, m, v)
    return _frozen(new), Memory.of(t, m, v)
