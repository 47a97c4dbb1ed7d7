"""What a descent is doing, said in words a student understands: diverging, stagnating, oscillating.

The live view shows one of these in its banner while the run is on show, and says why; a calm
descent (the loss going down, the steps settling) gets no banner. The rules read only the
recorded rows up to the step on show and the slopes of the sigmoids there:

* **diverging**: the loss rose on each of the last :data:`WINDOW` steps, every step was
  longer than the one before, and the loss is now above where the run started (a bouncing
  run whose loss stays below its start is oscillating, not diverging). Each step overshoots
  the bottom by more than the last; the learning rate is too large. (Descent stops when the
  loss has grown :data:`~core.live.LOSS_GROWTH` times, see :mod:`core.live`.)
* **stagnating**: one conv weight or input descends and every sigmoid it feeds is saturated,
  ``s'(z) < STAGNANT_SLOPE`` (``|z| > 6.9``; ``s'`` is 0.25 at its most). The gradient is a
  product with ``s'(z)``, so it nearly vanishes and the steps barely move: the run is stuck on
  a plateau, not at a minimum. Through the sigmoids the loss stays bounded, so a too-large
  rate on such a value never blows up: it throws the value onto the plateau instead.
* **oscillating**: the gradient pointed the other way after each of the last :data:`WINDOW`
  steps (for several values together: successive gradients at more than 90 degrees). Each
  step jumps past the bottom of the loss curve: the learning rate is too large for how curved
  the curve is there. A single overshoot followed by a calm descent is not oscillation, and
  neither is a run whose loss fell by more than half over those steps (:data:`SETTLING`): its
  swings are damped and it is converging, as many weights descending together usually do.

Pure numpy; no Qt. The sentences are templates (``REASONS``); the GUI passes translated ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .descent import ALL_WEIGHTS, weights
from .i18n import QT_TRANSLATE_NOOP
from .live import feeds
from .model import FloatArray, Params, flat, forward
from .numfmt import fmt

WINDOW = 3  # how many steps in a row make a pattern
STAGNANT_SLOPE = 1e-3  # s'(z) below this is "flat": 1/250 of the sigmoid's steepest slope
SETTLING = 0.5  # a loss that fell below this part of itself over the window is settling
GRAD_FLOOR = 1e-9  # a gradient this small has converged; its sign is rounding noise

REASONS: dict[str, str] = {
    "diverging": QT_TRANSLATE_NOOP(
        "Behaviour",
        "Diverging: the learning rate {lr} is too large. Every step jumps past the bottom of "
        "the loss curve and lands higher, so the loss grew on each of the last {n} steps "
        "({first} -> {last}) and the steps keep growing. Lower the learning rate.",
    ),
    "stagnating": QT_TRANSLATE_NOOP(
        "Behaviour",
        "Stagnating: every sigmoid {name} feeds is saturated at {name} = {value} (s'(z) <= "
        "{slope}, nearly 0), so the gradient vanishes ({grad}) and each step moves {name} only "
        "{move}: stuck on a plateau, not at a minimum. The sigmoids cap the loss, so too large "
        "a learning rate strands {name} here instead of blowing up. Lower it and reset.",
    ),
    "oscillating": QT_TRANSLATE_NOOP(
        "Behaviour",
        "Oscillating: each step overshoots the bottom of the loss curve, so the gradient of "
        "{name} changed sign after each of the last {n} steps ({grads}). The learning rate "
        "{lr} is too large for how curved the loss is here; a smaller one settles.",
    ),
    "all_weights": QT_TRANSLATE_NOOP("Behaviour", "the weights"),
}


@dataclass(frozen=True)
class Behaviour:
    """``kind`` is ``"diverging"``, ``"stagnating"`` or ``"oscillating"``; ``message`` says why."""

    kind: str
    message: str


def _consecutive(steps: Sequence[int]) -> bool:
    return all(b - a == 1 for a, b in zip(steps, steps[1:]))


def describe(
    param: str,
    steps: Sequence[int],
    values: FloatArray,
    grads: FloatArray,
    loss: Sequence[float],
    lr: float,
    params: Params,
    start_loss: float,
    reasons: Mapping[str, str] = REASONS,
) -> Behaviour | None:
    """What the descent of ``param`` is doing at the last of the rows given, or None if calm.

    ``steps``, ``values`` (rows x width), ``grads`` (the same shape) and ``loss`` are the rows
    recorded up to the step on show, oldest first (only the last ``WINDOW + 1`` matter);
    ``lr`` is the learning rate; ``params`` the network's values at the step on show;
    ``start_loss`` the loss at step 0.
    """
    values = np.asarray(values, dtype=np.float64).reshape(len(steps), -1)
    grads = np.asarray(grads, dtype=np.float64).reshape(len(steps), -1)
    name = reasons["all_weights"] if param == ALL_WEIGHTS else param
    k = len(steps) - 1
    recent = slice(max(0, k - WINDOW), k + 1)
    full = k >= WINDOW and _consecutive([int(s) for s in steps[recent]])
    if full:
        moves = np.linalg.norm(np.diff(values[recent], axis=0), axis=1)
        rising = all(b > a for a, b in zip(loss[recent], list(loss[recent])[1:]))
        if rising and loss[k] > start_loss and all(b > a for a, b in zip(moves, moves[1:])):
            text = reasons["diverging"].format(
                lr=fmt(lr), n=WINDOW, first=fmt(loss[k - WINDOW]), last=fmt(loss[k])
            )
            return Behaviour("diverging", text)
    if param != ALL_WEIGHTS and params.activation == "sigmoid":  # the sentence says sigmoid
        a, w, _ = flat(params)
        fed = feeds(a, w, param)
        ds = forward(params).ds_cells
        if fed and all(ds[c] < STAGNANT_SLOPE for c in fed):
            grad = float(grads[k, 0])
            text = reasons["stagnating"].format(
                name=name,
                value=fmt(float(values[k, 0])),
                slope=fmt(max(ds[c] for c in fed)),
                grad=fmt(grad),
                move=fmt(abs(lr * grad)),
                loss=fmt(float(loss[k])),
            )
            return Behaviour("stagnating", text)
    if full:
        rows: list[list[float]] = grads[recent].tolist()
        turned = all(sum(x * y for x, y in zip(p, q)) < 0 for p, q in zip(rows, rows[1:]))
        settling = loss[k] < SETTLING * loss[k - WINDOW]
        steep = min(max(abs(x) for x in row) for row in rows) > GRAD_FLOOR
        if turned and steep and not settling:
            last = [abs(x) for x in rows[-1]]
            j = last.index(max(last))  # the value that swings the most
            shown = ", ".join(("+" if row[j] > 0 else "") + fmt(row[j], 3) for row in rows)
            if param == ALL_WEIGHTS:
                name = weights(params)[j]
            text = reasons["oscillating"].format(name=name, n=WINDOW, grads=shown, lr=fmt(lr))
            return Behaviour("oscillating", text)
    return None
