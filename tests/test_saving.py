"""Saving keeps everything it loaded and respects the file it writes."""

from __future__ import annotations

import json
import os
import stat
import time

import pytest

from core.atomic import PREFIX, SUFFIX, ReadOnlyError, write_atomic
from core.scenario import ScenarioError, default, dumps, load, loads, save
from gui.state.session import Session


def test_extras_survive_a_session_and_a_save(tmp_path, qtbot):
    data = json.loads(dumps(default()))
    data["extras"] = {"course": "EE5184", "notes": [1, 2, {"x": None}]}
    path = tmp_path / "with-extras.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    session = Session(load(path))
    save(session.scenario(), path)
    assert load(path).extras == data["extras"]


def test_keys_this_version_does_not_know_survive_a_session_an_edit_and_a_save(tmp_path, qtbot):
    data = json.loads(dumps(default()))
    data["from_a_later_version"] = {"optimizer": "adam", "betas": [0.9, 0.999]}
    data["descent"] = {"mode": "w11", "momentum": 0.9}
    data["view"] = {"log_scale": True, "grid": "dense"}
    path = tmp_path / "later.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    session = Session(load(path))
    session.set_value("w12", -0.25)  # an edit in between changes nothing of them
    save(session.scenario(), path)
    back = json.loads(path.read_text(encoding="utf-8"))
    assert back["from_a_later_version"] == data["from_a_later_version"]
    assert back["descent"]["momentum"] == 0.9
    assert back["descent"]["mode"] == "w11"
    assert back["view"] == {"path": None, "log_scale": True, "grid": "dense"}
    assert back["kernel"][0][1] == -0.25


def test_an_unknown_key_cannot_override_a_known_one_nor_hold_nan(tmp_path):
    data = json.loads(dumps(default()))
    data["descent"] = {"mode": "w11", "later": float("nan")}
    with pytest.raises(ScenarioError, match="descent"):
        loads(json.dumps(data))
    assert "target" not in loads(dumps(default())).unknown.get("", {})


def test_saving_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.json"
    save(default(), target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    changed = default().params.with_value("w11", 0.25)
    scenario = load(target)
    save(type(scenario)(changed), link)
    assert link.is_symlink()
    assert load(target).params.get("w11") == 0.25


def test_an_existing_file_keeps_its_permissions_and_a_new_one_follows_the_umask(tmp_path):
    old = tmp_path / "shared.json"
    save(default(), old)
    os.chmod(old, 0o664)
    save(default(), old)
    assert stat.S_IMODE(old.stat().st_mode) == 0o664
    mask = os.umask(0o022)
    try:
        save(default(), tmp_path / "new.json")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644  # not 0600


def test_a_read_only_file_is_not_replaced_without_asking(tmp_path):
    path = tmp_path / "frozen.json"
    save(default(), path)
    before = path.read_bytes()
    os.chmod(path, 0o444)
    changed = type(default())(default().params.with_value("w12", 0.5))
    with pytest.raises(ReadOnlyError):
        save(changed, path)
    assert path.read_bytes() == before
    save(changed, path, replace_readonly=True)
    assert load(path).params.get("w12") == 0.5


@pytest.mark.parametrize("answer", ["Yes", "No"])
def test_the_window_asks_before_replacing_a_read_only_file(window, tmp_path, monkeypatch, answer):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "frozen.json"
    save(default(), path)
    os.chmod(path, 0o444)
    window.session.set_value("w11", 0.75)
    button = getattr(QMessageBox.StandardButton, answer)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: button)
    assert window.file_menu.files._write(path) == (answer == "Yes")
    assert (load(path).params.get("w11") == 0.75) == (answer == "Yes")


def test_the_folder_is_flushed_after_the_rename(tmp_path, monkeypatch):
    flushed = []
    real = os.fsync

    def spy(fd):
        flushed.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_atomic(tmp_path / "f.json", b"{}")
    assert flushed == [False, True]  # the file's bytes, then the folder's entry


def test_stale_temporary_files_of_killed_saves_are_removed_and_fresh_ones_kept(tmp_path):
    stale = tmp_path / f"{PREFIX}abandoned{SUFFIX}"
    fresh = tmp_path / f"{PREFIX}inprogress{SUFFIX}"
    for f in (stale, fresh):
        f.write_bytes(b"half")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    save(default(), tmp_path / "s.json")
    assert not stale.exists() and fresh.exists()


def test_a_long_legal_file_name_saves(tmp_path):
    name = "x" * 250 + ".json"  # 255 bytes: the longest name most file systems allow
    save(default(), tmp_path / name)
    assert load(tmp_path / name).params == default().params


def test_a_learning_rate_outside_the_windows_range_is_brought_into_it_with_a_note(
    window, tmp_path, capsys
):
    from core.cli import build_parser, scenario_from

    data = json.loads(dumps(default()))
    data["learning_rate"] = 500.0
    path = tmp_path / "fast.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.file_menu.files.load_path(path)
    assert window.session.snapshot.lr == 100.0  # the slider's and the field's largest
    assert "learning_rate 500" in window.statusBar().currentMessage()
    save(window.session.scenario(), path)
    assert load(path).learning_rate == 100.0 and not load(path).notes  # read back as written
    data["learning_rate"] = 1e-9
    path.write_text(json.dumps(data), encoding="utf-8")
    assert scenario_from(build_parser().parse_args(["--scenario", str(path)])).learning_rate == 1e-4
    assert "brought to 0.0001" in capsys.readouterr().err  # the command line says it too
