"""The network in words: one sentence a value, one a path, for the Values panel and screen
readers. Each reads what the diagram shows (a value hidden by the quiz reads "?")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.model import CELLS, CONV_BIAS, HEAD, HEAD_BIAS, INPUTS, KERNEL, TARGET, Params
from core.numfmt import fmt
from core.quiz import DLOSS

from ..state.snapshot import Snapshot
from .content import node_lines

#: Every value of the network in the diagram's order, left to right, top to bottom.
ROWS = (*INPUTS, *KERNEL, *(f"z{c}" for c in CELLS), *HEAD, "y_hat", TARGET, "MSE")


def rows(p: Params) -> tuple[str, ...]:
    """The rows of ``p``'s network: :data:`ROWS`, the conv bias after the kernel and the head
    bias after the head where they exist."""
    if p.b is None and p.c is None:
        return ROWS
    b = (CONV_BIAS,) if p.b is not None else ()
    c = (HEAD_BIAS,) if p.c is not None else ()
    return (*INPUTS, *KERNEL, *b, *(f"z{k}" for k in CELLS), *HEAD, *c, "y_hat", TARGET, "MSE")


def kind(name: str) -> str:
    """What the value is, in words."""
    if name in INPUTS:
        return QCoreApplication.translate("ValuesText", "input")
    if name in KERNEL:
        return QCoreApplication.translate("ValuesText", "kernel weight")
    if name in HEAD:
        return QCoreApplication.translate("ValuesText", "head weight")
    if name == TARGET:
        return QCoreApplication.translate("ValuesText", "target")
    if name == CONV_BIAS:
        return QCoreApplication.translate("ValuesText", "conv bias")
    if name == HEAD_BIAS:
        return QCoreApplication.translate("ValuesText", "head bias")
    if name == "y_hat":
        return QCoreApplication.translate("ValuesText", "prediction")
    if name == "MSE":
        return QCoreApplication.translate("ValuesText", "loss")
    return QCoreApplication.translate("ValuesText", "conv cell")


def shown(snap: Snapshot, name: str) -> tuple[str, str]:
    """``(value, gradient)`` as the diagram shows them ("" where it shows no gradient)."""
    lines = node_lines(snap, name)
    grads = [line.text for line in lines if line.role == "grad"]
    gradient = grads[0].split("=")[-1].removeprefix("∂").strip() if grads else ""
    value = lines[0].text.split("=")[-1].strip()
    if name == "MSE":
        gradient = ""
    return value, gradient


def sentence(snap: Snapshot, name: str) -> str:
    """``"w11, kernel weight, 0.4, gradient -0.3145"``; a conv cell adds its output."""
    value, gradient = shown(snap, name)
    parts = [name, kind(name), value]
    if name.startswith("z") and name[1:] in CELLS:
        lines = node_lines(snap, name)
        parts.append(
            QCoreApplication.translate("ValuesText", "output %1").replace("%1", lines[1].text)
        )
    if gradient:
        parts.append(
            QCoreApplication.translate("ValuesText", "gradient %1").replace("%1", gradient)
        )
    return ", ".join(parts)


def path_sentences(snap: Snapshot) -> list[str]:
    """Each path into the selected parameter as a sentence, then the gradient as their sum."""
    out, terms = [], []
    name = snap.selected
    concealed = snap.concealed
    for k, path in enumerate(snap.paths):
        hidden = f"path{k}" in concealed
        factors = [f"{f.equals} {fmt(f.value)}" for f in path.factors[1:]]
        common = "?" if DLOSS in concealed else fmt(path.factors[0].value)
        result = "?" if hidden else fmt(path.value)
        terms.append(result)
        if path.cell is None:
            text = QCoreApplication.translate(
                "ValuesText", "Path %1 into %2 via y_hat: %4 times dMSE/dy_hat %5 equals %6"
            )
        else:
            text = QCoreApplication.translate(
                "ValuesText", "Path %1 into %2 via z%3: %4 times dMSE/dy_hat %5 equals %6"
            )
        out.append(
            text.replace("%1", str(k + 1))
            .replace("%2", name)
            .replace("%3", path.via.removeprefix("z"))
            .replace("%4", QCoreApplication.translate("ValuesText", " times ").join(factors))
            .replace("%5", common)
            .replace("%6", result)
        )
    total = "?" if "grad" in concealed or "?" in terms else fmt(snap.gradients[name])
    out.append(
        QCoreApplication.translate(
            "ValuesText", "The gradient dMSE/d%1 is the sum of the paths: %2 equals %3"
        )
        .replace("%1", name)
        .replace("%2", QCoreApplication.translate("ValuesText", " plus ").join(terms))
        .replace("%3", total)
    )
    return out
