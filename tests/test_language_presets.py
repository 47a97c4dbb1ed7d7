"""Preset names and descriptions are translated; a scenario file's own name stays as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import presets
from gui.state.session import preset_text
from gui.support import language
from resources.translations import catalogue

ROOT = Path(__file__).resolve().parent.parent


def _file_texts(name: str) -> tuple[str, str]:
    data = json.loads((ROOT / "resources" / "presets" / f"{name}.json").read_text("utf-8"))
    return data["name"], data["description"]


@pytest.mark.parametrize("name", presets.NAMES)
def test_every_preset_text_is_marked_and_translated(name):
    """A preset added to NAMES without its two texts in presets.TEXTS fails here."""
    finished = {key: done for key, (_text, done) in catalogue.read_ts().items()}
    for text in _file_texts(name):
        assert text in presets.TEXTS
        assert finished.get(("Presets", text)) is True


def test_the_scenario_menu_names_and_describes_each_preset_in_the_language(window):
    menu = window.file_menu.scenario_menu
    name, description = _file_texts("saturated")
    entry = next(a for a in menu.actions() if a.text() == name)
    assert entry.toolTip() == description
    window.language_menu.switch("zh_TW")
    assert entry.text() == "飽和的 sigmoid（梯度消失）"
    assert entry.toolTip().startswith("很大的濾波器")
    window.language_menu.switch("en")
    assert (entry.text(), entry.toolTip()) == (name, description)


def test_loading_a_preset_names_it_in_the_undo_text_in_either_language(window):
    window.file_menu.files.load_preset("cancelling")
    undo = window.undo_actions.undo
    assert undo.text() == "&Undo Load Paths that cancel"
    window.language_menu.switch("zh_TW")
    assert "互相抵消的路徑" in undo.text()


def test_a_scenario_files_own_name_stays_as_written():
    language.set_language("zh_TW")
    try:
        assert preset_text("My lecture, week 3") == "My lecture, week 3"
        assert preset_text("Homework 1-3") == "作業 1-3"
    finally:
        language.set_language("en")
