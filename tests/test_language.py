"""The interface in English and Traditional Chinese, switched in the open window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

from core.scenario import default
from gui.diagram.values import VALUE
from gui.state.session import Session
from gui.support import language

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "resources" / "translations"))
import catalogue as translations  # noqa: E402


def test_every_visible_string_has_a_finished_translation():
    catalogue = translations.read_ts()
    missing = [key for key in translations.extract() if not catalogue.get(key, ("", False))[1]]
    assert missing == []


def test_every_marked_string_has_the_context_it_is_translated_in():
    """pyside6-lupdate gives a call it cannot place (a module-level ``tr("...")`` helper) an
    empty context, which the running app never asks for: each string must name its context."""
    assert sorted(src for ctx, src in translations.extract() if not ctx) == []


def test_the_compiled_catalogue_matches_its_source(tmp_path):
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    out = tmp_path / "fresh.qm"
    subprocess.run([str(exe), "-silent", str(translations.TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == translations.QM.read_bytes()


def texts(window):
    menus = [a.text() for a in window.menuBar().actions()]
    docks = sorted(d.windowTitle() for d in window.findChildren(QDockWidget))
    headers = {i.text() for i in window.scene.items() if hasattr(i, "text") and callable(i.text)}
    return menus, docks, headers


def test_switching_language_retranslates_the_open_window(window):
    window.language_menu.switch("zh_TW")
    menus, docks, headers = texts(window)
    assert menus[:3] == ["檔案(&F)", "編輯(&E)", "情境(&S)"]
    assert "梯度下降" in docks and "推導" in docks
    assert "輸入 a（3×3）" in headers
    assert window.descent_controls.play.text() == "播放"
    assert window.descent_controls.play.toolTip().startswith("播放或暫停梯度下降")
    assert "目標值 yy" == window.scene.nodes["yy"].title()
    assert QSettings().value("language") == "zh_TW"
    window.language_menu.switch("en")
    menus, docks, headers = texts(window)
    assert menus[:3] == ["&File", "&Edit", "&Scenario"]
    assert "Gradient descent" in docks and "Input a (3×3)" in headers


def test_qt_standard_buttons_are_translated_too(window):
    from PySide6.QtWidgets import QDialogButtonBox

    language.set_language("zh_TW")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_the_homework_terms_are_used_in_chinese(window):
    language.set_language("zh_TW")
    catalogue = {src: t for (_, src), (t, _) in translations.read_ts().items()}
    assert "捲積層" in catalogue["Conv layer: z = window · w,  o = s(z)"]
    assert (
        "激勵函數"
        in catalogue[
            "z00, z01, z10, z11 are the conv layer's values before the activation function."
        ]
    )
    assert "偏微分" in catalogue["Step 3. Compute each partial derivative"]
    assert "梯度" in catalogue["Gradient descent"]


def test_screenshot_of_a_scenario_file_in_chinese_has_the_window_size(tmp_path):
    out = tmp_path / "shot.png"
    scenario = ROOT / "resources" / "presets" / "zeroed.json"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    args = [sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), "--lang", "zh_TW"]
    subprocess.run([*args, str(scenario)], check=True, env=env, timeout=120)
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_the_divergence_banner_speaks_chinese(window):
    from dataclasses import replace

    session = Session(replace(default(), learning_rate=100.0))
    language.set_language("zh_TW")
    try:
        session.descent.step()  # lr = 100 throws w11 into the sigmoids' flat tails
        banner = session.snapshot.descent.banner
    finally:
        language.set_language("en")
    assert banner.startswith("學習率太大")
    assert "已停在第 0 步" in banner


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("abc", "「abc」不是數字"),
        ("", "空白：請輸入一個數字"),
        ("1e999", "超出範圍：絕對值不得超過 1e+150"),
        ("1/0", "除以零"),
    ],
)
def test_a_refused_typed_value_says_why_in_chinese(window, monkeypatch, text, said):
    from gui.diagram import values as values_module

    told: list[str] = []
    monkeypatch.setattr(values_module, "announce", lambda _w, words: told.append(words))
    model = window.values.model
    language.set_language("zh_TW")
    try:
        window.scene.edit_requested.emit("a23")
        editor = window.view.editor
        editor.setText(text)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        in_diagram = editor.bubble.text()
        editor.cancel()
        model.setData(model.index(model.names.index("a23"), VALUE), text)
        in_panel = window.values.note.text()
    finally:
        language.set_language("en")
    assert in_diagram == f"未變更：{said}"
    assert in_panel.endswith(said) and in_panel.startswith("a23")
    assert window.session.undo_stack.count() == 0
    again = window.values.note.text()  # the panel's note is said again in English
    assert again.startswith("a23 not changed: ") and said not in again
    assert told == [in_panel]  # aloud once, when refused; the switch only rewrites it


def test_a_target_a_probability_loss_refuses_says_why_in_chinese(window):
    window.session.set_value("yy", 0.5)
    window.session.network.set_loss("bce_logits")
    language.set_language("zh_TW")
    try:
        window.scene.edit_requested.emit("yy")
        editor = window.view.editor
        editor.setText("2")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        said = editor.bubble.text()
        editor.cancel()
    finally:
        language.set_language("en")
    assert said == "未變更：目標：bce_logits 需要介於 0 到 1 的目標值（一個機率），不能是 2"


BOXES_AFTER_A_SWITCH = """
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QComboBox
app = QApplication([])
from core.scenario import default
from gui.main_window import MainWindow
from gui.state.session import Session
from gui.support import language

def run(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

language.set_language("zh_TW")
session = Session(default())
w = MainWindow(session)
w.resize(1280, 720)
w.show()
run(200)
language.set_language("en")
run(200)
out = []
for box in w.findChildren(QComboBox):
    if box.isVisible():
        texts = [box.itemText(i) for i in range(box.count())]
        widest = max(box.fontMetrics().horizontalAdvance(t) for t in texts)
        out.append([box.currentText(), box.width(), widest])
w.derivation.typesetter.shutdown()
session.mark_saved()
print(json.dumps(out))
"""


def test_a_window_opened_in_chinese_widens_its_boxes_for_english():
    """Qt measures a box once, at its first show: a window opened in Chinese and switched to
    English cut "w11 (homework)" and "SGD (plain gradient descent)" to the Chinese texts'
    widths. (A fresh process, with the app's own event loop: in the test process the boxes
    were measured again by some other event, hiding the fault.)"""
    import json
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", BOXES_AFTER_A_SWITCH],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    boxes = json.loads(out.stdout.strip().splitlines()[-1])
    assert len(boxes) >= 2
    for text, width, widest in boxes:
        assert width >= widest, text
