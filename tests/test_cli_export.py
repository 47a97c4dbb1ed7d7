"""--export writes what File > Export writes, with no display: the same pictures (each SVG
rendered by Qt and by librsvg and compared with its PNG), the same CSV as --descend,
the worked solution; bad input gets one line and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from test_export_pictures import assert_same_picture

from core.scenario import default
from gui.files.view_export import VIEWS

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, cwd=None, home=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it sets its own
    if home is not None:
        env["XDG_CONFIG_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=cwd,
    )


@pytest.fixture
def stepped(window):
    """The window on the homework opened at step 5, as ``--export ... --steps 5`` opens it."""
    scenario = default()
    window.session.load_scenario(replace(scenario, descent={**scenario.descent, "step": 5}))
    assert window.session.snapshot.step == 5
    return window


@pytest.mark.parametrize("view", VIEWS)
def test_each_exported_svg_draws_the_same_picture_as_its_png(stepped, tmp_path, view):
    for kind in ("png", "svg"):
        run = cli("--export", str(tmp_path / f"cli.{kind}"), "--view", view, "--steps", "5")
        assert run.returncode == 0 and run.stdout == "" and run.stderr == "", run.stderr
    assert_same_picture(stepped, view, tmp_path / "cli.png", tmp_path / "cli.svg", "QSvgRenderer")
    assert_same_picture(stepped, view, tmp_path / "cli.png", tmp_path / "cli.svg", "rsvg-convert")


def test_a_picture_at_a_given_size(tmp_path):
    run = cli("--export", str(tmp_path / "d.png"), "--view", "diagram", "--size", "1600x1200")
    assert run.returncode == 0, run.stderr
    image = QImage(str(tmp_path / "d.png"))
    assert image.width() == 1600 or image.height() == 1200  # scaled to fit, shape kept
    assert image.width() <= 1600 and image.height() <= 1200


def test_the_csv_is_the_descends_and_the_solution_has_the_numbers(tmp_path):
    run = cli("--export", str(tmp_path / "run.csv"), "--steps", "7")
    assert run.returncode == 0, run.stderr
    descend = cli("--descend", "--steps", "7")
    assert (tmp_path / "run.csv").read_text(encoding="utf-8") == descend.stdout
    run = cli("--export", str(tmp_path / "hw.md"))
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "hw.md").read_text(encoding="utf-8")
    assert "-0.3145" in text and "0.2723" in text  # dMSE/dw11 and the loss, by hand in README


@pytest.mark.parametrize(
    "args, says",
    [
        (["--export", "x.svg"], "--view"),
        (["--export", "x.txt"], "cannot tell what to write"),
        (["--export", "x.csv", "--view", "diagram"], "draw pictures"),
        (["--view", "diagram"], "--view needs --export"),
        (["--export", "x.png", "--view", "nope"], "invalid choice"),
        (["--export", "x.csv", "--steps", "-1"], "--steps"),
        (["--export", "no/such/folder/x.png", "--view", "diagram"], "does not exist"),
    ],
)
def test_bad_input_gets_one_line_and_exit_status_2(tmp_path, args, says):
    run = cli(*args, cwd=tmp_path)
    assert run.returncode == 2
    assert says in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, not even half


def test_an_export_does_not_follow_what_the_person_set_in_the_window(tmp_path):
    conf = tmp_path / "config" / "cnn-backprop"
    conf.mkdir(parents=True)
    (conf / "CNN Backprop Visualizer.conf").write_text(
        "[General]\ntheme=contrast\nlanguage=zh_TW\n"
    )
    out = tmp_path / "out"
    out.mkdir()
    run = cli("--export", str(out / "d.png"), "--view", "diagram", home=tmp_path / "config")
    assert run.returncode == 0, run.stderr
    corner = QImage(str(out / "d.png")).pixelColor(3, 3)
    assert corner.lightness() > 200  # the light theme, not the remembered high contrast
