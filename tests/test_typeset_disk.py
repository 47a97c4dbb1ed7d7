"""Typeset formulas kept on disk: a window opened again on the same numbers shows its
derivation without the worker; a bad or unwritable cache folder only means typesetting again."""

from __future__ import annotations

import os

from gui.panels import typeset_disk
from gui.panels.typeset import _Worker

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def test_the_folder_is_the_users_cache_folder(tmp_path):
    assert typeset_disk.folder() == tmp_path / "cache" / "cnn-backprop" / "typeset"


def test_a_kept_formula_comes_back_whole_and_others_do_not():
    typeset_disk.save(r"w_{11} = 0.4", SVG)
    assert typeset_disk.load(r"w_{11} = 0.4") == SVG
    assert typeset_disk.load(r"w_{11} = 0.5") is None
    assert not list(typeset_disk.folder().glob("*.part"))  # written whole, then renamed


def test_a_damaged_file_is_not_taken_for_a_formula():
    typeset_disk.save("x", SVG)
    path = next(typeset_disk.folder().glob("*.svg"))
    path.write_bytes(b"\x00\x00garbage")
    assert typeset_disk.load("x") is None


def test_trimming_removes_the_oldest_first():
    for k in range(5):
        typeset_disk.save(f"f{k}", SVG + b" " * 1000)
    files = sorted(typeset_disk.folder().glob("*.svg"))
    for k, text in enumerate(f"f{k}" for k in range(5)):  # ages: f0 oldest
        os.utime(typeset_disk._path(text), (1000 + k, 1000 + k))
    size = len(SVG) + 1000
    typeset_disk.trim(limit=2 * size)
    assert [typeset_disk.load(f"f{k}") is not None for k in range(5)] == [False] * 3 + [True] * 2
    assert len(files) == 5


def test_an_unwritable_cache_folder_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    typeset_disk.save("x", SVG)  # no exception, no file
    assert typeset_disk.load("x") is None
    typeset_disk.trim()


def test_the_worker_serves_a_kept_formula_without_starting(qtbot):
    typeset_disk.save(r"\text{kept}", SVG)
    worker = _Worker()
    try:
        worker.want([r"\text{kept}"])
        assert worker.cache[r"\text{kept}"] == SVG
        assert worker._proc is None and not worker.busy  # no process was needed
    finally:
        worker.stop()


def test_what_the_worker_typesets_is_kept_for_next_time(qtbot):
    worker = _Worker()
    try:
        worker.want([r"w_{12} = -0.3"])
        qtbot.waitUntil(lambda: r"w_{12} = -0.3" in worker.cache, timeout=30000)
        assert typeset_disk.load(r"w_{12} = -0.3") == worker.cache[r"w_{12} = -0.3"]
        assert worker.cache[r"w_{12} = -0.3"].lstrip().startswith((b"<svg", b"<?xml"))
    finally:
        worker.stop()
