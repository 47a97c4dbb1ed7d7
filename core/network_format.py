"""The network keys of a scenario file: which activation, which loss, which biases.

Format version 2 adds four optional top-level keys::

    "activation": "sigmoid" | "tanh" | "relu" | "leaky_relu" | "identity",
    "loss": "mse" | "half_mse" | "bce_logits",
    "conv_bias": b,     (a number; absent or null: no conv bias)
    "head_bias": c      (a number; absent or null: no head bias)

A file without them is the homework's network (sigmoid, MSE, no biases), so every version 1
file loads unchanged, and a file of the homework's network is still written as version 1 (an
older app opens it); a file that uses another network is written as version 2, which an older
app refuses rather than showing the wrong network. Pure Python; no Qt.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .activations import ACTIVATIONS, DEFAULT_ACTIVATION
from .losses import DEFAULT_LOSS, LOSSES
from .params import MAX_ABS_VALUE, Params, check_target

#: The version of a file whose network is not the homework's.
NETWORK_VERSION = 2
KEYS = ("activation", "loss", "conv_bias", "head_bias")


class NetworkError(ValueError):
    """A network key that cannot be used; the message names the field."""


def _name(value: object, where: str, names: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in names:
        raise NetworkError(f"{where}: {json.dumps(value)[:40]} is not one of {', '.join(names)}")
    return value


def _bias(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NetworkError(f"{where}: expected a number or null, got {json.dumps(value)[:40]}")
    try:
        value = float(value)
    except OverflowError:
        raise NetworkError(f"{where}: number too large") from None
    if not math.isfinite(value):
        raise NetworkError(f"{where}: must be finite, got {value}")
    if abs(value) > MAX_ABS_VALUE:
        raise NetworkError(f"{where}: magnitude must be at most {MAX_ABS_VALUE:g}")
    return value


def network_section(data: dict[str, Any]) -> dict[str, Any]:
    """The network a decoded file asks for: ``{activation, loss, b, c}``, validated."""
    return {
        "activation": _name(data.get("activation", DEFAULT_ACTIVATION), "activation", ACTIVATIONS),
        "loss": _name(data.get("loss", DEFAULT_LOSS), "loss", LOSSES),
        "b": _bias(data.get("conv_bias"), "conv_bias"),
        "c": _bias(data.get("head_bias"), "head_bias"),
    }


def check_network(p: Params) -> None:
    """Refuse a network whose values do not fit it (a cross-entropy target outside [0, 1])."""
    try:
        check_target(p.loss, p.yy)
    except ValueError as exc:
        raise NetworkError(str(exc)) from None


def network_keys(p: Params) -> dict[str, Any]:
    """The keys that write ``p``'s network: none for the homework's."""
    out: dict[str, Any] = {}
    if p.activation != DEFAULT_ACTIVATION:
        out["activation"] = p.activation
    if p.loss != DEFAULT_LOSS:
        out["loss"] = p.loss
    if p.b is not None:
        out["conv_bias"] = p.b
    if p.c is not None:
        out["head_bias"] = p.c
    return out
