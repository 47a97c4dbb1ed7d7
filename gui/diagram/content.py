"""The text of each node and of its hover help, from a Snapshot."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.activations import SYMBOL
from core.explain import explain, explain_factor
from core.losses import COMMON, LOSS_SYMBOL
from core.model import CELLS, HEAD, TARGET, Params, parameters
from core.numfmt import fmt
from core.numfmt import fmt_operand as op
from core.walkthrough import updated

from .items import Line


def loss_symbol(p: Params) -> str:
    """How the loss is named in the diagram: MSE (the homework), L (half MSE) or BCE."""
    return LOSS_SYMBOL[p.loss]


def slope_name(p: Params, cell: str) -> str:
    """The conv cell's slope: ``s'(z00)`` in the homework, ``relu'(z00)`` with ReLU ..."""
    return f"{SYMBOL[p.activation]}'(z{cell})"


def dead_text(snap, cell: int) -> str:
    """Why a ReLU cell passes nothing back, with its numbers (or "" when it does)."""
    p, f = snap.params, snap.forward
    if p.activation != "relu" or f.ds.flat[cell] != 0.0:
        return ""
    text = QCoreApplication.translate(
        "Diagram", "relu'(z%1) = 0: z%1 = %2 <= 0, no gradient flows through this cell"
    )
    return text.replace("%1", CELLS[cell]).replace("%2", fmt(f.z.flat[cell]))


def loss_title(p: Params) -> str:
    """The loss box's title."""
    if p.loss == "half_mse":
        return QCoreApplication.translate("Diagram", "loss L")
    if p.loss == "bce_logits":
        return QCoreApplication.translate("Diagram", "loss BCE")
    return QCoreApplication.translate("Diagram", "loss MSE")


def conv_header(p: Params) -> str:
    """The conv column's header: its formula with the bias and the activation."""
    if p.b is None and p.activation == "sigmoid":
        return QCoreApplication.translate("Diagram", "Conv layer: z = window · w,  o = s(z)")
    text = QCoreApplication.translate("Diagram", "Conv layer: z = window · w%1,  o = %2(z)")
    return text.replace("%1", " + b" if p.b is not None else "").replace("%2", SYMBOL[p.activation])


def gradient_legend(p: Params) -> str:
    """The legend's line on the gradients' style, naming the loss."""
    if p.loss == "mse":
        return QCoreApplication.translate("Diagram", "∂ …: gradient ∂MSE/∂(node)")
    return QCoreApplication.translate("Diagram", "∂ …: gradient ∂%1/∂(node)").replace(
        "%1", loss_symbol(p)
    )


LOSS_FORMULA = {"mse": "(yy − ŷ)²", "half_mse": "(yy − ŷ)² / 2", "bce_logits": "softplus(ŷ) − yy·ŷ"}


def node_gradient(snap, name: str) -> float:
    """``dloss/d(name)`` for any node of the diagram."""
    f = snap.forward
    if name in parameters(snap.params):
        return snap.gradients[name]
    if name == TARGET:
        return -f.y_hat if snap.params.loss == "bce_logits" else -f.dloss_dyhat
    if name == "y_hat":
        return f.dloss_dyhat
    if name == "MSE":
        return 1.0
    c = CELLS.index(name[1:])
    return f.dloss_dyhat * float(snap.params.head[c]) * float(f.ds.flat[c])


def node_lines(snap, name: str) -> tuple[Line, ...]:
    f, p = snap.forward, snap.params
    big_l = loss_symbol(p)
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
        act, slope_of = SYMBOL[p.activation], slope_name(p, cell)
        slope = num(slope_of, f.ds.flat[c])
        return (
            Line(f"z{cell} = {num(name, f.z.flat[c])}"),
            Line(f"o{cell} = {act}(z{cell}) = {num('o' + cell, f.o.flat[c])}"),
            Line(f"{slope_of} = {slope}"),
            Line(f"∂{big_l}/∂z{cell} = {num('dMSE/d' + name, node_gradient(snap, name))}", "grad"),
        )
    if name == "y_hat":
        return (
            Line(num(name, f.y_hat), "value"),
            Line(f"∂{big_l}/∂ŷ = {num('dMSE/dy_hat', f.dloss_dyhat)}", "grad"),
        )
    if name == "MSE":
        return (Line(num(name, f.loss), "value"), Line(LOSS_FORMULA[p.loss]))
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
        if path.cell is None:
            title = QCoreApplication.translate("Diagram", "Path {0} into {1} via ŷ").format(
                k + 1, path.param
            )
        else:
            title = QCoreApplication.translate("Diagram", "Path {0} into {1} via z{2}").format(
                k + 1, path.param, CELLS[path.cell]
            )
        lines = [title, f"{chain}", f"= {nums} = {fmt(path.value)}", ""]
        if path.dead and path.cell is not None:
            lines += [dead_text(snap, path.cell), ""]
        lines += [explain_factor(fa, f, p) for fa in path.factors]
        lines += ["", QCoreApplication.translate("Diagram", "Click to show this path alone.")]
        return "\n".join(lines)
    grad, big_l = node_gradient(snap, name), loss_symbol(p)
    if name.startswith("z") and name[1:] in CELLS:
        cell = name[1:]
        slope_of, c = slope_name(p, cell), CELLS.index(cell)
        lines = [
            explain(p, name, f),
            explain(p, "o" + cell, f),
            explain(p, slope_of, f),
            f"∂{big_l}/∂z{cell} = d{big_l}/dŷ × {HEAD[c]} × {slope_of} = {fmt(grad)}",
        ]
        dead = dead_text(snap, c)
        return "\n".join(lines + ["", dead] if dead else lines)
    if name == "y_hat":
        common = COMMON[p.loss].replace("y_hat", "ŷ")
        return f"{explain(p, 'y_hat', f)}\n∂{big_l}/∂ŷ = {common} = {fmt(grad)}"
    if name == "MSE":
        return explain(p, "MSE", f)
    text = f"{name} = {fmt(snap.value(name), 8)}\n∂{big_l}/∂{name} = {fmt(grad, 6)}"
    if name in parameters(p):
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
