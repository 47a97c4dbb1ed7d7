"""The window opens every variant's scenario and computes with its network; a file that selects
a bias, or descends on one, opens on it (the diagram has a node for each bias)."""

from __future__ import annotations

import json

import pytest

from core.model import forward
from core.presets import preset
from core.scenario import PRESETS, loads


@pytest.mark.parametrize("name", ["relu_dead", "tanh", "biases", "classification"])
def test_the_window_opens_each_new_preset_with_its_network(win, name):
    s = preset(name)
    win.session.load_scenario(s)
    snap = win.session.snapshot
    assert snap.params == s.params
    assert snap.forward.loss == forward(s.params).loss
    assert not win.session.modified
    assert win.session.scenario().params == s.params  # Save writes the same network


def test_a_file_that_selects_a_bias_opens_on_it_and_keeps_its_network(win):
    data = json.loads((PRESETS / "biases.json").read_text())
    data |= {"selected": "b", "descent": {"mode": "c", "step": 3}}
    win.session.load_scenario(loads(json.dumps(data)))
    snap = win.session.snapshot
    assert (snap.selected, snap.settings.mode, snap.step) == ("b", "c", 3)
    assert (snap.start.b, snap.start.c) == (-0.5, 0.3)
    assert snap.params.b == -0.5 and snap.params.c != 0.3  # three steps of descent on c
