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


def test_readme_table_takes_the_median_of_runs_and_says_whether_goals_are_met(tmp_path):
    def run(edit_ms, repaint_ms):
        e = {"value": edit_ms, "floor": repaint_ms, "ratio": edit_ms / repaint_ms, "unit": "ms"}
        return {"edit": e | {"floor_is": "one forced full repaint"}}

    runs = [run(30.0, 10.0), run(12.0, 10.0), run(40.0, 10.0)]
    path = tmp_path / "runs.json"
    path.write_text("\n".join(json.dumps(r) for r in runs))
    out = subprocess.run(
        [sys.executable, str(BENCH / "readme_table.py"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if line.startswith("| typed edit"))
    assert "| 30 ms | 10 ms | 3.00x | <= 1.5x | no |" in row
    assert "one forced full repaint" in out.stdout
