"""The guided walkthrough of one forward and backward pass, as pure data.

:func:`steps` lists what a lecture shows, in order: each conv cell formed (its 2x2 window, the
sum) and then squashed by the sigmoid, the head, the loss, the common factor dMSE/dy_hat, every
backprop path into the chosen parameter, their sum, and one gradient-descent update. A
:class:`Step` names the diagram nodes and edges to light, the path (if any), the derivation rows
to highlight (by :class:`core.latex.Item` role) and a one-line narration.

Every English sentence of the walkthrough is in :data:`NARRATION`; a step carries a key and its
arguments (numbers already formatted by :mod:`core.numfmt`), and the GUI translates the sentence
before filling it in. ``QT_TRANSLATE_NOOP`` marks the sentences for ``pyside6-lupdate``.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP
from .losses import LOSS_SYMBOL
from .model import CELLS, HEAD, KERNEL, Params, forward, gradients, window
from .numfmt import fmt
from .numfmt import fmt_operand as op
from .optimizers import SGD, Optimizer
from .paths import paths
from .walkthrough_optim import NARRATION as OPTIMIZER_NARRATION
from .walkthrough_optim import SHOWS_GRADIENT, update_args

CONTEXT = "Walkthrough"


#: The narration sentences, by key; ``{placeholders}`` are filled from :attr:`Step.args`.
NARRATION: dict[str, str] = {
    "conv_sum": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "The window slides to {a0}..{a3}: z{cell} = {symbols} = {numbers} = {z}",
    ),
    "conv_sigmoid": QT_TRANSLATE_NOOP(
        "Walkthrough", "Sigmoid: o{cell} = s(z{cell}) = 1 / (1 + e^-{z}) = {o}"
    ),
    "head": QT_TRANSLATE_NOOP(
        "Walkthrough", "The head weighs the four outputs: y_hat = {numbers} = {y_hat}"
    ),
    "loss": QT_TRANSLATE_NOOP(
        "Walkthrough", "The loss: MSE = (yy - y_hat)^2 = ({yy} - {y_hat})^2 = {loss}"
    ),
    "dloss": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "Backward: every path starts with dMSE/dy_hat = -2(yy - y_hat) = {value}",
    ),
    "path": QT_TRANSLATE_NOOP(
        "Walkthrough", "Path {k} of {n} via z{cell}: {symbols} = {numbers} = {value}"
    ),
    "sum": QT_TRANSLATE_NOOP(
        "Walkthrough", "The gradient is the sum of the paths: dMSE/d{param} = {terms} = {grad}"
    ),
    "update": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "One step: {param} <- {param} - lr x gradient = {old} - {lr} x {grad} = {new} "
        "(was {old}); the loss goes from {loss_old} to {loss_new}",
    ),
    # The same steps in another network (core.activations, core.losses):
    "conv_tanh": QT_TRANSLATE_NOOP(
        "Walkthrough", "tanh: o{cell} = tanh(z{cell}) = tanh({z}) = {o}"
    ),
    "conv_relu": QT_TRANSLATE_NOOP(
        "Walkthrough", "ReLU: o{cell} = max(z{cell}, 0) = max({z}, 0) = {o}"
    ),
    "conv_relu_dead": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "ReLU: o{cell} = max(z{cell}, 0) = max({z}, 0) = 0: z{cell} is not above 0, so this "
        "cell is dead and relu'(z{cell}) = 0",
    ),
    "conv_leaky_relu": QT_TRANSLATE_NOOP(
        "Walkthrough", "Leaky ReLU: o{cell} = max(z{cell}, 0.01 z{cell}) = {o}"
    ),
    "conv_identity": QT_TRANSLATE_NOOP("Walkthrough", "No activation: o{cell} = z{cell} = {o}"),
    "loss_half_mse": QT_TRANSLATE_NOOP(
        "Walkthrough", "The loss: L = (yy - y_hat)^2 / 2 = ({yy} - {y_hat})^2 / 2 = {loss}"
    ),
    "loss_bce_logits": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "The loss: BCE = log(1 + e^y_hat) - yy y_hat = log(1 + e^{y_hat}) - {yy} x {y_hat} "
        "= {loss}",
    ),
    "dloss_half_mse": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "Backward: every path starts with dL/dy_hat = -(yy - y_hat) = {value}: halving the "
        "square removes the 2",
    ),
    "dloss_bce_logits": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "Backward: every path starts with dBCE/dy_hat = s(y_hat) - yy = {value}",
    ),
    "path_dead": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "Path {k} of {n} via z{cell} is dead: relu'(z{cell}) = 0, so {symbols} = {numbers} "
        "= {value}",
    ),
    "path_bias": QT_TRANSLATE_NOOP(
        "Walkthrough", "Path {k} of {n}, straight into y_hat: {symbols} = {numbers} = {value}"
    ),
    "sum_loss": QT_TRANSLATE_NOOP(
        "Walkthrough",
        "The gradient is the sum of the paths: d{loss}/d{param} = {terms} = {grad}",
    ),
}


@dataclass(frozen=True)
class Step:
    """One step of the walkthrough.

    ``kind`` is a key of :data:`NARRATION`; ``nodes`` and ``edges`` are diagram names to light
    (edge keys as in the scene: ``head0``, ``headout0``, ``yhat_loss``, ``target_loss``,
    ``kern0``, ``inp0``); ``cell`` is the conv cell whose input window is outlined; ``path`` the
    backprop path shown; ``section`` the derivation rows (roles) to highlight.
    """

    kind: str
    args: tuple[tuple[str, str], ...]
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()
    cell: int | None = None
    path: int | None = None
    section: tuple[str, ...] = ()
    #: The key of the sentence in :data:`NARRATION`, when it is not ``kind`` (another network).
    key: str = ""

    def narration(
        self, texts: Mapping[str, str] = NARRATION, hidden: Set[str] = frozenset()
    ) -> str:
        """The sentence of this step, from ``texts`` (translated) with its numbers filled in.

        Numbers that would give away a value hidden for the quiz (``hidden``, quiz keys as in
        :mod:`core.quiz`) read ``?``.
        """
        args = dict(self.args)
        for arg, keys in _GIVES_AWAY.get(self.kind, {}).items():
            gives_away = {k.format(path=self.path) for k in keys}
            if arg in args and gives_away & set(hidden):
                args[arg] = "?"
        key = self.key or self.kind
        return texts.get(key, NARRATION[key]).format(**args)


_PATHS = tuple(f"path{k}" for k in range(4))

#: For each step kind, which of its arguments give away which quiz values.
_GIVES_AWAY: dict[str, dict[str, tuple[str, ...]]] = {
    "head": {"y_hat": ("y_hat",)},
    "loss": {"y_hat": ("y_hat",), "loss": ("MSE",)},
    "dloss": {"value": ("y_hat", "dMSE/dy_hat")},
    "path": {"value": ("y_hat", "path{path}"), "numbers": ("y_hat", "dMSE/dy_hat")},
    "sum": {"terms": ("y_hat", *_PATHS), "grad": ("grad", "y_hat", *_PATHS)},
    "update": {
        **{arg: ("grad",) for arg in SHOWS_GRADIENT},
        "new": ("after",),
        "loss_new": ("after",),
    },
}
NARRATION.update(OPTIMIZER_NARRATION)  # the last step under another optimizer


def _args(**kw: object) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in kw.items())


def _activation_key(p: Params, slope: float) -> str:
    """The sentence of a cell's activation step: the homework's, or the chosen activation's."""
    if p.activation == "sigmoid":
        return ""
    if p.activation == "relu" and slope == 0.0:
        return "conv_relu_dead"
    return f"conv_{p.activation}"


def updated(p: Params, param: str, lr: float) -> tuple[float, float]:
    """The value of ``param`` after one descent step, and the loss there."""
    new = p.get(param) - lr * gradients(p)[param]
    return new, forward(p.with_value(param, new)).loss


def steps(
    p: Params,
    param: str = "w11",
    lr: float = 0.5,
    optimizer: Optimizer = SGD,
    memory: tuple[int, float, float] = (0, 0.0, 0.0),
) -> tuple[Step, ...]:
    """Every step of the walkthrough of ``dMSE/d(param)`` and one update with rate ``lr``:
    plain gradient descent's, or ``optimizer``'s from ``memory`` (steps taken, m, v for this
    value; see :mod:`core.walkthrough_optim`)."""
    f = forward(p)
    out: list[Step] = []
    for c, cell in enumerate(CELLS):
        names = window(c)
        z, o = f.z.flat[c], f.o.flat[c]
        symbols = " + ".join(f"{a}*{w}" for a, w in zip(names, KERNEL, strict=True))
        numbers = " + ".join(f"{op(p.get(a))}*{op(p.get(w))}" for a, w in zip(names, KERNEL))
        if p.b is not None:
            symbols, numbers = f"{symbols} + b", f"{numbers} + {op(p.b)}"
        args = _args(a0=names[0], a3=names[3], cell=cell, symbols=symbols, numbers=numbers)
        nodes = (*names, *KERNEL, f"z{cell}")
        out.append(Step("conv_sum", (*args, ("z", fmt(z))), nodes, (), c, None, ("z",)))
        out.append(
            Step(
                "conv_sigmoid",
                _args(cell=cell, z=op(z) if p.activation == "sigmoid" else fmt(z), o=fmt(o)),
                (f"z{cell}",),
                (),
                c,
                None,
                ("o",),
                _activation_key(p, float(f.ds.flat[c])),
            )
        )
    head_nums = " + ".join(f"{op(p.head[i])}*{fmt(f.o.flat[i])}" for i in range(4))
    if p.c is not None:
        head_nums += f" + {op(p.c)}"
    out.append(
        Step(
            "head",
            _args(numbers=head_nums, y_hat=fmt(f.y_hat)),
            (*HEAD, *(f"z{c}" for c in CELLS), "y_hat"),
            tuple(f"{kind}{c}" for c in range(4) for kind in ("head", "headout")),
            section=("y_hat",),
        )
    )
    out.append(
        Step(
            "loss",
            _args(yy=fmt(p.yy), y_hat=op(f.y_hat), loss=fmt(f.loss)),
            ("y_hat", "yy", "MSE"),
            ("yhat_loss", "target_loss"),
            section=("loss",),
            key="" if p.loss == "mse" else f"loss_{p.loss}",
        )
    )
    out.append(
        Step(
            "dloss",
            _args(value=fmt(f.dloss_dyhat)),
            ("y_hat", "MSE"),
            ("yhat_loss",),
            section=("dloss",),
            key="" if p.loss == "mse" else f"dloss_{p.loss}",
        )
    )
    ps = paths(p, param, f)
    for k, path in enumerate(ps):
        at = path.cell
        symbols = " x ".join(fa.symbol for fa in path.factors)
        numbers = " x ".join(op(fa.value) for fa in path.factors)
        lit = [param, "y_hat", "MSE"]
        edges = ["yhat_loss"]
        if at is not None:
            lit.append(HEAD[at])
            edges.append(f"headout{at}")
        if at is not None and len(path.factors) > 2:  # through a conv cell
            lit.append(f"z{CELLS[at]}")
            edges += [f"head{at}", f"kern{at}", f"inp{at}"]
        if path.partner:
            lit.append(path.partner)
        key = "path_dead" if path.dead else ("path_bias" if at is None else "")
        out.append(
            Step(
                "path",
                _args(
                    k=k + 1,
                    n=len(ps),
                    cell="" if at is None else CELLS[at],
                    symbols=symbols,
                    numbers=numbers,
                    value=fmt(path.value),
                ),
                tuple(lit),
                tuple(edges),
                at if path.partner else None,
                k,
                ("chain", "local", "path_term"),
                key,
            )
        )
    grad = gradients(p, f)[param]
    terms = " + ".join(op(path.value) for path in ps)
    sum_args = _args(param=param, terms=terms, grad=fmt(grad, 6))
    if p.loss != "mse":
        sum_args += _args(loss=LOSS_SYMBOL[p.loss])
    out.append(
        Step(
            "sum",
            sum_args,
            (param, "y_hat", "MSE"),
            ("yhat_loss",),
            section=("result_lead", "path_term", "result"),
            key="" if p.loss == "mse" else "sum_loss",
        )
    )
    if optimizer.name != "sgd":
        key, kw = update_args(p, param, lr, grad, optimizer, memory)
        out.append(Step("update", _args(**kw), (param, "MSE"), section=("result",), key=key))
        return tuple(out)
    new, loss_new = updated(p, param, lr)
    out.append(
        Step(
            "update",
            _args(
                param=param,
                old=fmt(p.get(param), 6),
                lr=fmt(lr),
                grad=op(grad, 6),
                new=fmt(new, 6),
                loss_old=fmt(f.loss),
                loss_new=fmt(loss_new),
            ),
            (param, "MSE"),
            section=("result",),
        )
    )
    return tuple(out)
