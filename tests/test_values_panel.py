"""Without sight: every value of the network, every path and every control reachable through
Qt's accessibility tree (what Orca, NVDA and VoiceOver read)."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest

from core.model import EDITABLE
from gui.diagram import values as values_module
from gui.diagram.values_text import ROWS

Name = QAccessible.Text.Name


def tree_texts(window) -> list[str]:
    """Every accessible name in the window's tree, as a screen reader walks it."""
    out: list[str] = []

    def walk(node, depth=0):
        if node is None or depth > 40:
            return
        out.append(node.text(Name) or "")
        for k in range(node.childCount()):
            walk(node.child(k), depth + 1)

    walk(QAccessible.queryAccessibleInterface(window))
    return out


def sig(z):
    return 1 / (1 + math.exp(-z))


def homework_values() -> dict[str, float]:
    """The homework's numbers, computed here from the definitions (not by core)."""
    a = {"a11": 1, "a12": 0.5, "a13": -1, "a21": -0.5, "a22": 2, "a23": 1}
    a |= {"a31": 1.5, "a32": -1, "a33": 0.5}
    w = {"w11": 0.4, "w12": -0.3, "w21": 0.2, "w22": 0.6}
    h = {"wa": 0.8, "wb": -0.5, "wc": 1.2, "wd": 0.7}
    return {**a, **w, **h, "yy": 1.5}


def loss(v: dict[str, float]) -> float:
    y = 0.0
    for head, (i, j) in zip(("wa", "wb", "wc", "wd"), [(1, 1), (1, 2), (2, 1), (2, 2)]):
        z = sum(v[f"a{i + p}{j + q}"] * v[f"w{1 + p}{1 + q}"] for p in (0, 1) for q in (0, 1))
        y += v[head] * sig(z)
    return (v["yy"] - y) ** 2


def finite_difference(name: str) -> float:
    return finite_difference_at(homework_values(), name)


def finite_difference_at(v: dict[str, float], name: str) -> float:
    h = 1e-6
    up, down = dict(v), dict(v)
    up[name] += h
    down[name] -= h
    return (loss(up) - loss(down)) / (2 * h)


def test_every_value_is_read_out_with_its_number_and_gradient(window):
    texts = tree_texts(window)
    v = homework_values()
    for name in EDITABLE:
        said = [t for t in texts if t.startswith(f"{name}, ")]
        assert said, f"{name} is not in the accessibility tree"
        numbers = re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", said[0].split(", ", 2)[2])
        assert float(numbers[0]) == v[name]
        assert float(numbers[-1]) == pytest.approx(finite_difference(name), rel=1e-3)
    assert "w11, kernel weight, 0.4, gradient -0.3145" in texts
    assert any(t.startswith("MSE, loss, 0.2723") for t in texts)  # (1.5 - 0.9782)^2


def test_each_path_reads_as_a_sentence_and_the_gradient_as_their_sum(window):
    texts = tree_texts(window)
    assert (
        "Path 1 into w11 via z00: wa 0.8 times s'(z00) 0.1635 times a11 1 times "
        "dMSE/dy_hat -1.044 equals -0.1365"
    ) in texts
    total = [t for t in texts if t.startswith("The gradient dMSE/dw11 is the sum")]
    assert total and total[0].endswith("equals -0.3145")


def test_typing_a_value_in_the_table_commits_and_is_announced(window, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(values_module, "announce", lambda widget, text: said.append(text))
    panel = window.values
    window.findChild(type(panel.parent()), "values_dock").raise_()
    index = panel.model.index(ROWS.index("w12"), 2)
    assert panel.model.setData(index, "0,25")
    assert window.session.snapshot.value("w12") == 0.25
    assert said and said[-1].startswith("w12, kernel weight, 0.25, gradient ")
    before = window.session.snapshot
    assert not panel.model.setData(index, "abc")
    assert window.session.snapshot is before
    assert "not a number" in panel.note.text() and "not a number" in said[-1]


def test_the_table_and_the_diagram_follow_one_selection(window, qtbot):
    panel = window.values
    window.session.select("a22")
    assert panel.table.currentIndex().row() == ROWS.index("a22")
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(ROWS.index("wb"), 0))
    assert window.session.snapshot.selected == "wb"
    QTest.keyClick(panel.table, Qt.Key.Key_Down)  # the keyboard moves the selection too
    assert window.session.snapshot.selected == "wc"


def test_a_value_hidden_for_the_quiz_is_not_read_out_anywhere(window):
    window.session.lecture.set_hidden(("y_hat",))
    texts = tree_texts(window)
    said = next(t for t in texts if t.startswith("y_hat, "))
    assert said == "y_hat, prediction, ?, gradient ?"
    assert next(t for t in texts if t.startswith("MSE, ")) == "MSE, loss, ?"  # it gives y_hat
    path = next(t for t in texts if t.startswith("Path 1 into w11"))
    assert "dMSE/dy_hat ? equals ?" in path
    assert "0.9782" not in " ".join(texts)


def test_the_plots_have_a_text_alternative_and_banners_are_spoken(window, monkeypatch):
    from gui.descent import panel as descent_panel

    said: list[str] = []
    monkeypatch.setattr(descent_panel, "announce", lambda w, text: said.append(text))
    window.findChild(type(window.values.parentWidget()), "values_dock").raise_()
    for _ in range(3):
        window.session.descent.step()
    texts = tree_texts(window)
    v = homework_values()
    w11 = v["w11"]
    for _ in range(3):  # three steps of w11 -= 0.5 * dMSE/dw11, by the finite difference
        v["w11"] = w11
        grad = finite_difference_at(v, "w11")
        w11 -= 0.5 * grad
    row = next(t for t in texts if t.startswith("Step 3: w11 "))
    assert float(row.split()[3].rstrip(",")) == pytest.approx(w11, rel=1e-3)
    assert any(t.startswith("Step 2: w11 ") for t in texts)  # and the steps before it
    window.session.descent.set_learning_rate(100.0)
    window.session.descent.set_stop_rule(max_steps=60)
    window.session.descent.play()
    window.session.descent.player.stop()
    window.session.descent.advance(60)
    banner = window.descent_panel.banner
    assert banner.text() and said and said[-1] == banner.toolTip()  # the whole explanation
