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
from .model import CELLS, HEAD, KERNEL, Params, forward, gradients, window
from .numfmt import fmt
from .numfmt import fmt_operand as op
from .paths import paths

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
        return texts.get(self.kind, NARRATION[self.kind]).format(**args)


_PATHS = tuple(f"path{k}" for k in range(4))

#: For each step kind, which of its arguments give away which quiz values.
_GIVES_AWAY: dict[str, dict[str, tuple[str, ...]]] = {
    "head": {"y_hat": ("y_hat",)},
    "loss": {"y_hat": ("y_hat",), "loss": ("MSE",)},
    "dloss": {"value": ("y_hat", "dMSE/dy_hat")},
    "path": {"value": ("y_hat", "path{path}"), "numbers": ("y_hat", "dMSE/dy_hat")},
    "sum": {"terms": ("y_hat", *_PATHS), "grad": ("grad", "y_hat", *_PATHS)},
    "update": {"grad": ("grad",), "new": ("after",), "loss_new": ("after",)},
}


def _args(**kw: object) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in kw.items())


def updated(p: Params, param: str, lr: float) -> tuple[float, float]:
    """The value of ``param`` after one descent step, and the loss there."""
    new = p.get(param) - lr * gradients(p)[param]
    return new, forward(p.with_value(param, new)).loss


def steps(p: Params, param: str = "w11", lr: float = 0.5) -> tuple[Step, ...]:
    """Every step of the walkthrough of ``dMSE/d(param)`` and one update with rate ``lr``."""
    f = forward(p)
    out: list[Step] = []
    for c, cell in enumerate(CELLS):
        names = window(c)
        z, o = f.z.flat[c], f.o.flat[c]
        symbols = " + ".join(f"{a}*{w}" for a, w in zip(names, KERNEL, strict=True))
        numbers = " + ".join(f"{op(p.get(a))}*{op(p.get(w))}" for a, w in zip(names, KERNEL))
        args = _args(a0=names[0], a3=names[3], cell=cell, symbols=symbols, numbers=numbers)
        nodes = (*names, *KERNEL, f"z{cell}")
        out.append(Step("conv_sum", (*args, ("z", fmt(z))), nodes, (), c, None, ("z",)))
        out.append(
            Step(
                "conv_sigmoid",
                _args(cell=cell, z=op(z), o=fmt(o)),
                (f"z{cell}",),
                (),
                c,
                None,
                ("o",),
            )
        )
    head_nums = " + ".join(f"{op(p.head[i])}*{fmt(f.o.flat[i])}" for i in range(4))
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
        )
    )
    out.append(
        Step(
            "dloss",
            _args(value=fmt(f.dloss_dyhat)),
            ("y_hat", "MSE"),
            ("yhat_loss",),
            section=("dloss",),
        )
    )
    ps = paths(p, param, f)
    for k, path in enumerate(ps):
        c = path.cell
        symbols = " x ".join(fa.symbol for fa in path.factors)
        numbers = " x ".join(op(fa.value) for fa in path.factors)
        lit = [param, "y_hat", "MSE", HEAD[c]]
        edges = ["yhat_loss", f"headout{c}"]
        if len(path.factors) > 2:  # through a conv cell
            lit.append(f"z{CELLS[c]}")
            edges += [f"head{c}", f"kern{c}", f"inp{c}"]
        if path.partner:
            lit.append(path.partner)
        out.append(
            Step(
                "path",
                _args(
                    k=k + 1,
                    n=len(ps),
                    cell=CELLS[c],
                    symbols=symbols,
                    numbers=numbers,
                    value=fmt(path.value),
                ),
                tuple(lit),
                tuple(edges),
                c if path.partner else None,
                k,
                ("chain", "local", "path_term"),
            )
        )
    grad = gradients(p, f)[param]
    terms = " + ".join(op(path.value) for path in ps)
    out.append(
        Step(
            "sum",
            _args(param=param, terms=terms, grad=fmt(grad, 6)),
            (param, "y_hat", "MSE"),
            ("yhat_loss",),
            section=("result_lead", "path_term", "result"),
        )
    )
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
