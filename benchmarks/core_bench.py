"""Time the core's hot paths: one full evaluation and one 10,001-point loss curve.

Floors, timed in the same process: for the evaluation, the forward pass alone (what the
gradients and the paths add is the ratio); for the loss curve, the arithmetic any numpy
version must do (one ``np.exp`` over the 10,001 x 4 pre-activations and one row sum).

Run from the project root: ``python benchmarks/core_bench.py [--json] [--quick]``.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

import measure
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.descent import loss_curve  # noqa: E402
from core.model import forward, gradients  # noqa: E402
from core.paths import paths  # noqa: E402
from core.scenario import default  # noqa: E402

REPEATS = 7
N = 10_001


def median_seconds(fn, number: int, repeats: int) -> float:
    """Median over ``repeats`` runs of the time of one call (each run averages ``number``)."""
    fn()  # warm up
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeats)) / number


def main() -> int:
    a = measure.parser(__doc__).parse_args()
    repeats, scale = (3, 4) if a.quick else (REPEATS, 1)
    p = default().params
    z = np.random.default_rng(0).normal(size=(N, 4))

    def evaluate():
        f = forward(p)
        gradients(p, f)
        paths(p, "w11", f)

    def curve():
        loss_curve(p, "w11", -3.0, 3.0, N)

    def numpy_floor():
        np.exp(z).sum(axis=1)

    r = {
        "core_evaluate": measure.entry(
            median_seconds(evaluate, 2000 // scale, repeats) * 1e6,
            median_seconds(lambda: forward(p), 2000 // scale, repeats) * 1e6,
            "us",
            "core.model.forward alone, same process",
            what="forward + all gradients + the paths into w11",
        ),
        "core_loss_curve": measure.entry(
            median_seconds(curve, 200 // scale, repeats) * 1e3,
            median_seconds(numpy_floor, 200 // scale, repeats) * 1e3,
            "ms",
            "np.exp over a 10,001 x 4 array and a row sum, same process",
            what="core.descent.loss_curve, 10,001 points",
        ),
    }
    e, c = r["core_evaluate"], r["core_loss_curve"]
    table = "\n".join(
        [
            f"| measure (median of {repeats}) | value | floor | ratio |",
            "|---|---|---|---|",
            f"| forward + gradients + paths(w11) | {e['value']:.1f} us "
            f"| {e['floor']:.1f} us (forward alone) | {e['ratio']:.1f}x |",
            f"| loss_curve, 10,001 points | {c['value']:.2f} ms "
            f"| {c['floor']:.2f} ms (numpy exp + sum) | {c['ratio']:.1f}x |",
        ]
    )
    measure.emit(r, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
