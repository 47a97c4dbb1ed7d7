"""The benchmark runner starts, and its JSON becomes the README's table (nothing is timed)."""

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def test_run_all_explains_itself():
    out = subprocess.run(
        [sys.executable, str(BENCH / "run_all.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0
    assert "--quick" in out.stdout and "--json" in out.stdout


def _table(tmp_path, runs: list[dict]) -> str:
    """readme_table.py's output for ``runs``, given as a file of JSON lines."""
    path = tmp_path / "runs.json"
    path.write_text("\n".join(json.dumps(r) for r in runs))
    out = subprocess.run(
        [sys.executable, str(BENCH / "readme_table.py"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def _row(table: str, start: str) -> str:
    return next(line for line in table.splitlines() if line.startswith(start))


def test_readme_table_takes_the_median_of_runs_and_says_whether_goals_are_met(tmp_path):
    def run(edit_ms, repaint_ms):
        e = {"value": edit_ms, "floor": repaint_ms, "ratio": edit_ms / repaint_ms, "unit": "ms"}
        return {"edit": e | {"floor_is": "one forced full repaint"}}

    table = _table(tmp_path, [run(30.0, 10.0), run(12.0, 10.0), run(40.0, 10.0)])
    assert "| 30 ms | 10 ms | 3.00x | <= 1.5x | no |" in _row(table, "| typed edit")
    assert "one forced full repaint" in table


def test_a_ratio_just_past_its_goal_is_not_printed_as_the_goal(tmp_path):
    entry = {"value": 9.77, "floor": 93.3, "ratio": 0.1047, "unit": "ms", "floor_is": "mpl"}
    row = _row(_table(tmp_path, [{"matplotlib_100000": entry}]), "| frame against matplotlib")
    assert "| 0.105x |" in row and row.endswith("| no |")
    entry = {"value": 9.77, "floor": 0.0977, "ratio": 100.0, "unit": "ms", "floor_is": "x"}
    row = _row(_table(tmp_path, [{"edit": entry}]), "| typed edit")
    assert "| 100x |" in row  # three figures, with no point after them


def test_readme_table_gives_start_up_the_bounds_it_was_measured_against(tmp_path):
    entry = {"value": 0.66, "floor": 0.44, "ratio": 1.5, "unit": "s", "floor_is": "bare window"}
    runs = [
        {"startup": entry | {"skeleton_ratio": 1.1, "skeleton_app_ratio": 1.3}},
        {"startup": entry | {"skeleton_ratio": 1.2, "skeleton_app_ratio": 1.2}},
        {"startup": entry | {"skeleton_ratio": 1.3, "skeleton_app_ratio": 1.4}},
    ]
    row = _row(_table(tmp_path, runs), "| launch to first")
    assert "1.50x (stock widgets shaped like the window: 1.20x; " in row
    assert "the same after importing the app's modules: 1.30x)" in row
    assert row.endswith("| <= 1.2x | no |")
