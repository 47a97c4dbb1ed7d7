"""--install-desktop: an application-menu entry that starts this app, with its icon."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from core.desktop import APP_ID, ICON, entry, install

ROOT = Path(__file__).resolve().parent.parent


def main_py(home: Path, *args: str) -> subprocess.CompletedProcess:
    """``main.py args`` with its data folder in ``home`` and a plain PATH."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={"XDG_DATA_HOME": str(home), "PATH": "/usr/bin:/bin", "HOME": str(home)},
        timeout=60,
    )


def exec_args(text: str) -> list[str]:
    """The Exec line's arguments as a desktop would run them (%f: no file given)."""
    line = next(x for x in text.splitlines() if x.startswith("Exec="))[len("Exec=") :]
    args = shlex.split(line)
    return [a.replace("%%", "%") for a in args if a != "%f"]


def test_install_writes_an_entry_that_starts_this_app(tmp_path):
    desktop, icon = install(tmp_path)
    assert desktop == tmp_path / "applications" / f"{APP_ID}.desktop"
    assert icon.read_bytes() == ICON.read_bytes()
    text = desktop.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    assert f"Icon={APP_ID}" in text and "Name=CNN Backprop Visualizer" in text
    run = subprocess.run(
        [*exec_args(text), "--report", "--param", "w11"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "-0.3145" in run.stdout  # the homework's dMSE/dw11: the app itself answered


@pytest.mark.parametrize(
    "command", [["/opt/my apps/python", "/home/a b/main.py"], ["/x/100%/run", "it's"]]
)
def test_paths_with_spaces_quotes_and_percent_signs_survive_the_exec_line(command):
    assert exec_args(entry(command)) == command


def test_the_command_line_installs_and_names_what_it_wrote(tmp_path):
    run = main_py(tmp_path, "--install-desktop")
    assert run.returncode == 0, run.stderr
    assert str(tmp_path / "applications" / f"{APP_ID}.desktop") in run.stdout
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_the_icon_renders(qapp):
    from PySide6.QtGui import QIcon

    image = QIcon(str(ICON)).pixmap(64, 64).toImage()
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) > 4  # drawn, not blank


def test_the_entry_passes_desktop_file_validate(tmp_path):
    import shutil

    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    desktop, _ = install(tmp_path)
    run = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == "", run.stdout + run.stderr


def test_uninstall_removes_both_files_and_says_so(tmp_path):
    written = install(tmp_path)
    run = main_py(tmp_path, "--uninstall-desktop")
    assert run.returncode == 0, run.stderr
    assert not any(p.exists() for p in written)
    assert all(str(p) in run.stdout for p in written)
