"""The app starts in any locale and with any settings file: nothing there can stop it."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

ROOT = Path(__file__).resolve().parent.parent


def _keyword_constructors(path: Path) -> list[str]:
    """``QSomething(..., name=value)`` calls: PySide6 turns ``name`` into a setter name with
    the locale's capital letter, which under a Turkish locale does not exist for ``interval``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.keywords:
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            if name and name.startswith("Q") and name[1:2].isupper():
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return found


def test_no_qt_object_is_built_with_keyword_properties():
    found = [hit for p in sorted((ROOT / "gui").rglob("*.py")) for hit in _keyword_constructors(p)]
    assert found == []


def test_the_window_starts_under_a_turkish_locale(tmp_path):
    localedef = shutil.which("localedef")
    if localedef is None:
        pytest.skip("localedef is not installed, so tr_TR.UTF-8 cannot be generated here")
    made = subprocess.run(
        [localedef, "-i", "tr_TR", "-f", "UTF-8", str(tmp_path / "tr_TR.UTF-8")],
        capture_output=True,
    )
    if made.returncode not in (0, 1) or not (tmp_path / "tr_TR.UTF-8").exists():
        pytest.skip(f"tr_TR.UTF-8 could not be generated: {made.stderr.decode()[-200:]}")
    env = {
        **os.environ,
        "LOCPATH": str(tmp_path),
        "LC_ALL": "tr_TR.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    check = "import locale; print(locale.setlocale(locale.LC_ALL, ''))"
    in_turkish = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True)
    assert in_turkish.stdout.strip() == b"tr_TR.UTF-8"  # the locale really was in force


BAD = {
    "a word for the geometry": ("window/geometry", "hello"),
    "a list for the geometry": ("window/geometry", ["a", "b"]),
    "a number for the dock layout": ("window/state", 42),
    "a list for the language": ("language", ["en"]),
    "a number for the theme": ("theme", 3),
    "a number for the recent files": ("recent_files", 7),
    "a list of numbers for the recent files": ("recent_files", [1, 2]),
    "a number for the last file": ("last_path", 5),
    "a missing last file": ("last_path", "/nowhere/at/all.json"),
}


@pytest.mark.parametrize("key,value", BAD.values(), ids=BAD.keys())
def test_a_setting_of_the_wrong_kind_is_ignored_and_said_once(qtbot, monkeypatch, key, value):
    from core.cli import build_parser
    from gui import app
    from gui.support import errors, settings

    monkeypatch.setattr(errors, "install", lambda: None)
    stored = QSettings("cnn-backprop", "CNN Backprop Visualizer")  # the app's names (gui.app)
    stored.setValue(key, value)
    stored.sync()
    _, window = app.build(build_parser().parse_args([]))
    qtbot.addWidget(window)
    settings.restore_window(window)
    window.show()
    window.file_menu.files.fill_recent_menu(window.file_menu.recent_menu)
    note = window.statusBar().currentMessage()
    assert key in note or "could not be opened" in note
    window.derivation.typesetter.shutdown()


def test_settings_that_cannot_be_written_are_said_once(qtbot, tmp_path, window):
    from gui.support import settings

    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "cnn-backprop").mkdir()
    (blocked / "cnn-backprop" / "CNN Backprop Visualizer.conf").mkdir()  # a folder, not a file
    for scope in (QSettings.Scope.UserScope,):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(blocked))
    settings.remember_theme("dark")
    settings.remember_theme("light")
    note = window.statusBar().currentMessage()
    assert note.count("cannot be saved") == 1
