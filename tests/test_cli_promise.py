"""The command line keeps its promise: rows stream, a closed pipe ends it quietly, an output
that cannot be written or a missing display give one line and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAIN = [sys.executable, str(ROOT / "main.py")]


def test_descend_streams_its_first_row_at_once_even_for_the_largest_run():
    proc = subprocess.Popen(
        [*MAIN, "--descend", "--steps", "10000000", "--lr", "0.01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith(b"step,w11,loss,grad")
        assert proc.stdout.readline().startswith(b"0,")
    finally:
        proc.kill()
        proc.wait()


def test_a_reader_that_goes_away_ends_descend_quietly():
    shell = f"{sys.executable} {ROOT / 'main.py'} --descend --steps 100000 | head -1"
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {shell}"], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "step,w11,loss,grad"
    assert done.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_gives_one_line_and_exit_status_2():
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*MAIN, "--descend", "--steps", "50000"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write the output" in lines[0]


def test_no_display_gives_one_line_instead_of_an_abort(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    done = subprocess.run(MAIN, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "--screenshot" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_a_screenshot_says_nothing_on_the_console(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [*MAIN, "--screenshot", str(tmp_path / "s.png")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0
    assert (done.stdout, done.stderr) == ("", "")
