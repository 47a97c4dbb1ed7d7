"""``--screenshot OUT.png --size WxH [--presenter] [--zoom Z]`` renders the window, or presenter
mode, at exactly that size; bad values get one line and exit status 2, and no file."""

from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import presenter_zoom, window_size

ROOT = Path(__file__).resolve().parent.parent
MAIN = [sys.executable, str(ROOT / "main.py")]


def render(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    return subprocess.run(
        [*MAIN, *args], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path
    )


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk (bytes 16-24), read without Qt."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_pixel(path: Path, x: int, y: int) -> str:
    from PySide6.QtGui import QImage

    return QImage(str(path)).pixelColor(x, y).name()


@pytest.mark.parametrize(
    "args, size",
    [
        ([], (1280, 720)),  # as before the new flags: the window's own size
        (["--size", "1024x768"], (1024, 768)),
        (["--size", "1280x720", "--presenter"], (1280, 720)),
        (["--size", "1024x768", "--presenter", "--zoom", "1.5"], (1024, 768)),
    ],
    ids=["default", "window-1024x768", "presenter-1280x720", "presenter-zoom"],
)
def test_a_render_has_exactly_the_asked_size(tmp_path, args, size):
    out = tmp_path / "shot.png"
    done = render(tmp_path, "--screenshot", str(out), *args)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert png_size(out) == size
    if "--presenter" in args:  # presenter mode draws the diagram on black (high contrast)
        assert png_pixel(out, 3, 3) == "#000000"
    else:
        assert png_pixel(out, 3, 3) != "#000000"


@pytest.mark.parametrize(
    "args, says",
    [
        (["--screenshot", "x.png", "--size", "10x"], "--size"),
        (["--screenshot", "x.png", "--size", "0x0"], "--size"),
        (["--screenshot", "x.png", "--size", "1280x"], "--size"),
        (["--screenshot", "x.png", "--size", "-1280x720"], "--size"),
        (["--screenshot", "x.png", "--presenter", "--zoom", "0"], "--zoom"),
        (["--screenshot", "x.png", "--presenter", "--zoom", "abc"], "--zoom"),
        (["--screenshot", "x.png", "--presenter", "--zoom", "nan"], "--zoom"),
        (["--screenshot", "x.png", "--zoom", "2"], "--zoom needs --presenter"),
        (["--size", "1280x720"], "--size needs --screenshot"),
        (["--presenter"], "--presenter needs --screenshot"),
        (["--report", "--size", "1280x720"], "--size needs --screenshot"),
        (
            ["--screenshot", "x.png", "--size", "640x480", "--presenter", "--zoom", "3"],
            "too small",
        ),
    ],
)
def test_bad_render_flags_give_one_line_exit_status_2_and_no_file(tmp_path, args, says):
    done = render(tmp_path, *args)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and done.stdout == ""
    assert len(lines) == 1 and says in lines[0], done.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    "text, size", [("1280x720", (1280, 720)), ("1024X768", (1024, 768)), ("640x480", (640, 480))]
)
def test_a_size_reads_as_width_by_height(text, size):
    assert window_size(text) == size


@pytest.mark.parametrize("text", ["", "x", "10x", "1280x720x2", "1e3x720", "12 80x720", "639x480"])
def test_a_malformed_or_tiny_size_is_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        window_size(text)


@pytest.mark.parametrize("text, zoom", [("1", 1.0), ("0.5", 0.5), ("3", 3.0), ("1.3225", 1.3225)])
def test_a_zoom_reads_as_a_factor(text, zoom):
    assert presenter_zoom(text) == zoom


@pytest.mark.parametrize("text", ["0", "-1", "abc", "nan", "inf", "3.01", "0.49", ""])
def test_a_zoom_outside_presenter_modes_range_is_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        presenter_zoom(text)


def test_the_command_lines_zoom_range_is_the_windows():
    from core.cli import ZOOM_RANGE
    from gui.look.appearance import ZOOM_RANGE as WINDOW_RANGE

    assert ZOOM_RANGE == WINDOW_RANGE
