"""Where a walkthrough's factor label goes on its edge: clear of every box, badge and label.

A label sits on its edge's middle when it fits there. On a short edge between two boxes (a
conv cell's output into its head weight, the prediction into the loss) the middle lies in a
gap narrower than the label: the label folds onto two lines, then moves along and off the
edge, and takes the first place that covers nothing. Where every place covers something, it
takes the one that covers least.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from .edges import EdgeLabel

ALONG = (0.5, 0.4, 0.6, 0.3, 0.7)  # where on the edge, as a share of its length
STEP = 14.0  # scene units between the heights tried off the edge
REACH = 7  # heights tried above and below: up to STEP * REACH off the edge
MARGIN = 3.0  # kept free around a label


def _overlap(rect: QRectF, taken: list[QRectF]) -> float:
    return sum(
        (r.width() * r.height()) for r in (rect.intersected(t) for t in taken) if not r.isEmpty()
    )


def _candidates():
    """(folded, along, offset from the edge), nearest the edge's middle first."""
    heights = [0.0] + [sign * STEP * k for k in range(1, REACH + 1) for sign in (1, -1)]
    for dx in (0.0, STEP, -STEP, 2 * STEP, -2 * STEP):
        for dy in heights:
            for t in ALONG:
                for folded in (False, True):
                    yield folded, t, QPointF(dx, dy)


def place_label(label: EdgeLabel, path: QPainterPath, taken: list[QRectF]) -> QRectF:
    """Place ``label`` on ``path`` clear of ``taken`` (scene rectangles); its box, placed."""
    boxes = {f: label.box_for(f).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN) for f in (False, True)}
    best: tuple[float, bool, QPointF] | None = None
    for folded, t, offset in _candidates():
        at = path.pointAtPercent(t) + offset
        rect = boxes[folded].translated(at)
        cover = _overlap(rect, taken)
        if best is None or cover < best[0]:
            best = (cover, folded, at)
        if cover == 0:
            break
    assert best is not None
    _cover, folded, at = best
    label.set_folded(folded)
    label.setPos(at)
    return label.box().translated(at)
