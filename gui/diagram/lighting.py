"""What to light for a snapshot: a pure function from state to styles, tested without a scene.

For the selected parameter, every backprop path is lit from the loss back to it: the edge
y_hat -> MSE, the head link of its conv cell, the conv cell, and the edges to the parameter
(solid) and to the operand it is multiplied by (dashed). Colour is the term's sign, width its
magnitude. A spotlit path shows alone, with the 2x2 input window its conv cell sees. A dead
path (a ReLU cell with z <= 0, slope exactly 0) is drawn grey and dotted, its badge reading 0.
The conv bias b lights its link into each cell (``bias0``..``bias3``), the head bias c its link
into y_hat (``cbias``), whose path's badge has the key :data:`HEAD_BIAS_BADGE`.

During the walkthrough (``snap.walk_step`` is set) the step decides instead: the nodes and edges
it names are lit and the rest dimmed; a path step spotlights its path and writes each local
derivative on its edge; the sum step lights every path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.losses import LOSS_SYMBOL
from core.model import CELLS, CONV_BIAS, HEAD, HEAD_BIAS, INPUTS, KERNEL, window
from core.numfmt import fmt

from ..look import palette
from .items import Emphasis

BASE = Emphasis()
WALK_TINT = "#EFE6F5"
TINT = {palette.POSITIVE: "#FCEBDD", palette.NEGATIVE: "#DDEEF8", palette.NEUTRAL: "#F1F3F4"}
HEAD_BIAS_BADGE = 4  # the badge key of the head bias's one path (the others are conv cells)
DEAD_WIDTH = 3.0
HIDDEN_WIDTH = 4.0  # every path whose term the quiz hides: neither its sign nor its size


def bias_edge(cell: int) -> str:
    """The key of the conv bias's link into conv cell ``cell``."""
    return f"bias{cell}"


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    width: float
    dashed: bool = False
    source: str = ""  # the node the edge starts from (path edges only)
    dotted: bool = False  # a dead path


@dataclass
class Lighting:
    nodes: dict[str, Emphasis] = field(default_factory=dict)  # missing: BASE
    edges: dict[str, EdgeStyle] = field(default_factory=dict)  # missing: hidden/base
    badges: dict[int, tuple[int, str, str]] = field(default_factory=dict)  # cell -> content
    window: int | None = None  # the conv cell whose input window is outlined
    window_color: str = palette.NEUTRAL
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # edge -> (text, colour)


def plan(snap) -> Lighting:
    """The lighting of ``snap`` (a :class:`gui.state.session.Snapshot`)."""
    step = snap.walk_step
    if step is None:
        return _paths(snap, snap.path)
    if step.kind == "path":
        out = _paths(snap, step.path)
        _label_path(out, snap, step.path)
        return out
    if step.kind == "sum":
        return _paths(snap, None)
    return _walk(snap, step)


def _walk(snap, step) -> Lighting:
    """A forward step (or the common factor, or the update): light what it names, dim the rest."""
    out = Lighting()
    lit = Emphasis(palette.WALK, 3.5, WALK_TINT)
    p = snap.params
    biases = tuple(b for b in (CONV_BIAS, HEAD_BIAS) if p.has(b))
    lit_names = set(step.nodes)
    edges = list(step.edges)
    if step.kind == "conv_sum" and p.b is not None and step.cell is not None:
        lit_names.add(CONV_BIAS)  # the bias is added to every cell's sum
        edges.append(bias_edge(step.cell))
    if step.kind == "head" and p.c is not None:
        lit_names.add(HEAD_BIAS)
        edges.append("cbias")
    names = (*INPUTS, *KERNEL, *HEAD, *(f"z{c}" for c in CELLS), "y_hat", "yy", "MSE", *biases)
    for name in names:
        out.nodes[name] = lit if name in lit_names else Emphasis(dimmed=True)
    for key in edges:
        out.edges[key] = EdgeStyle(palette.WALK, 5.0)
    if step.kind == "update":
        out.nodes[snap.selected] = Emphasis(palette.SELECTED, 3.5, "#E3F4EE", selected=True)
    if step.kind == "dloss":
        factor = snap.forward.dloss_dyhat
        shown = "?" if "dMSE/dy_hat" in snap.concealed else fmt(factor)
        out.labels["yhat_loss"] = (f"∂{LOSS_SYMBOL[p.loss]}/∂ŷ = {shown}", palette.WALK)
    if step.cell is not None:
        out.window, out.window_color = step.cell, palette.WALK
    return out


def _label_path(out: Lighting, snap, k: int) -> None:
    """Write each local derivative of path ``k`` on the edge it belongs to."""
    path = snap.paths[k]
    color = _term_style(path.value, f"path{k}" in snap.concealed, 1.0)[0]
    if snap.selected in KERNEL:
        into = f"kern{path.cell}"
    elif snap.selected == CONV_BIAS:
        into = bias_edge(path.cell)
    else:
        into = f"inp{path.cell}"
    keys = {
        "dloss_dyhat": "yhat_loss",
        "dyhat_do": f"headout{path.cell}",
        "dyhat_dparam": "cbias" if path.cell is None else f"headout{path.cell}",
        "do_dz": f"head{path.cell}",
        "dz_dparam": into,
    }
    hidden = snap.concealed
    for factor in path.factors:
        if factor.kind == "dloss_dyhat":
            loss = LOSS_SYMBOL[snap.params.loss]
            text = f"∂{loss}/∂ŷ = {'?' if 'dMSE/dy_hat' in hidden else fmt(factor.value)}"
        else:  # the symbol is in the narration and the formula; the edge says what it equals
            text = f"{factor.equals} = {'?' if factor.equals in hidden else fmt(factor.value)}"
        out.labels[keys[factor.kind]] = (text, color)


def _term_style(value: float, hidden: bool, largest: float) -> tuple[str, float]:
    """A path term's (or the gradient's) colour and width: its sign and size, or, hidden for
    the quiz, the same grey and width for every hidden one, giving neither away."""
    if hidden:
        return palette.NEUTRAL, HIDDEN_WIDTH
    return palette.sign_hex(value), palette.path_width(value, largest)


def _paths(snap, spot: int | None) -> Lighting:
    out = Lighting()
    ps, hidden = snap.paths, snap.concealed
    # widths compare the terms on show: a hidden term's size would show in the others'
    largest = max((abs(p.value) for k, p in enumerate(ps) if f"path{k}" not in hidden), default=0)
    shown = [p for k, p in enumerate(ps) if spot is None or k == spot]
    grad = snap.gradients[snap.selected]
    total_color, total_width = _term_style(grad, "grad" in hidden, abs(grad) or 1.0)
    out.edges["yhat_loss"] = EdgeStyle(total_color, total_width)
    for node in ("y_hat", "MSE"):
        out.nodes[node] = Emphasis(total_color, 3.0, TINT[total_color])
    for k, p in enumerate(ps):
        if p not in shown:
            continue
        concealed = f"path{k}" in hidden
        color, width = _term_style(p.value, concealed, largest)
        dead = p.dead and not concealed  # dotted and grey would say "0"
        if dead:
            color, width = palette.sign_hex(p.value), DEAD_WIDTH
        shown_value = "?" if concealed else fmt(p.value)
        if p.cell is None:  # the head bias: straight into y_hat
            out.badges[HEAD_BIAS_BADGE] = (k, shown_value, color)
            out.edges["cbias"] = EdgeStyle(color, width)
            continue
        emph = Emphasis(color, max(2.5, width / 2), TINT[color])
        cell = CELLS[p.cell]
        out.badges[p.cell] = (k, shown_value, color)
        out.edges[f"head{p.cell}"] = EdgeStyle(color, width, dotted=dead)
        out.edges[f"headout{p.cell}"] = EdgeStyle(color, width, dotted=dead)
        out.nodes[f"z{cell}"] = emph
        if snap.selected in HEAD:
            continue
        if snap.selected == CONV_BIAS:
            out.edges[bias_edge(p.cell)] = EdgeStyle(color, width, dotted=dead)
            continue
        target = "kern" if snap.selected in KERNEL else "inp"
        partner = "inp" if target == "kern" else "kern"
        out.edges[f"{target}{p.cell}"] = EdgeStyle(color, width, False, snap.selected, dead)
        thin = max(1.5, width / 2)
        out.edges[f"{partner}{p.cell}"] = EdgeStyle(color, thin, not dead, p.partner, dead)
        out.nodes[p.partner] = Emphasis(color, 2.5, TINT[color])
    for c in range(4):
        out.nodes.setdefault(HEAD[c], BASE)
    for p in shown:
        if p.cell is not None:
            out.nodes[HEAD[p.cell]] = out.nodes[f"z{CELLS[p.cell]}"]
    out.nodes[snap.selected] = Emphasis(palette.SELECTED, 3.0, "#E3F4EE", selected=True)
    if spot is not None and 0 <= spot < len(ps) and ps[spot].cell is None:
        for name in (*INPUTS, *KERNEL, *HEAD, *(f"z{c}" for c in CELLS)):
            out.nodes[name] = Emphasis(dimmed=True)
    elif spot is not None and 0 <= spot < len(ps):
        p = ps[spot]
        out.window = p.cell
        out.window_color = _term_style(p.value, f"path{spot}" in hidden, largest)[0]
        keep = set(out.nodes) | set(window(p.cell)) | {"yy"}
        for name in (*INPUTS, *KERNEL, *HEAD, *(f"z{c}" for c in CELLS)):
            if name not in keep or (name in HEAD and name != HEAD[p.cell]):
                out.nodes[name] = Emphasis(dimmed=True)
    return out
