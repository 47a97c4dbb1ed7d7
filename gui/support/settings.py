"""What the app remembers between launches (QSettings, organisation "cnn-backprop"):
window geometry and docks, language, theme, recent files (see file_actions) and the last
scenario.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from core.scenario import Scenario, ScenarioError, dumps, loads


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
    s.setValue("last_scenario", dumps(window.session.scenario()))
    path = window.file_menu.files.path
    s.setValue("last_path", str(path) if path else "")


def restore_window(window) -> None:
    s = QSettings()
    geometry, state = s.value("window/geometry"), s.value("window/state")
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)


def last_scenario() -> Scenario | None:
    text = QSettings().value("last_scenario")
    if not text:
        return None
    try:
        return loads(str(text))
    except ScenarioError:
        return None
