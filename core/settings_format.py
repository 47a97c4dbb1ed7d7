"""The optional ``descent`` and ``view`` sections of a scenario file: validated, normalised.

``descent`` holds how a person set up gradient descent::

    {"mode": "w11" | "selected" | "all weights" | any parameter name,
     "speed": 20, "max_steps": 200, "tol": 1e-6 | null, "use_tol": false,
     "step": 0,
     "optimizer": {"name": "adam", "betas": [0.9, 0.999], "eps": 1e-8},
     "runs": [{"label": "lr = 0.5", "lr": 0.5, "x_name": "w11",
               "x": [...], "steps": [...], "loss": [...],
               "optimizer": {"name": "momentum", "momentum": 0.9},
               "descended": "w11", "start": {"a11": 1, ...}, "path": {"w11": [...]}},
              ...]}   (at most 5 kept runs)

``view`` holds what the window shows: ``{"path": 0..3 | null, "log_scale": false}``.
Every key is optional; a missing key keeps the app's default. ``tol`` null means the
tolerance rule is off (older files); ``use_tol`` says whether it is on, so a tolerance that is
switched off keeps its value. ``step`` is the step on show: opening the file replays the descent
to it. ``optimizer`` (:mod:`core.optimizers`: a name and the hyperparameters it takes, each
defaulting to ``torch.optim``'s) is what takes the steps; without it, plain gradient descent
(``sgd``). A kept run's ``optimizer`` is the one that made it. A kept run may also say what
descended (``descended``: a name or ``"all weights"``), every value at its start (``start``)
and each descending value at each of its rows (``path``): the landscape draws it over any
two values from these; the three come together or not at all. Pure Python; no Qt.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

from .descent import ALL_WEIGHTS
from .model import ALL_PARAMETERS, BIASES, PARAMETERS
from .optimizers import SGD, Optimizer, OptimizerError, from_json

FOLLOW_SELECTION = "selected"
#: The modes of the homework's network.
MODES = (*PARAMETERS, FOLLOW_SELECTION, ALL_WEIGHTS)
#: The modes a file may name: a bias too (core.scenario checks that the network has it).
FILE_MODES = (*MODES, *BIASES)
SPEED_RANGE = (1.0, 1000.0)
#: The learning rates the window offers (its slider and field); a file's is brought into it.
LR_RANGE = (1e-4, 1e2)
MAX_STEPS = 10_000_000
MAX_RUNS = 5
MAX_RUN_POINTS = 2000


DEFAULT_TOL = 1e-6


@dataclass(frozen=True)
class DescentSettings:
    """How a person set up descent: what descends, how fast, and when play stops."""

    mode: str = "w11"  # a parameter name, FOLLOW_SELECTION or ALL_WEIGHTS
    speed: float = 20.0
    max_steps: int = 200
    tol: float = DEFAULT_TOL
    use_tol: bool = False
    optimizer: Optimizer = SGD

    @property
    def stop_tol(self) -> float | None:
        """The tolerance play stops at, or None when that rule is off."""
        return self.tol if self.use_tol else None

    def param(self, selected: str) -> str:
        """The parameter (or ALL_WEIGHTS) that descends when ``selected`` is selected."""
        return selected if self.mode == FOLLOW_SELECTION else self.mode


def settings_of(section: dict[str, Any]) -> DescentSettings:
    """The :class:`DescentSettings` of a validated ``descent`` section (defaults filled in)."""
    tol = section.get("tol")
    return DescentSettings(
        section.get("mode", "w11"),
        float(section.get("speed", 20.0)),
        int(section.get("max_steps", 200)),
        DEFAULT_TOL if tol is None else float(tol),
        bool(section.get("use_tol", tol is not None)),
        optimizer_of(section),
    )


def settings_section(s: DescentSettings) -> dict[str, Any]:
    """The ``descent`` keys that :func:`settings_of` reads back to ``s``."""
    return {
        "mode": s.mode,
        "speed": s.speed,
        "max_steps": s.max_steps,
        "tol": s.tol,
        "use_tol": s.use_tol,
        **optimizer_section(s.optimizer),
    }


def optimizer_of(section: dict[str, Any]) -> Optimizer:
    """The optimizer of a validated ``descent`` section (or kept run): ``sgd`` when absent."""
    given = section.get("optimizer")
    return SGD if given is None else from_json(given)


def optimizer_section(opt: Optimizer) -> dict[str, Any]:
    """``{"optimizer": ...}`` for a file, or nothing for plain gradient descent (the default,
    so a file that never used another optimizer is written as before)."""
    return {} if opt == SGD else {"optimizer": opt.to_json()}


def optimizer_value(value: object, where: str) -> dict[str, Any]:
    """A file's ``optimizer`` object, validated and normalised (defaults filled in)."""
    try:
        return from_json(value, where).to_json()
    except OptimizerError as exc:
        raise FormatError(str(exc)) from None


class FormatError(ValueError):
    """A section that cannot be used; the message names the field."""


class KeptRun(TypedDict):
    """One of the ``descent`` section's ``runs``, as :func:`descent_section` returns it."""

    label: str
    lr: float
    x_name: str
    x: list[float]
    steps: list[float]
    loss: list[float]
    optimizer: NotRequired[dict[str, Any]]
    descended: NotRequired[str]
    start: NotRequired[dict[str, float]]
    path: NotRequired[dict[str, list[float]]]


def _num(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FormatError(f"{where}: expected a number, got {json.dumps(value)[:40]}")
    try:
        value = float(value)
    except OverflowError:
        raise FormatError(f"{where}: number too large") from None
    if not math.isfinite(value):
        raise FormatError(f"{where}: must be finite")
    return value


def _series(value: object, where: str) -> list[float]:
    if not isinstance(value, list) or len(value) > MAX_RUN_POINTS:
        raise FormatError(f"{where}: expected a list of at most {MAX_RUN_POINTS} numbers")
    return [_num(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _run(value: object, where: str) -> KeptRun:
    if not isinstance(value, dict):
        raise FormatError(f"{where}: expected an object")
    label = value.get("label", "")
    if not isinstance(label, str):
        raise FormatError(f"{where}.label: expected text")
    lr = _num(value.get("lr"), f"{where}.lr")
    if lr <= 0:
        raise FormatError(f"{where}.lr: must be greater than 0")
    x_name = value.get("x_name", "w11")
    if x_name not in ALL_PARAMETERS:
        raise FormatError(f"{where}.x_name: not a parameter name")
    x, steps, loss = (_series(value.get(key), f"{where}.{key}") for key in ("x", "steps", "loss"))
    if not len(x) == len(steps) == len(loss):
        raise FormatError(f"{where}: x, steps and loss must have the same length")
    run = KeptRun(label=label, lr=lr, x_name=x_name, x=x, steps=steps, loss=loss)
    if "optimizer" in value:
        run["optimizer"] = optimizer_value(value["optimizer"], f"{where}.optimizer")
    went = _where_it_went(value, where, len(x))
    if went:
        run["descended"], run["start"], run["path"] = went
    return run


def _names(value: object, where: str) -> dict[str, Any]:
    """An object whose keys are value names (parameters or the target)."""
    if not isinstance(value, dict) or not value or not set(value) <= set(ALL_PARAMETERS) | {"yy"}:
        raise FormatError(f"{where}: expected an object keyed by value names")
    return value


def _where_it_went(
    value: dict[str, Any], where: str, rows: int
) -> tuple[str, dict[str, float], dict[str, list[float]]] | None:
    """A kept run's ``descended``, ``start`` and ``path``, checked (none, or all three)."""
    given = [k for k in ("descended", "start", "path") if k in value]
    if not given:
        return None
    if len(given) < 3:
        raise FormatError(f"{where}: descended, start and path come together")
    descended = value["descended"]
    if descended != ALL_WEIGHTS and descended not in ALL_PARAMETERS:
        raise FormatError(f"{where}.descended: not a parameter name or {ALL_WEIGHTS!r}")
    start = {
        k: _num(v, f"{where}.start.{k}")
        for k, v in _names(value["start"], f"{where}.start").items()
    }
    path = {
        k: _series(v, f"{where}.path.{k}")
        for k, v in _names(value["path"], f"{where}.path").items()
    }
    if any(len(v) != rows for v in path.values()):
        raise FormatError(f"{where}.path: each value needs one number a row of x")
    if descended != ALL_WEIGHTS and set(path) != {descended}:
        raise FormatError(f"{where}.path: expected the values of {descended} alone")
    return descended, start, path


def descent_section(value: object) -> dict[str, Any]:
    """Validate ``descent``; returns only the keys given, normalised."""
    if not isinstance(value, dict):
        raise FormatError("descent: expected an object")
    out: dict[str, Any] = {}
    if "mode" in value:
        if value["mode"] not in FILE_MODES:
            raise FormatError(f"descent.mode: {json.dumps(value['mode'])[:40]} is not a mode")
        out["mode"] = value["mode"]
    if "speed" in value:
        speed = _num(value["speed"], "descent.speed")
        if not SPEED_RANGE[0] <= speed <= SPEED_RANGE[1]:
            raise FormatError("descent.speed: must be from 1 to 1000 steps a second")
        out["speed"] = speed
    if "max_steps" in value:
        n = value["max_steps"]
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_STEPS:
            raise FormatError(f"descent.max_steps: expected a whole number from 1 to {MAX_STEPS}")
        out["max_steps"] = n
    if "tol" in value:
        tol = value["tol"]
        if tol is not None:
            tol = _num(tol, "descent.tol")
            if tol <= 0:
                raise FormatError("descent.tol: must be greater than 0, or null")
        out["tol"] = tol
    if "use_tol" in value:
        if not isinstance(value["use_tol"], bool):
            raise FormatError("descent.use_tol: expected true or false")
        out["use_tol"] = value["use_tol"]
    if "step" in value:
        n = value["step"]
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_STEPS:
            raise FormatError(f"descent.step: expected a whole number from 0 to {MAX_STEPS}")
        out["step"] = n
    if "optimizer" in value:
        out["optimizer"] = optimizer_value(value["optimizer"], "descent.optimizer")
    if "runs" in value:
        runs = value["runs"]
        if not isinstance(runs, list) or len(runs) > MAX_RUNS:
            raise FormatError(f"descent.runs: expected a list of at most {MAX_RUNS} runs")
        out["runs"] = [_run(r, f"descent.runs[{i}]") for i, r in enumerate(runs)]
    return out


def view_section(value: object) -> dict[str, Any]:
    """Validate ``view``; returns only the keys given."""
    if not isinstance(value, dict):
        raise FormatError("view: expected an object")
    out: dict[str, Any] = {}
    if "path" in value:
        path = value["path"]
        if path is not None and (
            isinstance(path, bool) or not isinstance(path, int) or not 0 <= path < 4
        ):
            raise FormatError("view.path: expected 0, 1, 2, 3 or null")
        out["path"] = path
    if "log_scale" in value:
        if not isinstance(value["log_scale"], bool):
            raise FormatError("view.log_scale: expected true or false")
        out["log_scale"] = value["log_scale"]
    return out
