"""``--install-desktop``: put the app in the desktop's application menu (freedesktop.org).

Writes a desktop entry (``applications/cnn-backprop.desktop``) and the icon
(``icons/hicolor/scalable/apps/cnn-backprop.svg``) under the person's data folder
(``$XDG_DATA_HOME``, else ``~/.local/share``). The entry starts the app the way it was
started to install it: the installed ``cnn-backprop`` command, or this Python with main.py.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from .atomic import write_atomic

APP_ID = "cnn-backprop"
ROOT = Path(__file__).resolve().parent.parent
ICON = ROOT / "resources" / "icons" / f"{APP_ID}.svg"


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def _quote(arg: str) -> str:
    """One argument of an Exec line (the desktop entry specification's quoting rules)."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg.replace("%", "%%")
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return '"' + escaped.replace("%", "%%") + '"'


def launch_command() -> list[str]:
    """How to start the app: the installed command where there is one, else main.py."""
    beside = Path(sys.executable).absolute().parent / APP_ID  # a venv's own script
    installed = str(beside) if beside.is_file() else shutil.which(APP_ID)
    if installed:
        return [installed]
    return [str(Path(sys.executable).absolute()), str(ROOT / "main.py")]


def entry(command: list[str]) -> str:
    """The desktop entry's text for ``command`` (a scenario file is passed on as %f)."""
    exec_line = " ".join(_quote(a) for a in command) + " %f"
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.0",
            "Name=CNN Backprop Visualizer",
            "Name[zh_TW]=CNN 反向傳播視覺化",
            "GenericName=Backpropagation explorer",
            "GenericName[zh_TW]=反向傳播探索工具",
            "Comment=See backpropagation through a tiny CNN: an editable diagram, lit gradient "
            "paths, live descent",
            "Comment[zh_TW]=看見小型卷積網路中的反向傳播：可編輯的網路圖、標示的梯度路徑、即時的梯度下降",
            f"Exec={exec_line}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Education;ArtificialIntelligence;",
            "Keywords=neural network;gradient;backpropagation;CNN;convolution;",
            "",
        ]
    )


def _files(home: Path | None) -> tuple[Path, Path]:
    home = data_home() if home is None else home
    desktop = home / "applications" / f"{APP_ID}.desktop"
    return desktop, home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry and the icon; returns the two files written."""
    desktop, icon = _files(home)
    for path, data in (
        (desktop, entry(command or launch_command()).encode("utf-8")),
        (icon, ICON.read_bytes()),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    return [desktop, icon]


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; returns the files that were there."""
    removed = []
    for path in _files(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed
