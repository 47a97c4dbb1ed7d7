"""Edit latency: one typed edit committed through the session until every view has repainted.

Each sample: the window is left quiet (pending timers fire: the derivation's 80 ms coalesced
refresh of the previous edit belongs to that edit, not to this one), then ``set_value("w11",
...)`` commits a new value and events are processed until none is pending (every changed view
has repainted). The floor, measured in the same window and process between the edits, is one
forced full repaint of it (``full_repaint`` in bench_window.py: every visible widget painted
once, synchronously). Medians over the samples.

Run from the project root: ``python benchmarks/edit_bench.py [--json] [--quick]``.
Goal: the edit within 1.5x of the forced full repaint.
"""

from __future__ import annotations

import sys
import time

import measure
from bench_window import full_repaint, open_window, quiet, settle

QUIET_MS = 150  # longer than the derivation panel's 80 ms coalescing timer
FLOOR_IS = "one forced full repaint of the same window (every visible widget), same process"


def measure_edit(edits: int) -> dict:
    app, session, window = open_window()
    edit_ms, floor_ms = [], []
    for k in range(edits + 2):
        quiet(QUIET_MS)
        start = time.perf_counter()
        session.set_value("w11", 0.4 + 0.001 * (k % 2))  # always a real change
        settle()
        edit = time.perf_counter() - start
        start = time.perf_counter()
        full_repaint(window)
        floor = time.perf_counter() - start
        if k >= 2:  # the first two warm caches
            edit_ms.append(edit * 1e3)
            floor_ms.append(floor * 1e3)
    edit_ms.sort()
    return measure.entry(
        measure.median(edit_ms),
        measure.median(floor_ms),
        "ms",
        FLOOR_IS,
        p90=edit_ms[int(0.9 * (len(edit_ms) - 1))],
        samples=edits,
    )


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--edits", type=int, help="samples (default 100, quick 30)")
    a = ap.parse_args()
    edits = a.edits or (30 if a.quick else 100)
    e = measure_edit(edits)
    table = "\n".join(
        [
            f"| measure (median of {edits}) | ms | p90 ms | floor ms | ratio (goal <= 1.5) |",
            "|---|---|---|---|---|",
            f"| edit -> every view repainted | {e['value']:.2f} | {e['p90']:.2f} "
            f"| {e['floor']:.2f} | {e['ratio']:.2f}x |",
            f"(floor: {FLOOR_IS})",
        ]
    )
    measure.emit({"edit": e}, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
