"""The headless report: the homework's derivation with the current numbers, as text or JSON."""

from __future__ import annotations

from collections.abc import Iterable

from .descent import central_difference, relative_error
from .explain import explain, explain_factor
from .model import CELLS, HEAD, INPUTS, KERNEL, Params, forward, gradients
from .numfmt import fmt
from .numfmt import fmt_operand as op
from .paths import Path, paths
from .scenario import Scenario


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
    title = f'dMSE/d{param} for "{s.name}"' if s.name else f"dMSE/d{param}"
    out = [f"HW 1-3: {title}", "=" * (9 + len(title)), ""]

    out += ["Step 1. Define the model's values", ""]
    a_rows, w_rows = _grid(p.a.flat, 3), _grid(p.w.flat, 2)
    out.append("  input a11..a33           kernel w11 w12 / w21 w22")
    for r in range(3):
        right = w_rows[r] if r < 2 else ""
        out.append(f"    {a_rows[r]:<22}   {right}".rstrip())
    out.append("  head   " + "  ".join(f"{h} = {fmt(p.get(h))}" for h in HEAD))
    out.append(f"  target yy = {fmt(p.yy)}")
    out += ["", "  Conv layer values before the activation (valid cross-correlation, stride 1):"]
    out += [f"    {explain(p, 'z' + c, f)}" for c in CELLS]
    out += ["", "  Sigmoid activations, s(z) = 1 / (1 + e^-z):"]
    out += [f"    {explain(p, 'o' + c, f)}" for c in CELLS]
    out += [
        "",
        "  Prediction and loss:",
        f"    {explain(p, 'y_hat', f)}",
        f"    {explain(p, 'MSE', f)}",
    ]

    n = len(ps)
    plural = "path" if n == 1 else "paths"
    out += ["", f"Step 2. The gradient of {param}: a sum over its {n} backprop {plural}", ""]
    chains = [" * ".join(fa.symbol for fa in path.factors[1:]) for path in ps]
    lead = f"  dMSE/d{param} = dMSE/dy_hat * [ "
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
    out.append(f"  dMSE/d{param} = -2(yy - y_hat) [ " + " + ".join(terms) + " ]")
    pad = " " * (len(param) + 7)
    out.append(f"  {pad}= {op(common)} x [ " + " + ".join(nums) + " ]")
    if n > 1:
        out.append(f"  {pad}= {op(common)} x [ " + " + ".join(op(v) for v in inner) + " ]")
    out.append(f"  {pad}= {op(common)} x {op(sum(inner))}")
    out.append(f"  {pad}= {fmt(grads[param], 6)}")

    out += ["", "  Each path's share of the gradient (common factor included):"]
    for k, path in enumerate(ps, 1):
        out.append(f"    path {k} via z{CELLS[path.cell]}: {fmt(path.value, 6)}")
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
    return {
        "scenario": s.name,
        "param": param,
        "forward": {"z": f.z.tolist(), "o": f.o.tolist(), "y_hat": f.y_hat, "loss": f.loss},
        "gradients": {name: grads[name] for name in KERNEL + HEAD + INPUTS},
        "paths": [
            {
                "cell": "z" + CELLS[path.cell],
                "term": path.term,
                "factors": [
                    {"symbol": fa.symbol, "equals": fa.equals, "value": fa.value}
                    for fa in path.factors
                ],
                "value": path.value,
            }
            for path in paths(p, param, f)
        ],
    }
