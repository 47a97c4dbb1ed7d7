"""The homework network gives today's outputs, character for character, on every shipped preset.

``homework_outputs.json`` was recorded before the network could vary (activation, biases, loss):
every number and sentence of the report, derivation, solution, walkthrough, paths, quiz graph,
descent and loss curves of the homework's presets must still hash the same.
"""

from __future__ import annotations

import json

import homework_outputs


def test_every_homework_output_is_what_it_was():
    want = json.loads(homework_outputs.RECORD.read_text())
    got = homework_outputs.digests()
    assert sorted(got) == sorted(want)
    changed = sorted(k for k in want if got[k] != want[k])
    assert not changed, f"{len(changed)} outputs changed, first: {changed[:5]}"
