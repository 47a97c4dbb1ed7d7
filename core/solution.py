"""A worked solution in Markdown with LaTeX math, as a student hands it in.

The three steps of the homework with every forward value and every backward factor written
out and the current numbers substituted (the formulas of :func:`core.latex.derivation`), then
the answer and a finite-difference check. The prose comes in ``texts`` so an interface can pass
translated sentences; :data:`TEXTS` holds the English ones. Pure Python; no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping

from .descent import central_difference, relative_error
from .i18n import QT_TRANSLATE_NOOP
from .latex import TEXTS as LATEX_TEXTS
from .latex import Item, derivation, num
from .model import CELLS, HEAD, INPUTS, KERNEL, TARGET, forward, gradients
from .paths import Path, paths
from .scenario import Scenario

#: English prose; every key may be replaced by a translation.
TEXTS: dict[str, str] = {
    **LATEX_TEXTS,
    "title": QT_TRANSLATE_NOOP("Solution", "Worked solution: the gradient of {param}"),
    "scenario": QT_TRANSLATE_NOOP("Solution", "Scenario: {name}"),
    "given": QT_TRANSLATE_NOOP("Solution", "Given"),
    "given_note": QT_TRANSLATE_NOOP(
        "Solution",
        "Input a (3×3), filter w (2×2, shared by the four conv cells), "
        "head weights wa..wd and the target yy:",
    ),
    "answer": QT_TRANSLATE_NOOP("Solution", "Answer"),
    "answer_line": QT_TRANSLATE_NOOP(
        "Solution", "The gradient of the loss with respect to {param} is {value}."
    ),
    "shares": QT_TRANSLATE_NOOP(
        "Solution", "Each path's share of the gradient (the common factor included):"
    ),
    "share_row": QT_TRANSLATE_NOOP("Solution", "path {k} via {cell}: {value}"),
    "check": QT_TRANSLATE_NOOP(
        "Solution", "Check: a central finite difference gives {fd} (relative error {err})."
    ),
    "network_note": QT_TRANSLATE_NOOP(
        "Solution", "This network's activation is {activation} and its loss is {loss}."
    ),
    # the derivation's notes, in this context too (the worked solution is translated as one)
    "note_conv_bias": QT_TRANSLATE_NOOP(
        "Solution", "b is the conv bias: one number added to each of the four conv cells."
    ),
    "note_head_bias": QT_TRANSLATE_NOOP(
        "Solution", "c is the head bias, added to the prediction y\u0302."
    ),
    "note_dead": QT_TRANSLATE_NOOP(
        "Solution",
        "Path {k} is dead: z{cell} = {z} is not above 0, where ReLU is flat, so its slope "
        "is exactly 0 and the path adds nothing.",
    ),
}


def _via(path: Path) -> str:
    """The node a path passes, as inline math: ``$z_{00}$``, or ``$\\hat{y}$`` for c."""
    return "$\\hat{y}$" if path.cell is None else f"$z_{{{CELLS[path.cell]}}}$"


def _given(s: Scenario) -> list[str]:
    p = s.params
    rows = ["| | 1 | 2 | 3 |", "|---|---|---|---|"]
    for i in range(3):
        rows.append(f"| a{i + 1}· | " + " | ".join(f"${num(v)}$" for v in p.a[i]) + " |")
    rows += ["", "| | 1 | 2 |", "|---|---|---|"]
    for i in range(2):
        rows.append(f"| w{i + 1}· | " + " | ".join(f"${num(v)}$" for v in p.w[i]) + " |")
    names = [*HEAD, *(n for n in ("b", "c") if p.has(n)), TARGET]
    rows += ["", "| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    rows.append("| " + " | ".join(f"${num(p.get(n))}$" for n in names) + " |")
    return rows


def _math(rows: list[str]) -> str:
    if len(rows) == 1 and "&" not in rows[0]:
        return f"$$\n{rows[0]}\n$$"
    return "$$\n\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}\n$$"


def _row(item: Item) -> str:
    from .latex_document import _align_row

    return _align_row(item)


def markdown(s: Scenario, param: str = "w11", texts: Mapping[str, str] = TEXTS) -> str:
    """The worked solution of ``dMSE/d(param)`` for scenario ``s``."""

    def t(key: str, **args: object) -> str:
        return texts.get(key, TEXTS[key]).format(**args)

    p = s.params
    f = forward(p)
    grad = gradients(p, f)[param]
    out = [f"# {t('title', param=param)}", ""]
    if s.name:
        out += [f"*{t('scenario', name=s.name)}*", ""]
    out += [f"## {t('given')}", "", t("given_note"), ""]
    if not p.is_homework:
        out += [t("network_note", activation=f"`{p.activation}`", loss=f"`{p.loss}`"), ""]
    out += [*_given(s), ""]
    pending: list[str] = []

    def flush() -> None:
        if pending:
            out.extend([_math(pending), ""])
            pending.clear()

    for item in derivation(p, param, fwd=f):
        if item.kind == "heading":
            flush()
            out += [f"## {item.heading({**LATEX_TEXTS, **texts})}", ""]
        elif item.kind == "note":
            flush()
            out += [item.heading({**LATEX_TEXTS, **texts}), ""]
        else:
            pending.append(_row(item))
            if item.role not in ("lead", "chain", "result_lead", "path_term"):
                flush()
    flush()
    out += [f"## {t('answer')}", "", t("answer_line", param=param, value=f"${num(grad, 6)}$"), ""]
    out += [t("shares"), ""]
    for k, path in enumerate(paths(p, param, f), 1):
        cell = _via(path)
        out.append("- " + t("share_row", k=k, cell=cell, value=f"${num(path.value, 6)}$"))
    fd = central_difference(p, param)
    err = f"{relative_error(fd, grad):.1e}"
    out += ["", t("check", fd=f"${num(fd, 6)}$", err=err), ""]
    return "\n".join(out)


__all__ = ["INPUTS", "KERNEL", "TEXTS", "markdown"]
