"""What the app remembers between launches (QSettings, organisation "cnn-backprop"):
window geometry and docks, language, theme, recent files (see files.scenario_files) and the
last file opened or saved. Only what the person chose or saved: unsaved work that was
discarded is never brought back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from core.scenario import Scenario, ScenarioError, load


def remember_language(lang: str) -> None:
    QSettings().setValue("language", lang)


def language() -> str | None:
    value = QSettings().value("language")
    return value if value in ("en", "zh_TW") else None


def remember_theme(choice: str) -> None:
    QSettings().setValue("theme", choice)


def theme() -> str | None:
    value = QSettings().value("theme")
    return value if isinstance(value, str) else None


def save_window(window) -> None:
    s = QSettings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    s.remove("last_scenario")  # older versions kept the unsaved state here


def restore_window(window) -> None:
    s = QSettings()
    geometry, state = s.value("window/geometry"), s.value("window/state")
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)


def remember_path(path: Path | None) -> None:
    """The file last opened or saved (None: an untitled document)."""
    QSettings().setValue("last_path", str(path) if path else "")


def last_file() -> tuple[Path, Scenario] | None:
    """The file last opened or saved, if it is still there and still opens."""
    value = QSettings().value("last_path")
    if not isinstance(value, str) or not value:
        return None
    try:
        return Path(value), load(value)
    except ScenarioError:
        return None
