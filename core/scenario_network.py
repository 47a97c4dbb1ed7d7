"""A scenario with another network, or shown where the biases have no node yet.

:func:`with_network` is what the command line's ``--activation``, ``--loss``, ``--conv-bias``
and ``--head-bias`` do to a scenario (checked as a file's keys would be);
:func:`homework_selection` moves a selection or a descent off a bias, for the window, whose
diagram has no node for one yet. Pure Python; no Qt.
"""

from __future__ import annotations

from dataclasses import replace

from .model import parameters
from .network_format import NetworkError, check_network, network_keys, network_section
from .params import KEEP
from .scenario import Scenario, ScenarioError


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
