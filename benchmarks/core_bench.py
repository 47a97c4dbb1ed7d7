"""Time the core's hot paths: one full evaluation and one 10,001-point loss curve.

Run from the project root:  python benchmarks/core_bench.py
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.descent import loss_curve  # noqa: E402
from core.model import forward, gradients  # noqa: E402
from core.paths import paths  # noqa: E402
from core.scenario import default  # noqa: E402

REPEATS = 7


def median_seconds(fn, number: int) -> float:
    """Median over REPEATS runs of the time of one call (each run averages ``number`` calls)."""
    fn()  # warm up
    runs = timeit.repeat(fn, number=number, repeat=REPEATS)
    return statistics.median(runs) / number


def main() -> int:
    p = default().params

    def evaluate():
        f = forward(p)
        gradients(p, f)
        paths(p, "w11", f)

    def curve():
        loss_curve(p, "w11", -3.0, 3.0, 10_001)

    rows = [
        ("forward + gradients + paths(w11)", median_seconds(evaluate, 2000) * 1e6, "us", 50.0),
        ("loss_curve, 10,001 points", median_seconds(curve, 200) * 1e3, "ms", 2.0),
    ]
    print(f"{'benchmark':<34} {'median':>10} {'target':>10}  result")
    print("-" * 64)
    for name, value, unit, target in rows:
        verdict = "PASS" if value < target else "MISS"
        print(f"{name:<34} {value:>7.2f} {unit} {'< ' + f'{target:g}':>7} {unit}  {verdict}")
    print(f"(median of {REPEATS} repeats; Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
