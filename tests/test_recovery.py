"""Unsaved work survives a crash, a kill or a logout: autosave, recovery, SIGTERM."""

from __future__ import annotations

import gc
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier
from PySide6.QtWidgets import QMessageBox

from core import recovery
from core.scenario import default, dumps, save
from gui.files import autosave
from gui.support.terminate import on_terminate

ROOT = Path(__file__).resolve().parent.parent
Button = QMessageBox.StandardButton


def ended_pid() -> int:
    """The id of a process that has ended (so a recovery file of it is left behind)."""
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def answer(monkeypatch, button) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *rest):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_recovery_file_reads_back_what_was_written(tmp_path):
    scenario = default()
    path = recovery.path_for(tmp_path, 4242)
    recovery.write(path, scenario, Path("/course/hw.json"), now=1_700_000_000.0)
    found = recovery.read(path)
    assert dumps(found.scenario) == dumps(scenario)
    assert (found.source, found.saved_at) == (Path("/course/hw.json"), 1_700_000_000.0)


def test_only_files_of_ended_windows_are_left_behind(tmp_path):
    for pid in (111, 222, os.getpid()):
        recovery.write(recovery.path_for(tmp_path, pid), default(), None)
    (tmp_path / "autosave-notapid.json").write_text("{}")
    assert recovery.left_behind(tmp_path, alive=lambda pid: pid == 222) == [
        recovery.path_for(tmp_path, 111)
    ]


def test_unsaved_work_is_written_aside_and_removed_once_saved(window, tmp_path):
    keeper = window.autosave
    assert keeper.save_now() and not keeper.path.exists()  # nothing unsaved: nothing written
    window.session.set_value("w11", 0.25)
    assert keeper.save_now() and keeper.path.exists()
    assert recovery.read(keeper.path).scenario.params.get("w11") == 0.25
    assert window.file_menu.files._write(tmp_path / "kept.json")
    assert not keeper.path.exists()


def test_closing_with_the_work_discarded_leaves_nothing_to_recover(window, monkeypatch):
    window.session.set_value("w11", 0.25)
    window.autosave.save_now()
    answer(monkeypatch, Button.Discard)
    window.close()
    assert not window.autosave.path.exists()


def test_the_next_launch_offers_the_work_an_ended_window_left(window, tmp_path, monkeypatch):
    source = tmp_path / "hw.json"
    save(default(), source)
    work = default().params.with_value("w12", -0.75)
    left = recovery.path_for(autosave.folder(), ended_pid())
    recovery.write(left, type(default())(work, name="mine"), source)
    asked = answer(monkeypatch, Button.Open)
    assert window.autosave.offer_recovery()
    assert "hw.json" in asked[0]
    assert window.session.snapshot.params.get("w12") == -0.75
    assert window.session.modified  # it is in no file yet: Save is needed
    assert window.file_menu.files.path == source  # and Save writes where it came from
    assert not left.exists() and window.autosave.path.exists()  # now this window's own


def test_discarding_the_offer_deletes_it_and_cancel_keeps_it(window, monkeypatch):
    left = recovery.path_for(autosave.folder(), ended_pid())
    recovery.write(left, default(), None)
    answer(monkeypatch, Button.Cancel)
    assert not window.autosave.offer_recovery() and left.exists()
    answer(monkeypatch, Button.Discard)
    assert not window.autosave.offer_recovery() and not left.exists()
    assert not window.session.modified


def test_an_unreadable_recovery_file_is_said_and_removed(window, monkeypatch):
    left = recovery.path_for(autosave.folder(), ended_pid())
    left.parent.mkdir(parents=True, exist_ok=True)
    left.write_text("{not json")
    asked = answer(monkeypatch, Button.Open)
    assert not window.autosave.offer_recovery()
    assert not asked and not left.exists()
    assert "recovery file" in window.statusBar().currentMessage()


def test_sigterm_keeps_the_work_aside_then_closes_as_the_person_would(window, qtbot, monkeypatch):
    undo = on_terminate(window, window.terminated)
    try:
        window.session.set_value("w11", 0.25)
        asked = answer(monkeypatch, Button.Cancel)  # nobody there to answer: the window stays
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: bool(asked), timeout=5000)
        assert window.isVisible() and window.autosave.path.exists()
        assert "unsaved changes" in asked[0]
        answer(monkeypatch, Button.Discard)
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert not window.autosave.path.exists()
    finally:
        undo()


def test_an_idle_app_does_not_wake_for_its_signal_socket(qapp):
    """The app drops the undo ``on_terminate`` returns (gui/app.py). The socket's writer
    must live on all the same: closed, it left the reader readable at its end for ever, so
    the event loop woke for it without pause (a whole core busy while the window sat idle)
    and signals were written to a closed descriptor, which a file opened later could get."""
    old_handler, old_fd = signal.getsignal(signal.SIGTERM), signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(old_fd)
    parent = QObject()
    try:
        on_terminate(parent, lambda: None)  # the undo dropped, as the app does
        gc.collect()
        woke: list[int] = []
        parent.findChild(QSocketNotifier).activated.connect(lambda *_: woke.append(1))
        for _ in range(20):
            QCoreApplication.processEvents()
        assert woke == []  # nothing arrived, nothing to wake for
        fd = signal.set_wakeup_fd(old_fd)
        assert stat.S_ISSOCK(os.fstat(fd).st_mode)  # still the socket's writer, open
    finally:
        signal.set_wakeup_fd(old_fd)
        signal.signal(signal.SIGTERM, old_handler)
        parent.deleteLater()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_app_ends_normally_on_sigterm(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not typesetting_child(app.pid):  # started after the first paint: the app is up
            assert app.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=30) == 0  # closed through the window, not killed (-15)
    finally:
        app.kill()


def typesetting_child(pid: int) -> bool:
    for proc in Path("/proc").iterdir():
        try:
            stat = (proc / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                return "mathsvg" in (proc / "cmdline").read_text()
        except (OSError, ValueError, IndexError):
            continue
    return False
