"""Turn run_all.py's JSON into the Markdown table of the README's Performance section.

Given several runs (files, or JSON objects one per line on standard input), each measure's
value, floor and ratio are the medians over the runs (a ratio is always one run's value over
the same run's floor, so its median is a median of ratios). Each row says the goal and
whether the median meets it; the floors are listed in words under the table.

Run: ``python benchmarks/readme_table.py run1.json [run2.json ...]``
or ``python benchmarks/run_all.py --json | python benchmarks/readme_table.py``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys

LABELS = {
    "edit": "typed edit to every view repainted",
    "scrub": "frames while a drag scrubs w11 at 60 moves/s",
    "frame_1000": "frame while playing, 1,000 steps recorded",
    "frame_10000": "frame while playing, 10,000 steps recorded",
    "frame_100000": "frame while playing, 100,000 steps recorded",
    "matplotlib_1000": "frame against matplotlib, 1,000 steps",
    "matplotlib_10000": "frame against matplotlib, 10,000 steps",
    "matplotlib_100000": "frame against matplotlib, 100,000 steps",
    "startup": "launch to first paint",
    "usable": "first launch to the derivation shown (the homework's formulas shipped)",
    "usable_warm": "launch again to the derivation shown (formulas kept on disk)",
    "loss_curve_vs_torch": "10,001-point loss curve against torch batched",
    "gradients_vs_torch": "forward + 17 gradients against torch autograd",
    "memory_1e6": "peak RSS after the soak",
    "landscape": "200 x 200 loss landscape over w11 and w12",
}


def _frame_goal(e: dict) -> bool:
    return e["ratio"] <= 1.5 and e["fps"] >= 60


GOALS = {
    "edit": ("<= 1.5x", lambda e: e["ratio"] <= 1.5),
    "scrub": ("a frame a move (>= 0.95)", lambda e: e["ratio"] >= 0.95),
    "frame": ("<= 1.5x and >= 60 frames/s", _frame_goal),
    "matplotlib": (">= 10x faster (<= 0.1x)", lambda e: e["ratio"] <= 0.1),
    "startup": ("<= 1.2x", lambda e: e["ratio"] <= 1.2),
    "usable": ("<= 2x", lambda e: e["ratio"] <= 2),
    "loss_curve_vs_torch": ("faster (< 1x)", lambda e: e["ratio"] < 1),
    "gradients_vs_torch": (">= 10x faster (<= 0.1x)", lambda e: e["ratio"] <= 0.1),
    "memory_1e6": ("<= 1.5x", lambda e: e["ratio"] <= 1.5),
    "landscape": ("<= 4.2 ms (a quarter frame)", lambda e: e["value"] <= 1000 / 240),
}
NUMERIC = (
    "value",
    "floor",
    "ratio",
    "fps",
    "steps",
    "repaint_ratio",
    "paint_ratio",
    "typeset_ratio",
    "skeleton_ratio",
    "skeleton_app_ratio",
)


def goal(key: str):
    return GOALS.get(key) or GOALS.get(key.split("_")[0]) or ("", None)


def merge(runs: list[dict]) -> dict:
    """One result per key: the median of each numeric field over the runs that measured it."""
    out: dict = {}
    for key in runs[0]:
        taken = [r[key] for r in runs if key in r and r[key].get("value") is not None]
        first = dict(runs[0][key])
        for field in NUMERIC:
            xs = [e[field] for e in taken if e.get(field) is not None]
            if xs:
                first[field] = statistics.median(xs)
        first["runs"] = len(taken)
        out[key] = first
    return out


def number(x: float) -> str:
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}" if x >= 1 else f"{x:.2g}"


def figures(ratio: float) -> str:
    """``ratio`` to three significant figures, trailing zeros kept (1.50, 0.105, 100): a ratio
    near its goal shows which side of it it lies."""
    text = f"{ratio:#.3g}"
    return text[:-1] if text.endswith(".") else text


def short_unit(unit: str) -> str:
    return "MB" if unit.startswith("MB") else unit


def table(results: dict) -> str:
    lines = ["| measure | value | floor | ratio | goal | met? |", "|---|---|---|---|---|---|"]
    floors: dict[str, list[str]] = {}  # floor in words -> the measures that share it
    for key, e in results.items():
        text, check = goal(key)
        label = LABELS.get(key, key)
        if e.get("value") is None:
            lines.append(f"| {label} | - | - | - | {text} | not measured: {e.get('skipped')} |")
            continue
        unit = short_unit(e["unit"])
        value = f"{number(e['value'])} {unit}"
        if "fps" in e and key.startswith("frame"):
            value += f" ({e['fps']:.0f} frames/s)"
        if "steps" in e and e["steps"] != 1_000_000:
            label += f" ({e['steps']:,} steps)"
        met = "-" if check is None else ("yes" if check(e) else "no")
        ratio = f"{figures(e['ratio'])}x"
        if e.get("repaint_ratio") is not None:  # the best a frame of one full repaint scores
            ratio += f" (one forced repaint: {figures(e['repaint_ratio'])}x"
            if e.get("paint_ratio") is not None:  # the frame's painting, its update left out
                ratio += f"; the frame's painting alone: {figures(e['paint_ratio'])}x"
            ratio += ")"
        if e.get("skeleton_ratio") is not None:  # the bounds: stock widgets, then the imports
            ratio += (
                f" (stock widgets shaped like the window: {figures(e['skeleton_ratio'])}x; "
                "the same after importing the app's modules: "
                f"{figures(e['skeleton_app_ratio'])}x)"
            )
        if e.get("typeset_ratio") is not None:  # the same launch typesetting every formula
            ratio += f" (every formula typeset: {figures(e['typeset_ratio'])}x)"
        lines.append(
            f"| {label} | {value} | {number(e['floor'])} {unit} | {ratio} | {text} | {met} |"
        )
        floors.setdefault(e["floor_is"], []).append(label)
    runs = max(e.get("runs", 1) for e in results.values())
    note = f"Medians of {runs} runs. " if runs > 1 else ""
    listed = [f"- {'; '.join(labels)}: {floor_is}" for floor_is, labels in floors.items()]
    return "\n".join([*lines, "", f"{note}Floors, measured in the same run:", "", *listed])


def read(paths: list[str]) -> list[dict]:
    if paths:
        texts = []
        for p in paths:
            with open(p, encoding="utf-8") as f:
                texts.append(f.read())
    else:
        texts = [sys.stdin.read()]
    runs = []
    for text in texts:
        runs += [json.loads(line) for line in text.splitlines() if line.strip()]
    return runs


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("runs", nargs="*", help="run_all.py --json outputs (default: stdin)")
    a = ap.parse_args()
    runs = read(a.runs)
    if not runs:
        print("no runs given", file=sys.stderr)
        return 2
    print(table(merge(runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
