"""The sentences that explain why a descent step is not taken, by key (see :mod:`core.live`).

Each is a template: :func:`core.live.walk` fills in the numbers of the step that would
diverge or stagnate, and the GUI passes the same keys translated. ``QT_TRANSLATE_NOOP`` marks
them for ``pyside6-lupdate``. Pure data; no Qt.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP

#: The sentences that explain a diverging step, by key; the GUI passes translated ones in.
REASONS: dict[str, str] = {
    "bound": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large, so the descent diverges: every step overshoots the bottom "
        "of the loss curve by more than the last, and step {step} would move {name} to "
        "{value}, beyond the bound ±{bound} (loss grew from {start} to {loss} by step {prev}); "
        "stopped at step {prev}",
    ),
    "bound_first": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large for the first step, so the descent cannot start: the "
        "gradient of {which} is {grad}, and the learning rate {lr} times it would move "
        "{which} to {value}, beyond the bound ±{bound}; stopped at step {prev}",
    ),
    "loss": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large, so the descent diverges: every step jumps past the bottom "
        "of the loss curve and lands higher, and at step {step} the loss would grow from "
        "{start} (step 0) to {new_loss}; stopped at step {prev}",
    ),
    "overflow": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large, so the descent diverges: the gradient overflowed at step {step}",
    ),
    "saturated": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large, so the descent stagnates: step {step} would throw {name} "
        "from {old} to {value}, where every sigmoid it feeds is saturated (flat: s'(z) is "
        "nearly 0), so its gradient would vanish to {grad} and descent would be stuck on a "
        "plateau (loss {loss} -> {new_loss}). Through the sigmoids the loss has a ceiling, "
        "so {name} cannot diverge: it gets stuck instead; stopped at step {prev}",
    ),
    "saturated_tanh": QT_TRANSLATE_NOOP(
        "Descent",
        "learning rate too large, so the descent stagnates: step {step} would throw {name} "
        "from {old} to {value}, where every tanh it feeds is saturated (flat: tanh'(z) is "
        "nearly 0), so its gradient would vanish to {grad} and descent would be stuck on a "
        "plateau (loss {loss} -> {new_loss}). Through tanh the loss has a ceiling, so {name} "
        "cannot diverge: it gets stuck instead; stopped at step {prev}",
    ),
    "dead_relu": QT_TRANSLATE_NOOP(
        "Descent",
        "the descent would stop dead: step {step} would move {name} from {old} to {value}, "
        "where every ReLU it feeds has z <= 0, so relu'(z) = 0, its gradient would be "
        "exactly {grad} and no later step could move it (loss {loss} -> {new_loss}); a "
        "smaller learning rate, or leaky_relu, keeps the cells alive; stopped at step {prev}",
    ),
    "all_weights": QT_TRANSLATE_NOOP("Descent", "the weights"),
}

#: Which reason explains a step into flat activations, by activation.
FLAT_REASON = {"sigmoid": "saturated", "tanh": "saturated_tanh", "relu": "dead_relu"}
