"""The homework's derivation as LaTeX, with the current numbers substituted.

:func:`derivation` returns the three steps of the homework as a list of :class:`Item`: step
headings and notes (as keys the GUI translates) and formulas (LaTeX strings, each marked with the
backprop path its term belongs to, if any). :func:`document` turns the same derivation into a
complete LaTeX document. Colours come in as hex strings from a function of a path's value, so
this module knows nothing of Qt.

Colours follow the diagram legend's rule: each bracket term (a path's product of local
derivatives) is coloured by its *own* sign, and the common factor ``-2(yy - y_hat)`` that
multiplies the whole bracket has its own neutral colour, so a positive term is never drawn in
the "negative" colour because the common factor happens to be negative.

The homework's slips are not copied: the activation is the *sigmoid*, and
``dMSE/dy_hat = (2/n)(yy - y_hat) x (-1) = -2(yy - y_hat)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP
from .latex_network import (
    COMMON_TEX,
    LOSS_TEX,
    activation_row,
    dloss_rows,
    loss_row,
    slope_equals,
    slope_number,
    slope_reason,
    slope_rule,
    slope_sym,
)
from .latex_numbers import num as num
from .latex_numbers import operand as operand
from .losses import LOSS_SYMBOL
from .model import CELLS, HEAD, KERNEL, Forward, Params, forward, gradients, window
from .numfmt import fmt
from .paths import Factor, Path, paths

#: The muted colour of the terms of the paths that are not spotlit.
DIMMED = "#9AA0A6"

#: The common factor dMSE/dy_hat of the homework, written out (other losses: COMMON_TEX).
COMMON_FACTOR = COMMON_TEX["mse"]

#: English texts of the heading and note keys; the GUI passes translated ones in.
TEXTS: dict[str, str] = {
    "title": "HW 1-3: the gradient of {param}",
    "step1": QT_TRANSLATE_NOOP("Solution", "Step 1. Define the model's values"),
    "step2": QT_TRANSLATE_NOOP(
        "Solution", "Step 2. The gradient of {param}: a sum over its {n} backprop paths"
    ),
    "step2_one": QT_TRANSLATE_NOOP(
        "Solution", "Step 2. The gradient of {param}: one backprop path"
    ),
    "step3": QT_TRANSLATE_NOOP("Solution", "Step 3. Compute each partial derivative"),
    "note_yhat": QT_TRANSLATE_NOOP(
        "Solution", "y\u0302 is the model's prediction; yy is the target."
    ),
    "note_z": QT_TRANSLATE_NOOP(
        "Solution",
        "z00, z01, z10, z11 are the conv layer's values before the activation function.",
    ),
    "note_substitute": QT_TRANSLATE_NOOP(
        "Solution", "Substituting every result into the formula of Step 2:"
    ),
    "note_conv_bias": QT_TRANSLATE_NOOP(
        "DerivationPanel", "b is the conv bias: one number added to each of the four conv cells."
    ),
    "note_head_bias": QT_TRANSLATE_NOOP(
        "DerivationPanel", "c is the head bias, added to the prediction y\u0302."
    ),
    "note_dead": QT_TRANSLATE_NOOP(
        "DerivationPanel",
        "Path {k} is dead: z{cell} = {z} is not above 0, where ReLU is flat, so its slope "
        "is exactly 0 and the path adds nothing.",
    ),
}


@dataclass(frozen=True)
class Item:
    """One entry of the derivation.

    ``kind`` is ``"heading"``, ``"note"`` or ``"formula"``. For headings and notes ``text`` is a
    key of :data:`TEXTS` and ``args`` fill its ``{placeholders}``; for formulas ``text`` is LaTeX
    (no ``$``) and ``path`` is the index (into ``core.paths.paths``) of the path the formula is
    the term of, or None. ``role`` names what a formula shows (``"result"``, ``"path_term"`` ...).
    """

    kind: str
    text: str
    path: int | None = None
    role: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def heading(self, texts: Mapping[str, str] = TEXTS) -> str:
        """The heading or note text, from ``texts`` (translated) with its arguments filled in."""
        return texts.get(self.text, TEXTS.get(self.text, self.text)).format(**dict(self.args))


# -- numbers and symbols ---------------------------------------------------------------------


def sym(name: str) -> str:
    """A value's name as LaTeX: ``w11 -> w_{11}``, ``wa -> w_{a}``, ``y_hat -> \\hat{y}``."""
    if name == "y_hat":
        return r"\hat{y}"
    if name in LOSS_TEX:
        return LOSS_TEX[name]
    if name in ("yy", "b", "c", "1"):
        return name
    if "'(z" in name:
        return slope_sym(name)
    return f"{name[0]}_{{{name[1:]}}}"


def partial(top: str, bottom: str) -> str:
    r"""``\frac{\partial top}{\partial bottom}`` for two value names."""
    return rf"\frac{{\partial {sym(top)}}}{{\partial {sym(bottom)}}}"


def _factor_symbol(f: Factor) -> str:
    top, bottom = f.symbol.split("/")
    return partial(top[1:], bottom[1:])


def _factor_equals(f: Factor, factor: bool = False) -> str:
    """What ``f`` equals; a ``factor`` of a product is bracketed where it is a difference."""
    if f.kind == "do_dz":
        return slope_equals(f.equals, factor)
    return sym(f.equals)


def _factor_local(f: Factor, fwd: Forward) -> str:
    """``symbol &= what it equals = its number`` for one local derivative."""
    tail = num(f.value)
    if f.equals == "1":  # a bias's own factor
        return rf"{_factor_symbol(f)} &= 1"
    if f.kind == "do_dz":
        number = _factor_number(f, fwd)
        if number != operand(f.value):
            tail = f"{number} = {tail}"
        tail += slope_reason(f.equals, fwd, CELLS)
    return rf"{_factor_symbol(f)} &= {_factor_equals(f)} = {tail}"


def _factor_number(f: Factor, fwd: Forward, factor: bool = False) -> str:
    if f.kind == "do_dz":
        return slope_number(f.equals, f.value, fwd, CELLS, factor)
    return operand(f.value)


def colored(tex: str, color: str | None) -> str:
    """``tex`` in ``color`` (a ``#RRGGBB`` string), scoped to a group; unchanged if None."""
    return rf"{{\color{{{color}}}{tex}}}" if color else tex


# -- the derivation --------------------------------------------------------------------------


def derivation(
    p: Params,
    param: str = "w11",
    color: Callable[[float], str] | None = None,
    highlight: int | None = None,
    fwd: Forward | None = None,
    common: str | None = None,
) -> list[Item]:
    """The derivation of ``dMSE/d(param)`` in the homework's three steps.

    ``color(term)`` gives the colour of a bracket term from its own value (None: no colour);
    ``common`` is the colour of the common factor ``-2(yy - y_hat)`` (None: no colour). When
    ``highlight`` is a path index, the other paths' terms in the summed result are drawn in
    :data:`DIMMED`.
    """
    f = forward(p) if fwd is None else fwd
    ps = paths(p, param, f)
    return [
        *_step1(p, f),
        *_step2(param, ps, color, common, LOSS_SYMBOL[p.loss]),
        *_step3(p, f, param, ps, color, highlight, common),
    ]


def term_color(path: Path, color: Callable[[float], str] | None) -> str | None:
    """The colour of a path's bracket term: that of the term's own sign."""
    return color(bracket(path)) if color else None


def _path_color(
    path: Path, color: Callable[[float], str] | None, highlight: int | None, k: int
) -> str | None:
    if highlight is not None and k != highlight:
        return DIMMED
    return term_color(path, color)


def _step1(p: Params, f: Forward) -> list[Item]:
    z_rows, o_rows = [], []
    for c, cell in enumerate(CELLS):
        names = window(c)
        pairs = list(zip(names, KERNEL, strict=True))
        symbols = " + ".join(f"{sym(a)}{sym(w)}" for a, w in pairs)
        numbers = " + ".join(rf"{operand(p.get(a))}\times{operand(p.get(w))}" for a, w in pairs)
        if p.b is not None:
            symbols, numbers = f"{symbols} + b", f"{numbers} + {operand(p.b)}"
        z_rows.append(rf"z_{{{cell}}} &= {symbols}")
        z_rows.append(rf"&= {numbers} = {num(f.z.flat[c])}")
        o_rows.append(activation_row(p, cell, float(f.z.flat[c]), float(f.o.flat[c])))
    head = " + ".join(f"{sym(h)}\\,o_{{{c}}}" for h, c in zip(HEAD, CELLS, strict=True))
    head_n = " + ".join(rf"{operand(p.head[i])}\times{num(f.o.flat[i])}" for i in range(len(HEAD)))
    if p.c is not None:
        head, head_n = f"{head} + c", f"{head_n} + {operand(p.c)}"
    notes = [Item("note", "note_yhat"), Item("note", "note_z")]
    notes += [Item("note", "note_conv_bias")] if p.b is not None else []
    notes += [Item("note", "note_head_bias")] if p.c is not None else []
    return [
        Item("heading", "step1"),
        *notes,
        Item("formula", _aligned(z_rows), role="z"),
        Item("formula", _aligned(o_rows), role="o"),
        Item(
            "formula",
            _aligned([rf"\,\hat{{y}} &= {head}", rf"&= {head_n} = {num(f.y_hat)}"]),
            role="y_hat",
        ),
        Item("formula", loss_row(p, f), role="loss"),
    ]


def _aligned(rows: list[str]) -> str:
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def _step2(
    param: str,
    ps: tuple[Path, ...],
    color: Callable[[float], str] | None,
    common: str | None,
    loss: str = "MSE",
) -> list[Item]:
    n = len(ps)
    args = (("param", param), ("n", str(n)))
    out = [Item("heading", "step2" if n > 1 else "step2_one", args=args)]
    factor = colored(partial(loss, "y_hat"), common)
    out.append(Item("formula", rf"{partial(loss, param)} = {factor}\,\Bigl[", role="lead"))
    for k, path in enumerate(ps):
        chain = "".join(_factor_symbol(fa) for fa in path.factors[1:])
        plus = "+ " if k else r"\phantom{+}\ "
        close = r"\;\Bigr]" if k == n - 1 else ""  # not "\ ": it uncolours the term
        out.append(
            Item("formula", plus + colored(chain, term_color(path, color)) + close, k, "chain")
        )
    return out


def _step3(
    p: Params,
    f: Forward,
    param: str,
    ps: tuple[Path, ...],
    color: Callable[[float], str] | None,
    highlight: int | None,
    neutral: str | None,
) -> list[Item]:
    common = ps[0].factors[0]
    loss = LOSS_SYMBOL[p.loss]
    out = [Item("heading", "step3")]
    value = colored(num(common.value), neutral)
    out.append(Item("formula", _aligned(dloss_rows(p, f, value)), role="dloss"))
    rule = slope_rule(p)
    if rule and any(fa.kind == "do_dz" for fa in ps[0].factors):
        role = "sigmoid" if p.activation == "sigmoid" else "activation"
        out.append(Item("formula", rule, role=role))
    for k, path in enumerate(ps):
        local = _aligned([_factor_local(fa, f) for fa in path.factors[1:]])
        out.append(Item("formula", colored(local, term_color(path, color)), k, "local"))
        if path.dead and path.cell is not None:
            cell, z = CELLS[path.cell], fmt(f.z_cells[path.cell])
            args = (("k", str(k + 1)), ("cell", cell), ("z", z))
            out.append(Item("note", "note_dead", k, "dead", args))
    out.append(Item("note", "note_substitute"))
    out.append(
        Item(
            "formula",
            rf"{partial(loss, param)} = {colored(COMMON_TEX[p.loss], neutral)}\,\Bigl[",
            role="result_lead",
        )
    )
    n = len(ps)
    for k, path in enumerate(ps):
        term = r"\,".join(_factor_equals(fa, factor=True) for fa in path.factors[1:])
        numbers = r"\times".join(_factor_number(fa, f, factor=True) for fa in path.factors[1:])
        plus = "+ " if k else r"\phantom{+}\ "
        close = r"\;\Bigr]" if k == n - 1 else ""  # not "\ ": it uncolours the term
        body = colored(f"{term} = {numbers} = {num(bracket(path))}", term_color(path, color))
        out.append(Item("formula", plus + body + close, k, "path_term"))
    terms = " + ".join(
        colored(operand(bracket(path)), _path_color(path, color, highlight, k))
        for k, path in enumerate(ps)
    )
    grad = gradients(p, f)[param]
    total = sum(bracket(path) for path in ps)
    factor = colored(operand(common.value), neutral)
    out.append(
        Item(
            "formula",
            _aligned(
                [
                    rf"{partial(loss, param)} &= {factor} \times \bigl[{terms}\bigr]",
                    rf"&= {factor} \times {operand(total)} = {num(grad, 6)}",
                ]
            ),
            role="result",
        )
    )
    return out


def bracket(path: Path) -> float:
    """A path's bracket term: its product of local derivatives, without the common factor."""
    value = 1.0
    for factor in path.factors[1:]:
        value *= factor.value
    return value
