"""Every control a person can operate has a name a screen reader speaks (not only a tooltip,
which screen readers do not read as a name), in English and in Traditional Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from gui.support import language

Role = QAccessible.Role
OPERABLE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.Slider,
    Role.SpinBox,
    Role.EditableText,
    Role.ComboBox,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.PageTab,
    Role.Table,
    Role.List,
}


def unnamed(window) -> list[str]:
    out: list[str] = []

    def walk(node, depth=0):
        if node is None or depth > 40:
            return
        if node.role() in OPERABLE and not node.state().invisible:
            if not (node.text(QAccessible.Text.Name) or "").strip():
                thing = node.object()
                tip = thing.toolTip() if hasattr(thing, "toolTip") else ""
                out.append(f"{node.role().name} {type(thing).__name__} ({tip[:40]})")
        for k in range(node.childCount()):
            walk(node.child(k), depth + 1)

    walk(QAccessible.queryAccessibleInterface(window))
    return out


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_every_operable_control_has_a_name(window, lang):
    language.set_language(lang)
    try:
        for dock in ("Paths", "derivationDock", "quiz_dock", "values_dock"):
            window.findChild(type(window.values.parentWidget()), dock).raise_()
            assert unnamed(window) == []
    finally:
        language.set_language("en")


def test_names_follow_a_language_switch_at_run_time(window):
    timeline = window.descent_controls.timeline
    assert timeline.accessibleName() == "Timeline: the step on show"
    window.language_menu.switch("zh_TW")
    try:
        assert timeline.accessibleName() == "時間軸：目前顯示的步數"
    finally:
        window.language_menu.switch("en")
    assert timeline.accessibleName() == "Timeline: the step on show"
