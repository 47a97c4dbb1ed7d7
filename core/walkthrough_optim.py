"""The walkthrough's last step under an optimizer other than plain gradient descent.

Plain descent's step is ``v <- v - lr x gradient`` (:data:`core.walkthrough.NARRATION`'s
``update``). The other optimizers of :mod:`core.optimizers` keep a memory between steps, and
their step says what it holds and how it moves the value: the velocity of momentum and
Nesterov, Adagrad's sum and RMSprop's mean of squared gradients, Adam's two moments and their
bias correction. The numbers are those of :func:`core.optimizers.rule` itself, from the memory
the run has for the value (fresh before its first step); no Qt.
"""

from __future__ import annotations

import math

from .i18n import QT_TRANSLATE_NOOP
from .model import Params, forward
from .numfmt import fmt
from .numfmt import fmt_operand as op
from .optimizers import Optimizer, rule

#: One optimizer's step, by key ``update_<name>``; ``{placeholders}`` as in core.walkthrough.
NARRATION: dict[str, str] = {
    "update_momentum": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "One momentum step (mu = {mu}, step {t}): the velocity v <- mu x v + gradient = "
        "{mu} x {v_old} + {grad} = {v_new}; {param} <- {param} - lr x v = {old} - {lr} x "
        "{v_new} = {new}; the loss goes from {loss_old} to {loss_new}",
    ),
    "update_nesterov": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "One Nesterov step (mu = {mu}, step {t}): the velocity v <- mu x v + gradient = "
        "{mu} x {v_old} + {grad} = {v_new}; {param} <- {param} - lr x (gradient + mu x v) = "
        "{old} - {lr} x ({grad} + {mu} x {v_new}) = {new}; the loss goes from {loss_old} to "
        "{loss_new}",
    ),
    "update_adagrad": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "One Adagrad step (step {t}): the sum of squared gradients s <- s + gradient^2 = "
        "{s_old} + ({grad})^2 = {s_new}; {param} <- {param} - lr x gradient / (sqrt(s) + eps) "
        "= {old} - {lr} x {grad} / ({root} + {eps}) = {new}; the loss goes from {loss_old} to "
        "{loss_new}",
    ),
    "update_rmsprop": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "One RMSprop step (alpha = {alpha}, step {t}): the mean squared gradient s <- alpha x s "
        "+ (1 - alpha) x gradient^2 = {alpha} x {s_old} + {keep} x ({grad})^2 = {s_new}; "
        "{param} <- {param} - lr x gradient / (sqrt(s) + eps) = {old} - {lr} x {grad} / "
        "({root} + {eps}) = {new}; the loss goes from {loss_old} to {loss_new}",
    ),
    "update_adam": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "One Adam step (betas {b1}, {b2}, step {t}): m <- b1 x m + (1 - b1) x gradient = "
        "{m_new}; v <- b2 x v + (1 - b2) x gradient^2 = {v_new}; corrected for their start "
        "at 0, m / (1 - b1^t) = {m_hat} and v / (1 - b2^t) = {v_hat}; {param} <- {param} - lr "
        "x {m_hat} / (sqrt({v_hat}) + eps) = {old} - {lr} x {m_hat} / ({root} + {eps}) = "
        "{new}; the loss goes from {loss_old} to {loss_new}",
    ),
}

#: The arguments of these steps that show the gradient (hidden for the quiz with it).
SHOWS_GRADIENT = ("grad", "v_new", "s_new", "m_new", "m_hat", "v_hat", "root")


def update_args(
    p: Params,
    param: str,
    lr: float,
    grad: float,
    opt: Optimizer,
    memory: tuple[int, float, float] = (0, 0.0, 0.0),
) -> tuple[str, dict[str, str]]:
    """The sentence key and its arguments for one step of ``opt`` on ``param``.

    ``memory`` is ``(steps taken, m, v)`` of :class:`core.optimizers.Memory` for this value.
    """
    t, m, v = memory
    t += 1
    old = p.get(param)
    (new,), (m1,), (v1,) = rule(opt)([old], [grad], float(lr), t, [m], [v])
    loss_new = forward(p.with_value(param, new)).loss
    args = {
        "param": param,
        "t": str(t),
        "old": fmt(old, 6),
        "lr": fmt(lr),
        "grad": op(grad, 6),
        "new": fmt(new, 6),
        "loss_old": fmt(forward(p).loss),
        "loss_new": fmt(loss_new),
    }
    eps = "" if opt.eps is None else fmt(opt.eps)
    if opt.name in ("momentum", "nesterov"):
        args |= {"mu": fmt(opt.momentum or 0.0), "v_old": op(m, 6), "v_new": op(m1, 6)}
    elif opt.name in ("adagrad", "rmsprop"):
        args |= {"s_old": op(v, 6), "s_new": fmt(v1, 6), "root": fmt(math.sqrt(v1), 6)}
        args |= {"eps": eps}
        if opt.name == "rmsprop":
            alpha = opt.alpha or 0.0
            args |= {"alpha": fmt(alpha), "keep": fmt(1.0 - alpha)}
    elif opt.name == "adam":
        b1, b2 = opt.betas or (0.9, 0.999)
        m_hat, v_hat = m1 / (1.0 - b1**t), v1 / (1.0 - b2**t)
        args |= {"b1": fmt(b1), "b2": fmt(b2), "m_new": op(m1, 6), "v_new": fmt(v1, 6)}
        args |= {"m_hat": op(m_hat, 6), "v_hat": fmt(v_hat, 6)}
        args |= {"root": fmt(math.sqrt(v_hat), 6), "eps": eps}
    return f"update_{opt.name}", args
