"""The descent as CSV, one writer for the window's export and ``--descend``. Pure Python; no Qt.

Columns: ``step,<param>,loss,grad`` for one parameter; in all-weights mode
``step,w11,...,wd,loss,grad_w11,...,grad_wd``. Numbers are written with ``repr`` so a row
reads back to the same floats.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from .descent import ALL_WEIGHTS, weights
from .history import Run
from .model import FloatArray, Params

if TYPE_CHECKING:
    from _csv import Writer  # what csv.writer returns; the csv module does not name it


def header(param: str, p: Params | None = None) -> list[str]:
    """The column names of a run on ``param`` (in all-weights mode, with ``p``'s biases)."""
    if param == ALL_WEIGHTS:
        names = weights(p)
        return ["step", *names, "loss", *(f"grad_{n}" for n in names)]
    return ["step", param, "loss", "grad"]


def row(
    step: int,
    value: Sequence[float] | FloatArray,
    grad: Sequence[float] | FloatArray,
    loss: float,
) -> list[str]:
    """One CSV row: the step, the descending value(s), the loss, the gradient(s)."""
    return [
        str(int(step)),
        *(repr(float(v)) for v in value),
        repr(float(loss)),
        *(repr(float(g)) for g in grad),
    ]


def writer(out: TextIO) -> Writer:
    """A CSV writer on ``out`` with Unix line ends (the standard library's)."""
    return csv.writer(out, lineterminator="\n")


def run_csv(run: Run) -> str:
    """Every recorded row of ``run`` as CSV text, with :func:`header`."""
    out = io.StringIO()
    w = writer(out)
    w.writerow(header(run.param, run.start))
    for i in range(len(run)):
        w.writerow(row(int(run.steps[i]), run.values[i], run.grads[i], float(run.loss[i])))
    return out.getvalue()
