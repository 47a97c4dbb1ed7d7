"""What the app remembers between launches (QSettings, organisation "cnn-backprop"):
window geometry and docks, language, theme, recent files and the last file opened or saved.
Only what the person chose or saved: unsaved work that was discarded is never brought back.

A settings file is the person's to edit and can hold anything: every value read back is
type-checked, and one that cannot be used is ignored (the default applies) and reported once,
never fatal. A write that fails (an unwritable home, a folder where the file should be) is
reported once too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from core.scenario import Scenario, ScenarioError, load

_problems: list[str] = []  # what went wrong with the settings, not yet shown to the person
_said: set[str] = set()
_reporter: list[Callable[[str], None]] = []


def _report(message: str) -> None:
    if message not in _said:
        _said.add(message)
        _problems.append(message)
        _flush()


def _flush() -> None:
    while _reporter and _problems:
        _reporter[0](_problems.pop(0))


def begin() -> None:
    """A new run of the app: nothing said yet, and no one to say it to until :func:`report_to`."""
    _reporter.clear()
    _said.clear()
    _problems.clear()


def report_to(say: Callable[[str], None]) -> None:
    """Tell ``say`` what went wrong with the settings, so far and from now on (once each)."""
    _reporter[:] = [say]
    _said.clear()
    _flush()


def _read(key: str, kind: type | tuple[type, ...], ok: Any = None) -> Any:
    """The value of ``key`` if it is a ``kind`` (and passes ``ok``), else None (reported)."""
    value = QSettings().value(key)
    if value is None:
        return None
    if not isinstance(value, kind) or (ok is not None and not ok(value)):
        _report(
            QCoreApplication.translate(
                "Settings", "The setting %1 could not be used and was ignored."
            ).replace("%1", key)
        )
        return None
    return value


def write(key: str, value: Any) -> None:
    """Store ``key``; a settings file that cannot be written is reported once."""
    s = QSettings()
    s.setValue(key, value)
    s.sync()
    if s.status() != QSettings.Status.NoError:
        where = s.fileName()
        _report(
            QCoreApplication.translate(
                "Settings", "Settings cannot be saved to %1; they will be forgotten."
            ).replace("%1", where)
        )


def remember_language(lang: str) -> None:
    write("language", lang)


def language() -> str | None:
    value: str | None = _read("language", str, lambda v: v in ("en", "zh_TW"))
    return value


def remember_theme(choice: str) -> None:
    write("theme", choice)


def theme() -> str | None:
    value: str | None = _read("theme", str)
    return value


def recent_files() -> list[str]:
    value = QSettings().value("recent_files")
    if isinstance(value, str):
        return [value]
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _report(
            QCoreApplication.translate(
                "Settings", "The setting %1 could not be used and was ignored."
            ).replace("%1", "recent_files")
        )
        return []
    return list(value)


def save_window(window) -> None:
    write("window/geometry", window.saveGeometry())
    write("window/state", window.saveState())
    QSettings().remove("last_scenario")  # older versions kept the unsaved state here


def restore_window(window) -> None:
    geometry = _read("window/geometry", QByteArray)
    if geometry is not None and not window.restoreGeometry(geometry):
        _report(
            QCoreApplication.translate(
                "Settings", "The setting %1 could not be used and was ignored."
            ).replace("%1", "window/geometry")
        )
    state = _read("window/state", QByteArray)
    if state is not None and not window.restoreState(state):
        _report(
            QCoreApplication.translate(
                "Settings", "The setting %1 could not be used and was ignored."
            ).replace("%1", "window/state")
        )


def remember_folder(folder: Path) -> None:
    """The folder a file dialog last opened or saved in: the next dialog starts there."""
    write("last_folder", str(folder))


def start_in(file_name: str = "") -> str:
    """Where a file dialog starts: ``file_name`` in the folder last used (while it exists)."""
    folder = _read("last_folder", str) or ""
    if not folder or not Path(folder).is_dir():
        return file_name
    return str(Path(folder) / file_name) if file_name else folder


def remember_path(path: Path | None) -> None:
    """The file last opened or saved (None: an untitled document)."""
    write("last_path", str(path) if path else "")


def last_file() -> tuple[Path, Scenario] | None:
    """The file last opened or saved, if it is still there and still opens."""
    value = _read("last_path", str)
    if not value:
        return None
    try:
        return Path(value), load(value)
    except ScenarioError as exc:
        _report(
            QCoreApplication.translate("Settings", "The last scenario, %1, could not be opened: %2")
            .replace("%1", value)
            .replace("%2", str(exc))
        )
        return None
