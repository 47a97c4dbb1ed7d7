"""The shared shape of a benchmark's result, its command line, and its fresh-process children.

Every measure is reported as ``{"value", "floor", "ratio", "unit", "floor_is", ...}``: the
floor is what the same machine does at the least for the same job, measured in the same run
(interleaved where it can be), so the ratio stays fair when the machine is slow or shared.
No Qt here: the torch and core benchmarks import it too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterable


def entry(value, floor, unit: str, floor_is: str, **extra) -> dict:
    """One measure: ``ratio`` is ``value / floor`` (None when either is missing)."""
    ratio = value / floor if value is not None and floor else None
    base = {"value": value, "floor": floor, "ratio": ratio, "unit": unit, "floor_is": floor_is}
    return base | extra


def skipped(unit: str, floor_is: str, reason: str) -> dict:
    """A measure that could not be taken here (a comparison library is missing)."""
    return entry(None, None, unit, floor_is, skipped=reason)


def median(xs: Iterable[float]) -> float:
    return float(statistics.median(list(xs)))


def parser(doc: str | None) -> argparse.ArgumentParser:
    """A command line with the ``--json`` and ``--quick`` flags every benchmark takes."""
    ap = argparse.ArgumentParser(
        description=(doc or "").strip().splitlines()[0] if doc else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object, no table")
    ap.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    return ap


def emit(results: dict, as_json: bool, table: str) -> None:
    """Print ``results`` as one JSON object, or the human ``table``."""
    if as_json:
        print(json.dumps(results))
    else:
        print(table)


def child(script: str, *args: str, timeout: float = 1800) -> dict:
    """Run ``script`` with ``args`` in a fresh interpreter; its last stdout line is JSON."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run(
        [sys.executable, script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode or not lines:
        raise RuntimeError(
            f"{os.path.basename(script)} {' '.join(args)} failed (exit {proc.returncode}):\n"
            f"{proc.stderr[-2000:]}"
        )
    return json.loads(lines[-1])


def fmt(x: float | None, digits: int = 3) -> str:
    """A number for a table: a few significant digits, or a dash."""
    if x is None:
        return "-"
    return f"{x:.{digits}g}" if abs(x) < 10**digits else f"{x:,.0f}"
