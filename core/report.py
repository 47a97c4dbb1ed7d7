"""The headless report: the homework's derivation with the current numbers, as text or JSON.

For another network (activation, loss, biases) the same three steps follow it; for the
homework's network every line is what it always was.
"""

from __future__ import annotations

from collections.abc import Iterable

from .descent import central_difference, relative_error
from .explain import explain, explain_factor
from .losses import COMMON, LOSS_SYMBOL
from .model import CELLS, HEAD, Forward, Params, forward, gradients, parameters
from .numfmt import fmt
from .numfmt import fmt_operand as op
from .paths import Path, dead_reason, paths
from .scenario import Scenario

#: The heading of the activations in Step 1, by activation.
ACTIVATION_LINE = {
    "sigmoid": "Sigmoid activations, s(z) = 1 / (1 + e^-z):",
    "tanh": "tanh activations, tanh(z) = (e^z - e^-z) / (e^z + e^-z):",
    "relu": "ReLU activations, relu(z) = max(z, 0):",
    "leaky_relu": "Leaky ReLU activations, leaky_relu(z) = max(z, 0.01 z):",
    "identity": "No activation, identity(z) = z:",
}
LOSS_LINE = {
    "mse": "squared error (MSE)",
    "half_mse": "half the squared error",
    "bce_logits": "binary cross-entropy on the logit y_hat",
}


def network_line(p: Params) -> str:
    """One line naming the network, for any but the homework's."""
    parts = [f"activation {p.activation}", f"loss {LOSS_LINE[p.loss]}"]
    if p.b is not None:
        parts.append(f"conv bias b = {fmt(p.b)}")
    if p.c is not None:
        parts.append(f"head bias c = {fmt(p.c)}")
    return "Network: " + ", ".join(parts)


def _grid(values: Iterable[float], cols: int) -> list[str]:
    cells = [fmt(v) for v in values]
    width = max(len(c) for c in cells)
    return [
        "  ".join(c.rjust(width) for c in cells[r : r + cols]) for r in range(0, len(cells), cols)
    ]


def text_report(s: Scenario, param: str = "w11") -> str:
    """The derivation of ``dMSE/d(param)`` in the homework's three steps, numbers substituted."""
    p = s.params
    f = forward(p)
    grads = gradients(p, f)
    ps = paths(p, param, f)
    L = LOSS_SYMBOL[p.loss]
    title = f'd{L}/d{param} for "{s.name}"' if s.name else f"d{L}/d{param}"
    out = [f"HW 1-3: {title}", "=" * (9 + len(title)), ""]
    if not p.is_homework:
        out += [network_line(p), ""]

    out += ["Step 1. Define the model's values", ""]
    a_rows, w_rows = _grid(p.a.flat, 3), _grid(p.w.flat, 2)
    out.append("  input a11..a33           kernel w11 w12 / w21 w22")
    for r in range(3):
        right = w_rows[r] if r < 2 else ""
        out.append(f"    {a_rows[r]:<22}   {right}".rstrip())
    out.append("  head   " + "  ".join(f"{h} = {fmt(p.get(h))}" for h in HEAD))
    if p.b is not None or p.c is not None:
        biases = [f"{n} = {fmt(v)}" for n, v in (("b", p.b), ("c", p.c)) if v is not None]
        out.append("  bias   " + "  ".join(biases))
    out.append(f"  target yy = {fmt(p.yy)}")
    out += ["", "  Conv layer values before the activation (valid cross-correlation, stride 1):"]
    out += [f"    {explain(p, 'z' + c, f)}" for c in CELLS]
    out += ["", "  " + ACTIVATION_LINE[p.activation]]
    out += [f"    {explain(p, 'o' + c, f)}" for c in CELLS]
    out += [
        "",
        "  Prediction and loss:",
        f"    {explain(p, 'y_hat', f)}",
        f"    {explain(p, 'loss', f)}",
    ]

    n = len(ps)
    plural = "path" if n == 1 else "paths"
    out += ["", f"Step 2. The gradient of {param}: a sum over its {n} backprop {plural}", ""]
    chains = [" * ".join(fa.symbol for fa in path.factors[1:]) for path in ps]
    lead = f"  d{L}/d{param} = d{L}/dy_hat * [ "
    out.append(lead + chains[0])
    out += [" " * (len(lead) - 2) + "+ " + c for c in chains[1:]]
    out[-1] += " ]"

    out += ["", "Step 3. Each partial derivative", ""]
    out.append("  " + explain_factor(ps[0].factors[0], f, p))
    seen = {ps[0].factors[0].symbol}
    for path in ps:
        for factor in path.factors[1:]:
            if factor.symbol not in seen:
                seen.add(factor.symbol)
                out.append("  " + explain_factor(factor, f, p))

    common = ps[0].factors[0].value
    terms = [" ".join(fa.equals for fa in path.factors[1:]) for path in ps]
    nums = [" x ".join(op(fa.value) for fa in path.factors[1:]) for path in ps]
    inner = [_bracket(path) for path in ps]
    out += ["", "  Substituting into the formula of Step 2:", ""]
    common_text = COMMON[p.loss]
    if not common_text.startswith("-"):  # s(y_hat) - yy multiplies the bracket as a whole
        common_text = f"({common_text})"
    out.append(f"  d{L}/d{param} = {common_text} [ " + " + ".join(terms) + " ]")
    pad = " " * (len(param) + len(L) + 4)
    out.append(f"  {pad}= {op(common)} x [ " + " + ".join(nums) + " ]")
    if n > 1:
        out.append(f"  {pad}= {op(common)} x [ " + " + ".join(op(v) for v in inner) + " ]")
    out.append(f"  {pad}= {op(common)} x {op(sum(inner))}")
    out.append(f"  {pad}= {fmt(grads[param], 6)}")

    out += ["", "  Each path's share of the gradient (common factor included):"]
    for k, path in enumerate(ps, 1):
        out.append(f"    path {k} via {path.via}: {fmt(path.value, 6)}")
        if path.dead:
            out.append(f"      {dead_reason(p, path, f)}")
    fd = central_difference(p, param)
    out += [
        "",
        f"  Check: central finite difference gives {fmt(fd, 6)} "
        f"(relative error {relative_error(fd, grads[param]):.1e}).",
    ]
    return "\n".join(out) + "\n"


def _bracket(path: Path) -> float:
    value = 1.0
    for factor in path.factors[1:]:
        value *= factor.value
    return value


def json_report(s: Scenario, param: str = "w11") -> dict[str, object]:
    """Forward values, every gradient and the paths into ``param`` as plain JSON data."""
    p: Params = s.params
    f = forward(p)
    grads = gradients(p, f)
    out: dict[str, object] = {
        "scenario": s.name,
        "param": param,
        "forward": {"z": f.z.tolist(), "o": f.o.tolist(), "y_hat": f.y_hat, "loss": f.loss},
        "gradients": {name: grads[name] for name in parameters(p)},
        "paths": [_json_path(p, path, f) for path in paths(p, param, f)],
    }
    if not p.is_homework:
        out["network"] = {
            "activation": p.activation,
            "loss": p.loss,
            "conv_bias": p.b,
            "head_bias": p.c,
        }
    return out


def _json_path(p: Params, path: Path, f: Forward) -> dict[str, object]:
    """One path as JSON: its cell, term and local factors (and why it is dead, if it is)."""
    out: dict[str, object] = {
        "cell": path.via,
        "term": path.term,
        "factors": [
            {"symbol": fa.symbol, "equals": fa.equals, "value": fa.value} for fa in path.factors
        ],
        "value": path.value,
    }
    if path.dead:
        out["dead"] = dead_reason(p, path, f)
    return out
