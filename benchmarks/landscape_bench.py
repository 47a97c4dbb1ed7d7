"""The loss landscape: a 200 x 200 grid of the loss over two weights, in one numpy pass.

Each sample computes ``core.landscape.landscape`` over w11 and w12 (every conv cell varies,
the most work any pair of values makes). The floor, measured in the same process and
interleaved with the samples, is the part no formula of the loss can skip: the core's stable
sigmoid (``core.model.sigmoid``) of the grid's 4 x 200 x 200 conv cell values. The goal is well
under one frame at 60 Hz (16.7 ms), so the landscape can follow every edit live.

Run from the project root: ``python benchmarks/landscape_bench.py [--json] [--quick]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import measure
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.landscape import landscape  # noqa: E402
from core.model import sigmoid  # noqa: E402
from core.scenario import default  # noqa: E402

N = 200
FRAME_MS = 1000 / 60
FLOOR_IS = f"the core's sigmoid of the 4 x {N} x {N} conv cell values, same process"


def measure_landscape(samples: int) -> dict:
    p = default().params
    z = np.random.default_rng(0).uniform(-4, 4, (4, N, N))
    grid_ms, floor_ms = [], []
    for k in range(samples + 3):
        start = time.perf_counter()
        landscape(p, "w11", "w12", (-2.0, 3.0), (-3.0, 2.0), N)
        grid = time.perf_counter() - start
        start = time.perf_counter()
        sigmoid(z)
        floor = time.perf_counter() - start
        if k >= 3:  # the first few warm caches
            grid_ms.append(grid * 1e3)
            floor_ms.append(floor * 1e3)
    grid_ms.sort()
    return measure.entry(
        measure.median(grid_ms),
        measure.median(floor_ms),
        "ms",
        FLOOR_IS,
        p90=grid_ms[int(0.9 * (len(grid_ms) - 1))],
        frame_ms=FRAME_MS,
        grid=N,
        samples=samples,
    )


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--samples", type=int, help="samples (default 200, quick 30)")
    a = ap.parse_args()
    samples = a.samples or (30 if a.quick else 200)
    e = measure_landscape(samples)
    table = "\n".join(
        [
            f"| measure (median of {samples}) | ms | p90 ms | floor ms | ratio | frame ms |",
            "|---|---|---|---|---|---|",
            f"| {N} x {N} landscape | {e['value']:.2f} | {e['p90']:.2f} | {e['floor']:.2f} "
            f"| {e['ratio']:.2f}x | {FRAME_MS:.1f} |",
            f"(floor: {FLOOR_IS})",
        ]
    )
    measure.emit({"landscape": e}, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
