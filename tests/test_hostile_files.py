"""A path that is not a regular file is refused at once, from every way in: nothing hangs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.scenario import ScenarioError, load

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "p.json"
    os.mkfifo(path)
    return path


def test_loading_a_named_pipe_is_refused_naming_the_whole_path(fifo):
    with pytest.raises(ScenarioError, match="not a regular file") as err:
        load(fifo)
    assert str(fifo) in str(err.value)


def test_loading_a_folder_is_refused(tmp_path):
    with pytest.raises(ScenarioError, match=str(tmp_path)):
        load(tmp_path)


@pytest.mark.parametrize(
    "args",
    [["--report", "--scenario"], ["--descend", "--scenario"], ["--screenshot", "out.png"], []],
    ids=["report", "descend", "screenshot", "launch"],
)
def test_the_command_line_refuses_a_pipe_in_one_line(fifo, tmp_path, args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a regular file" in lines[0] and str(fifo) in lines[0]


def test_open_drop_and_recent_refuse_a_pipe_and_change_nothing(window, fifo, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    before = window.session.scenario()
    assert not window.file_menu.files.load_path(fifo)  # Open, a drop and Open Recent use this
    assert window.session.scenario() == before
    assert len(said) == 1 and "not a regular file" in said[0]
