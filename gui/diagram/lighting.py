"""What to light for a snapshot: a pure function from state to styles, tested without a scene.

For the selected parameter, every backprop path is lit from the loss back to it: the edge
y_hat -> MSE, the head link of its conv cell, the conv cell, and the edges to the parameter
(solid) and to the operand it is multiplied by (dashed). Colour is the term's sign, width its
magnitude. A spotlit path shows alone, with the 2x2 input window its conv cell sees.

During the walkthrough (``snap.walk_step`` is set) the step decides instead: the nodes and edges
it names are lit and the rest dimmed; a path step spotlights its path and writes each local
derivative on its edge; the sum step lights every path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import CELLS, HEAD, INPUTS, KERNEL, window
from core.numfmt import fmt

from ..look import palette
from .items import Emphasis

BASE = Emphasis()
WALK_TINT = "#EFE6F5"
TINT = {palette.POSITIVE: "#FCEBDD", palette.NEGATIVE: "#DDEEF8", palette.NEUTRAL: "#F1F3F4"}


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    width: float
    dashed: bool = False
    source: str = ""  # the node the edge starts from (path edges only)


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
    for name in (*INPUTS, *KERNEL, *HEAD, *(f"z{c}" for c in CELLS), "y_hat", "yy", "MSE"):
        out.nodes[name] = lit if name in step.nodes else Emphasis(dimmed=True)
    for key in step.edges:
        out.edges[key] = EdgeStyle(palette.WALK, 5.0)
    if step.kind == "update":
        out.nodes[snap.selected] = Emphasis(palette.SELECTED, 3.5, "#E3F4EE", selected=True)
    if step.kind == "dloss":
        factor = snap.forward.dloss_dyhat
        shown = "?" if "dMSE/dy_hat" in snap.concealed else fmt(factor)
        out.labels["yhat_loss"] = (f"∂MSE/∂ŷ = {shown}", palette.WALK)
    if step.cell is not None:
        out.window, out.window_color = step.cell, palette.WALK
    return out


def _label_path(out: Lighting, snap, k: int) -> None:
    """Write each local derivative of path ``k`` on the edge it belongs to."""
    path = snap.paths[k]
    color = palette.sign_hex(path.value)
    keys = {
        "dloss_dyhat": "yhat_loss",
        "dyhat_do": f"headout{path.cell}",
        "dyhat_dparam": f"headout{path.cell}",
        "do_dz": f"head{path.cell}",
        "dz_dparam": f"kern{path.cell}" if snap.selected in KERNEL else f"inp{path.cell}",
    }
    hidden = snap.concealed
    for factor in path.factors:
        if factor.kind == "dloss_dyhat":
            text = f"∂MSE/∂ŷ = {'?' if 'dMSE/dy_hat' in hidden else fmt(factor.value)}"
        else:  # the symbol is in the narration and the formula; the edge says what it equals
            text = f"{factor.equals} = {'?' if factor.equals in hidden else fmt(factor.value)}"
        out.labels[keys[factor.kind]] = (text, color)


def _paths(snap, spot: int | None) -> Lighting:
    out = Lighting()
    ps = snap.paths
    largest = max((abs(p.value) for p in ps), default=0.0)
    shown = [p for k, p in enumerate(ps) if spot is None or k == spot]
    grad = snap.gradients[snap.selected]
    total_color = palette.sign_hex(grad)
    out.edges["yhat_loss"] = EdgeStyle(total_color, palette.path_width(grad, abs(grad) or 1.0))
    for node in ("y_hat", "MSE"):
        out.nodes[node] = Emphasis(total_color, 3.0, TINT[total_color])
    for k, p in enumerate(ps):
        if p not in shown:
            continue
        color = palette.sign_hex(p.value)
        width = palette.path_width(p.value, largest)
        emph = Emphasis(color, max(2.5, width / 2), TINT[color])
        cell = CELLS[p.cell]
        shown_value = "?" if f"path{k}" in snap.concealed else fmt(p.value)
        out.badges[p.cell] = (k, shown_value, color)
        out.edges[f"head{p.cell}"] = EdgeStyle(color, width)
        out.edges[f"headout{p.cell}"] = EdgeStyle(color, width)
        out.nodes[f"z{cell}"] = emph
        if snap.selected in HEAD:
            continue
        target = "kern" if snap.selected in KERNEL else "inp"
        partner = "inp" if target == "kern" else "kern"
        out.edges[f"{target}{p.cell}"] = EdgeStyle(color, width, False, snap.selected)
        out.edges[f"{partner}{p.cell}"] = EdgeStyle(color, max(1.5, width / 2), True, p.partner)
        out.nodes[p.partner] = Emphasis(color, 2.5, TINT[color])
    for c in range(4):
        out.nodes.setdefault(HEAD[c], BASE)
    for p in shown:
        out.nodes[HEAD[p.cell]] = out.nodes[f"z{CELLS[p.cell]}"]
    out.nodes[snap.selected] = Emphasis(palette.SELECTED, 3.0, "#E3F4EE", selected=True)
    if spot is not None and 0 <= spot < len(ps):
        p = ps[spot]
        out.window = p.cell
        out.window_color = palette.sign_hex(p.value)
        keep = set(out.nodes) | set(window(p.cell)) | {"yy"}
        for name in (*INPUTS, *KERNEL, *HEAD, *(f"z{c}" for c in CELLS)):
            if name not in keep or (name in HEAD and name != HEAD[p.cell]):
                out.nodes[name] = Emphasis(dimmed=True)
    return out
