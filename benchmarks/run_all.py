"""Run the benchmarks behind the README's Performance table and merge their measures.

Each script runs in its own process (and starts fresh processes of its own where start-up or
memory matter) with ``--json``; their objects are merged into one with exactly the keys of
``KEYS``, each ``{"value", "floor", "ratio", "unit", "floor_is", ...}``, the floor measured
in the same run as the value. ``--quick`` passes ``--quick`` on: fewer repeats, and the soak
takes 100,000 steps instead of a million (its ``steps`` field and unit say so); it finishes
in under three minutes on a 2-core machine.

core_bench.py, descent_bench.py and formula_bench.py print measures of their own with
``--json``; they are not in the README's table and are not run here.

Run: ``python benchmarks/run_all.py [--json] [--quick]``; then
``python benchmarks/run_all.py --json > run.json && python benchmarks/readme_table.py run.json``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import measure

HERE = Path(__file__).resolve().parent
SCRIPTS = {
    "edit_bench.py": ("edit",),
    "scrub_bench.py": ("scrub",),
    "plots_bench.py": (
        "frame_1000",
        "frame_10000",
        "frame_100000",
        "matplotlib_1000",
        "matplotlib_10000",
        "matplotlib_100000",
    ),
    "startup_bench.py": ("startup", "usable", "usable_warm"),
    "torch_bench.py": ("loss_curve_vs_torch", "gradients_vs_torch"),
    "soak_bench.py": ("memory_1e6",),
    "landscape_bench.py": ("landscape",),
}
KEYS = (
    "edit",
    "scrub",
    "frame_1000",
    "frame_10000",
    "frame_100000",
    "matplotlib_1000",
    "matplotlib_10000",
    "matplotlib_100000",
    "startup",
    "usable",
    "usable_warm",
    "loss_curve_vs_torch",
    "gradients_vs_torch",
    "memory_1e6",
    "landscape",
)


def run(quick: bool, log=sys.stderr) -> dict:
    """Every script's measures, in the order of ``KEYS``."""
    found: dict = {}
    for script, keys in SCRIPTS.items():
        start = time.perf_counter()
        args = ["--json", "--quick"] if quick else ["--json"]
        out = measure.child(str(HERE / script), *args, timeout=3600)
        missing = [k for k in keys if k not in out]
        if missing:
            raise RuntimeError(f"{script} did not measure {', '.join(missing)}")
        found |= {k: out[k] for k in keys}
        print(f"{script}: {time.perf_counter() - start:.0f} s", file=log, flush=True)
    return {k: found[k] for k in KEYS}


def table(results: dict) -> str:
    lines = ["| measure | value | floor | ratio | unit | floor is |", "|---|---|---|---|---|---|"]
    for key, e in results.items():
        lines.append(
            f"| {key} | {measure.fmt(e['value'])} | {measure.fmt(e['floor'])} "
            f"| {measure.fmt(e['ratio'], 2)} | {e['unit']} | {e['floor_is']} |"
        )
    return "\n".join(lines)


def main() -> int:
    a = measure.parser(__doc__).parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    results = run(a.quick)
    print(f"all: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    measure.emit(results, a.json, table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
