"""The scenario file: JSON holding every value a person set, validated on load, saved atomically.

Format (version 2)::

    {"format": "cnn-backprop-scenario", "version": 1,
     "name": "...", "description": "...",
     "input": [[a11, a12, a13], [a21, a22, a23], [a31, a32, a33]],
     "kernel": [[w11, w12], [w21, w22]],
     "head": [wa, wb, wc, wd],
     "target": yy,
     "activation": "sigmoid", "loss": "mse", "conv_bias": b, "head_bias": c,
     "learning_rate": 0.5, "selected": "w11",
     "optimizer": {...}, "descent": {...}, "view": {...}, "extras": {...}}

``input``, ``kernel``, ``head`` and ``target`` are required; the rest is optional. The network
keys (``activation``, ``loss``, ``conv_bias``, ``head_bias``; absent: the homework's network) are
described and validated in :mod:`core.network_format`. ``descent``
(mode, speed, stop rule, kept runs) and ``view`` (spotlit path, log scale) are described and
validated in :mod:`core.settings_format`; a file without them opens with the app's defaults.
``optimizer`` may stand at the top level or in ``descent`` (both, only if they agree); it is
kept in ``descent`` and written there.
``extras`` is an object kept as it is for anything else an interface wants to store. Keys
this version does not know (written by a later version of the app, or by another tool) are
kept too, at the top level and inside ``descent`` and ``view``, and written back unchanged.
"""

from __future__ import annotations

import json
import math
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .model import MAX_ABS_VALUE, Params, parameters
from .network_format import (
    KEYS as NETWORK_KEYS,
)
from .network_format import (
    NETWORK_VERSION,
    NetworkError,
    check_network,
    network_keys,
    network_section,
)
from .params import KEEP
from .settings_format import (
    LR_RANGE,
    FormatError,
    descent_section,
    optimizer_value,
    view_section,
)

FORMAT = "cnn-backprop-scenario"
VERSION = NETWORK_VERSION
#: The version a file of the homework's network is written as: older apps read it.
HOMEWORK_VERSION = 1
MAX_BYTES = 1_000_000
DEFAULT_LR = 0.5


class ScenarioError(ValueError):
    """A scenario that cannot be used; the message names the field and what is wrong."""


@dataclass(frozen=True)
class Scenario:
    params: Params
    name: str = ""
    description: str = ""
    learning_rate: float = DEFAULT_LR
    selected: str = "w11"
    extras: dict[str, Any] = field(default_factory=dict)
    descent: dict[str, Any] = field(default_factory=dict)
    view: dict[str, Any] = field(default_factory=dict)
    #: Keys this version does not read, as found: ``{"": {top-level keys}, "descent": {...},
    #: "view": {...}}`` (only the parts that have some).
    unknown: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: What loading changed to fit the window's limits, in words (never written to the file).
    notes: tuple[str, ...] = ()


KNOWN = {
    "": {
        "format", "version", "name", "description", "input", "kernel", "head", "target",
        "learning_rate", "selected", "descent", "view", "extras", "optimizer", *NETWORK_KEYS,
    },
    "descent": {"mode", "speed", "max_steps", "tol", "use_tol", "step", "runs", "optimizer"},
    "view": {"path", "log_scale"},
}  # fmt: skip


def _unknown(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The keys of ``data`` (and of its ``descent`` and ``view``) that this version ignores."""
    out: dict[str, dict[str, Any]] = {}
    for part, known in KNOWN.items():
        section = data if part == "" else data.get(part, {})
        extra = {k: v for k, v in section.items() if k not in known}
        if extra:
            try:
                json.dumps(extra, allow_nan=False)
            except ValueError:
                raise ScenarioError(f"{part or 'file'}: a key holds NaN or Infinity") from None
            out[part] = extra
    return out


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError(f"{where}: expected a number, got {json.dumps(value)[:40]}")
    try:
        value = float(value)
    except OverflowError:  # a huge JSON integer
        raise ScenarioError(f"{where}: number too large") from None
    if not math.isfinite(value):
        raise ScenarioError(f"{where}: must be finite, got {value}")
    if abs(value) > MAX_ABS_VALUE:
        raise ScenarioError(f"{where}: magnitude must be at most {MAX_ABS_VALUE:g}")
    return value


def _vector(value: object, n: int, where: str) -> list[float]:
    if not isinstance(value, list) or len(value) != n:
        raise ScenarioError(f"{where}: expected a list of {n} numbers")
    return [_number(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _matrix(value: object, n: int, where: str) -> list[list[float]]:
    if not isinstance(value, list) or len(value) != n:
        raise ScenarioError(f"{where}: expected {n} rows of {n} numbers ({n}x{n})")
    return [_vector(row, n, f"{where}[{i}]") for i, row in enumerate(value)]


def from_dict(data: object) -> Scenario:
    """Validate a decoded JSON document and build a :class:`Scenario`."""
    if not isinstance(data, dict):
        raise ScenarioError("the file must hold a JSON object")
    version = data.get("version", VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioError("version: expected a whole number")
    if version > VERSION:
        raise ScenarioError(f"version: file is format version {version}; this app reads {VERSION}")
    for key in ("input", "kernel", "head", "target"):
        if key not in data:
            raise ScenarioError(f"{key}: missing (required)")
    a = _matrix(data["input"], 3, "input")
    w = _matrix(data["kernel"], 2, "kernel")
    head = _vector(data["head"], 4, "head")
    yy = _number(data["target"], "target")
    try:
        params = Params.create(a, w, head, yy, **network_section(data))
        check_network(params)
    except NetworkError as exc:
        raise ScenarioError(str(exc)) from None
    lr = data.get("learning_rate", DEFAULT_LR)
    lr = _number(lr, "learning_rate")
    if lr <= 0:
        raise ScenarioError("learning_rate: must be greater than 0")
    notes = []
    low, high = LR_RANGE
    if not low <= lr <= high:
        fitted = min(max(lr, low), high)
        notes.append(
            f"learning_rate {lr:g} is outside the window's {low:g} to {high:g}: "
            f"it was brought to {fitted:g}"
        )
        lr = fitted
    texts = {}
    for key in ("name", "description"):
        texts[key] = data.get(key, "")
        if not isinstance(texts[key], str):
            raise ScenarioError(f"{key}: expected text")
    selected = data.get("selected", "w11")
    if selected not in parameters(params):
        raise ScenarioError(f"selected: {json.dumps(selected)[:40]} is not a parameter name")
    extras = data.get("extras", {})
    if not isinstance(extras, dict):
        raise ScenarioError("extras: expected an object")
    try:
        json.dumps(extras, allow_nan=False)
    except ValueError:
        raise ScenarioError("extras: holds NaN or Infinity") from None
    try:
        descent = with_top_optimizer(data, descent_section(data.get("descent", {})))
        view = view_section(data.get("view", {}))
    except FormatError as exc:
        raise ScenarioError(str(exc)) from None
    _check_names(params, descent)
    return Scenario(
        params,
        texts["name"],
        texts["description"],
        lr,
        selected,
        extras,
        descent,
        view,
        _unknown(data),
        tuple(notes),
    )


def _check_names(p: Params, descent: dict[str, Any]) -> None:
    """A bias named in ``descent`` (its mode, a kept run) must exist in the network."""
    names = parameters(p)
    mode = descent.get("mode")
    if mode in ("b", "c") and mode not in names:
        raise ScenarioError(f"descent.mode: {mode} is not a parameter of this network")
    for i, run in enumerate(descent.get("runs", ())):
        if run["x_name"] in ("b", "c") and run["x_name"] not in names:
            raise ScenarioError(f"descent.runs[{i}].x_name: not a parameter of this network")


def with_network(
    s: Scenario,
    activation: str | None = None,
    loss: str | None = None,
    conv_bias: object = KEEP,
    head_bias: object = KEEP,
) -> Scenario:
    """``s`` with another network, checked as a file's would be (:class:`ScenarioError`).

    None keeps the activation or loss; a bias takes a number, None (no bias) or ``KEEP``. A
    selection, descent mode or kept run on a bias that is gone falls back to the homework's.
    """
    data = network_keys(s.params)
    if activation is not None:
        data["activation"] = activation
    if loss is not None:
        data["loss"] = loss
    for key, bias in (("conv_bias", conv_bias), ("head_bias", head_bias)):
        if bias is not KEEP:
            data[key] = bias
    try:
        net = network_section(data)
        p = s.params.with_network(**net)
        check_network(p)
    except NetworkError as exc:
        raise ScenarioError(str(exc)) from None
    names = parameters(p)
    selected = s.selected if s.selected in names else "w11"
    descent = dict(s.descent)
    if descent.get("mode") in ("b", "c") and descent["mode"] not in names:
        descent["mode"] = "w11"
    if "runs" in descent:
        descent["runs"] = [r for r in descent["runs"] if r["x_name"] in names]
    return replace(s, params=p, selected=selected, descent=descent)


def homework_selection(s: Scenario) -> Scenario:
    """``s`` with a bias neither selected nor descending (w11 instead), its kept runs on a bias
    left out: for a view that shows no node for the biases."""
    selected = "w11" if s.selected in ("b", "c") else s.selected
    descent = dict(s.descent)
    if descent.get("mode") in ("b", "c"):
        descent["mode"] = "w11"
    if "runs" in descent:
        descent["runs"] = [r for r in descent["runs"] if r["x_name"] not in ("b", "c")]
    if (selected, descent) == (s.selected, s.descent):
        return s
    return replace(s, selected=selected, descent=descent)


def with_top_optimizer(data: dict[str, Any], descent: dict[str, Any]) -> dict[str, Any]:
    """``descent`` with the file's top-level ``optimizer`` in it; one that disagrees with the
    ``descent`` section's is refused (a file must say which one it means)."""
    if "optimizer" not in data:
        return descent
    top = optimizer_value(data["optimizer"], "optimizer")
    if descent.get("optimizer", top) != top:
        raise FormatError("optimizer: the top level and descent.optimizer differ; keep one")
    return {**descent, "optimizer": top}


def to_dict(s: Scenario) -> dict[str, Any]:
    p = s.params
    known: dict[str, Any] = {
        "format": FORMAT,
        "version": HOMEWORK_VERSION if p.is_homework else VERSION,
        "name": s.name,
        "description": s.description,
        "input": p.a.tolist(),
        "kernel": p.w.tolist(),
        "head": p.head.tolist(),
        "target": p.yy,
        **network_keys(p),
        "learning_rate": s.learning_rate,
        "selected": s.selected,
        **({"descent": dict(s.descent)} if s.descent else {}),
        **({"view": dict(s.view)} if s.view else {}),
        "extras": s.extras,
    }
    for part, keys in s.unknown.items():  # after the known ones, which always win
        section = known if part == "" else known.setdefault(part, {})
        for key, value in keys.items():
            section.setdefault(key, value)
    return known


def loads(data: bytes | str) -> Scenario:
    """Parse and validate scenario text or bytes (UTF-8, a BOM allowed)."""
    if len(data) > MAX_BYTES:
        raise ScenarioError(f"file too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ScenarioError("file is not UTF-8 text") from None
    data = data.lstrip("\ufeff")
    try:
        doc = json.loads(data, parse_int=_int)
    except RecursionError:
        raise ScenarioError("file is not valid JSON: nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ScenarioError(f"file is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    return from_dict(doc)


def _int(text: str) -> int | float:
    """JSON integers; one too long for an int becomes inf, which the field check refuses."""
    return int(text) if len(text) <= 400 else float(text)


def load(path: str | os.PathLike[str]) -> Scenario:
    """Read and validate a scenario file; any problem raises :class:`ScenarioError`.

    Only a regular file is read: a named pipe, a device or a folder is refused at once (a
    pipe opened for reading would wait for a writer forever). The file is opened without
    blocking and checked after opening, so nothing can be swapped in between.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ScenarioError(f"cannot read {path}: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ScenarioError(f"cannot read {path}: not a regular file")
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > MAX_BYTES:
            raise ScenarioError(
                f"{path}: file too large ({info.st_size:,} bytes; the limit is {MAX_BYTES:,})"
            )
        try:
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ScenarioError(f"cannot read {path}: {exc.strerror or exc}") from None
    return loads(data)


def dumps(s: Scenario) -> str:
    return json.dumps(to_dict(s), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save(s: Scenario, path: str | os.PathLike[str], replace_readonly: bool = False) -> None:
    """Write ``s`` to ``path`` atomically (:mod:`core.atomic` also keeps the file's permissions
    and follows a symlink); a read-only file raises :class:`core.atomic.ReadOnlyError`."""
    write_atomic(path, dumps(s).encode("utf-8"), replace_readonly)


PRESETS = Path(__file__).resolve().parent.parent / "resources" / "presets"


def default() -> Scenario:
    """The built-in scenario: the homework network with the shipped example numbers."""
    return load(PRESETS / "homework.json")
