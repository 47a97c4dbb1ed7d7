import os
import sys
from pathlib import Path

# Before anything imports Qt: no display is needed to run the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings_and_no_blocking_dialogs(tmp_path, monkeypatch):
    """Settings and recovery files go to a temporary folder, never the user's; closing never
    waits on a dialog."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # recovery files, never the user's
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # typeset formulas too
    yield
    language = sys.modules.get("gui.support.language")
    if language is not None and language.current() != "en":
        language.set_language("en")  # a test that switched the interface leaves it in English


@pytest.fixture
def session(qtbot):
    """A session on the homework's numbers; a running descent is paused at the end."""
    from core.scenario import default
    from gui.state.session import Session

    s = Session(default())
    yield s
    s.descent.pause()


@pytest.fixture
def win(qtbot, session):
    """The main window on ``session``, shown and active."""
    from gui.main_window import MainWindow

    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    yield w
    w.derivation.typesetter.shutdown()


@pytest.fixture
def window(win):
    return win
