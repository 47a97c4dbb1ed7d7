"""The walkthrough's factor labels, as a person sees them: each one sits on the diagram without
covering a box, a path badge, a caption or another label, on every step of every preset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from core.presets import preset
from core.walkthrough import steps

PRESETS = ["homework", "biases", "tanh", "cancelling", "classification", "zeroed"]


def _boxes(win) -> dict[str, QRectF]:
    """Every box and badge on show, by name, in scene coordinates."""
    scene = win.scene
    out = {n: item.sceneBoundingRect() for n, item in scene.nodes.items() if item.isVisible()}
    for c, badge in scene.badges.items():
        if badge.isVisible():
            out[f"badge {c}"] = badge.sceneBoundingRect()
    for caption in scene.headers + scene.legend:  # the column headers, the colour legend
        if hasattr(caption, "text") and caption.isVisible():
            out[caption.text()] = caption.sceneBoundingRect()
    return out


@pytest.mark.parametrize("name", PRESETS)
def test_no_factor_label_covers_a_box_a_badge_or_another_label(win, session, name):
    session.load_scenario(preset(name))
    session.lecture.start_walkthrough()
    seen = 0
    for k in range(len(steps(session.snapshot.params))):
        session.lecture.walk_to(k)
        labels = {
            key: label.sceneBoundingRect().adjusted(2, 2, -2, -2)  # the box, not its pen's edge
            for key, label in win.scene.labels.items()
            if label.isVisible()
        }
        seen += len(labels)
        for key, rect in labels.items():
            for other, box in _boxes(win).items():
                assert not rect.intersects(box), (name, k, key, label_text(win, key), other)
            for other, box in labels.items():
                assert other == key or not rect.intersects(box), (name, k, key, other)
    assert seen >= 12  # four paths of three factors, at least


def label_text(win, key: str) -> str:
    return win.scene.labels[key].text()
