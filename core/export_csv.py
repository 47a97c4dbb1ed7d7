"""The recorded descent run as CSV: one row per recorded step. Pure Python; no Qt."""

from __future__ import annotations

from .descent import ALL_WEIGHTS, WEIGHTS
from .history import Run


def run_csv(run: Run) -> str:
    """``step,lr,<values>,<gradients>,loss`` for every recorded row (lr is empty at step 0)."""
    names = list(WEIGHTS) if run.param == ALL_WEIGHTS else [run.param]
    head = ["step", "lr", *names, *(f"dMSE/d{n}" for n in names), "loss"]
    lines = [",".join(head)]
    for i in range(len(run)):
        lr = float(run.lr[i])
        cells = [str(int(run.steps[i])), "" if lr != lr else repr(lr)]
        cells += [repr(float(v)) for v in run.values[i]]
        cells += [repr(float(g)) for g in run.grads[i]]
        cells.append(repr(float(run.loss[i])))
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"
