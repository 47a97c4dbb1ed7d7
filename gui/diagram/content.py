"""The text of each node and of its hover help, from a Snapshot."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.explain import explain, explain_factor
from core.model import CELLS, HEAD, PARAMETERS, TARGET
from core.numfmt import fmt
from core.numfmt import fmt_operand as op
from core.walkthrough import updated

from .items import Line


def node_gradient(snap, name: str) -> float:
    """``dMSE/d(name)`` for any node of the diagram."""
    f = snap.forward
    if name in PARAMETERS:
        return snap.gradients[name]
    if name == TARGET:
        return -f.dloss_dyhat
    if name == "y_hat":
        return f.dloss_dyhat
    if name == "MSE":
        return 1.0
    c = CELLS.index(name[1:])
    return f.dloss_dyhat * float(snap.params.head[c]) * float(f.ds.flat[c])


def node_lines(snap, name: str) -> tuple[Line, ...]:
    f = snap.forward
    hidden = snap.concealed  # the quiz's values and what would give them away (core.quiz)

    def num(key: str, value: float) -> str:
        return "?" if key in hidden else fmt(value)

    step = snap.walk_step
    if step is not None and step.kind == "update" and name in (snap.selected, "MSE"):
        new, loss = updated(snap.params, snap.selected, snap.lr)
        old = snap.value(name) if name != "MSE" else f.loss
        shown = "?" if "after" in hidden else fmt(new if name != "MSE" else loss)
        return (
            Line(QCoreApplication.translate("Diagram", "was {0}").format(num(name, old)), "text"),
            Line(f"→ {shown}", "value"),
        )
    if name.startswith("z") and name[1:] in CELLS:
        cell = name[1:]
        c = CELLS.index(cell)
        slope = num(f"s'({name})", f.ds.flat[c])
        return (
            Line(f"z{cell} = {num(name, f.z.flat[c])}"),
            Line(f"o{cell} = s(z{cell}) = {num('o' + cell, f.o.flat[c])}"),
            Line(f"s'(z{cell}) = {slope}"),
            Line(f"∂MSE/∂z{cell} = {num('dMSE/d' + name, node_gradient(snap, name))}", "grad"),
        )
    if name == "y_hat":
        return (
            Line(num(name, f.y_hat), "value"),
            Line(f"∂MSE/∂ŷ = {num('dMSE/dy_hat', f.dloss_dyhat)}", "grad"),
        )
    if name == "MSE":
        return (Line(num(name, f.loss), "value"), Line("(yy − ŷ)²"))
    return (
        Line(fmt(snap.value(name)), "value"),
        Line(f"∂ {num('dMSE/d' + name, node_gradient(snap, name))}", "grad"),
    )


def tooltip(snap, name: str) -> str:
    """Hover help: the node's formula with numbers substituted, and its gradient."""
    p, f = snap.params, snap.forward
    if snap.hidden:
        return QCoreApplication.translate("Diagram", "Some values are hidden for the quiz.")
    if name.startswith("path"):
        k = int(name[4:])
        if not 0 <= k < len(snap.paths):
            return ""
        path = snap.paths[k]
        chain = " × ".join(fa.symbol for fa in path.factors)
        nums = " × ".join(op(fa.value) for fa in path.factors)
        lines = [
            QCoreApplication.translate("Diagram", "Path {0} into {1} via z{2}").format(
                k + 1, path.param, CELLS[path.cell]
            ),
            f"{chain}",
            f"= {nums} = {fmt(path.value)}",
            "",
        ]
        lines += [explain_factor(fa, f, p) for fa in path.factors]
        lines += ["", QCoreApplication.translate("Diagram", "Click to show this path alone.")]
        return "\n".join(lines)
    grad = node_gradient(snap, name)
    if name.startswith("z") and name[1:] in CELLS:
        cell = name[1:]
        return "\n".join(
            [
                explain(p, name, f),
                explain(p, "o" + cell, f),
                explain(p, f"s'(z{cell})", f),
                f"∂MSE/∂z{cell} = dMSE/dŷ × {HEAD[CELLS.index(cell)]} × s'(z{cell}) = {fmt(grad)}",
            ]
        )
    if name == "y_hat":
        return f"{explain(p, 'y_hat', f)}\n∂MSE/∂ŷ = -2(yy - ŷ) = {fmt(grad)}"
    if name == "MSE":
        return explain(p, "MSE", f)
    text = f"{name} = {fmt(snap.value(name), 8)}\n∂MSE/∂{name} = {fmt(grad, 6)}"
    if name in PARAMETERS:
        n = len(snap.paths) if snap.selected == name else None
        if n is not None:
            text += " " + QCoreApplication.translate("Diagram", "(the sum of {0} paths)").format(n)
        text += "\n\n" + QCoreApplication.translate(
            "Diagram",
            "Click to light its paths; drag or wheel to change it;\ndouble-click or Enter to type.",
        )
    else:
        text += "\n\n" + QCoreApplication.translate(
            "Diagram", "Drag or wheel to change it; double-click or Enter to type."
        )
    return text
