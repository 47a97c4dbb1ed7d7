"""Exports: images that parse, a CSV of the run, a worked solution whose numbers are the core's."""

from __future__ import annotations

import csv
import io
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from core.latex import num
from core.presets import preset
from core.scenario import default
from core.solution import markdown
from gui.main_window import MainWindow
from gui.state.session import Session

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(qtbot):
    w = MainWindow(Session(default()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def export(window, monkeypatch, path, text_start: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    action = next(
        a for a in window.file_menu.export_menu.actions() if a.text().startswith(text_start)
    )
    action.trigger()


@pytest.mark.parametrize(
    ("title", "expected_text"),
    [
        ("Diagram", "Conv layer"),
        ("Loss curve plot", "MSE"),
        ("Loss against step plot", "step"),
        ("Value against step plot", "step"),
    ],
)
def test_each_picture_exports_as_png_and_as_svg_that_parses(
    window, monkeypatch, tmp_path, title, expected_text
):
    export(window, monkeypatch, tmp_path / "out.png", f"{title} as PNG")
    image = QImage(str(tmp_path / "out.png"))
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    export(window, monkeypatch, tmp_path / "out.svg", f"{title} as SVG")
    root = ET.parse(tmp_path / "out.svg").getroot()
    assert root.tag == f"{SVG}svg"
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert expected_text in texts
    assert len(list(root.iter(f"{SVG}path"))) + len(list(root.iter(f"{SVG}polyline"))) > 3


def test_the_run_exports_as_csv_with_one_row_per_step(window, monkeypatch, tmp_path):
    for _ in range(5):
        window.session.descent.step()
    export(window, monkeypatch, tmp_path / "run.csv", "Descent run as CSV")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "run.csv").read_text())))
    assert [int(r["step"]) for r in rows] == list(range(6))
    run = window.session.snapshot.descent.run
    assert float(rows[5]["w11"]) == float(run.values[5][0])
    assert float(rows[5]["loss"]) == float(run.loss[5])
    assert list(rows[0]) == ["step", "w11", "loss", "grad"]  # the columns of --descend


def test_the_worked_solution_exports_as_markdown(window, monkeypatch, tmp_path):
    export(window, monkeypatch, tmp_path / "sol", "Worked solution")
    text = (tmp_path / "sol.md").read_text(encoding="utf-8")
    assert text.startswith("# Worked solution") and "$$" in text


def test_the_worked_solution_is_of_the_step_on_show(window, monkeypatch, tmp_path):
    """After ten steps the diagram and the derivation show w11 at step 10: the solution
    exported then is worked from those values, as Copy as LaTeX and --export --steps are."""
    for _ in range(10):
        window.session.descent.step()
    snap = window.session.snapshot
    w11 = snap.params.w[0, 0]
    assert w11 != 0.4
    export(window, monkeypatch, tmp_path / "sol", "Worked solution")
    text = (tmp_path / "sol.md").read_text(encoding="utf-8")
    z00 = float(np.sum(snap.params.a[0:2, 0:2] * snap.params.w))  # by hand, from its window
    assert f"1\\times{num(w11)}" in text and f"= {num(z00)}" in text
    assert "1\\times0.4 " not in text  # not the scenario's starting w11


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


@pytest.mark.parametrize("name", ["homework", "cancelling", "zeroed"])
def test_the_worked_solution_numbers_are_the_networks(name):
    s = preset(name)
    p = s.params
    text = markdown(s)
    # forward pass, recomputed here by hand from the definitions
    z = [float(np.sum(p.a[i : i + 2, j : j + 2] * p.w)) for i in (0, 1) for j in (0, 1)]
    o = [sigmoid(v) for v in z]
    y_hat = sum(h * v for h, v in zip(p.head, o))
    loss = (p.yy - y_hat) ** 2
    for value in [*z, *o, y_hat, loss]:
        assert f"= {num(value)}" in text
    # every backward factor of the four paths of w11
    ds = [v * (1 - v) for v in o]
    for c in range(4):
        assert num(ds[c]) in text
    a_w11 = [p.a[0, 0], p.a[0, 1], p.a[1, 0], p.a[1, 1]]
    grad = -2 * (p.yy - y_hat) * sum(h * d * a for h, d, a in zip(p.head, ds, a_w11))
    assert num(-2 * (p.yy - y_hat)) in text
    answer = re.search(r"is \$(.*?)\$", text.split("## Answer")[1]).group(1)
    answer = re.sub(r"\\times10\^\{(.*?)\}", r"e\1", answer).strip("{}")
    assert float(answer) == pytest.approx(grad, rel=1e-5, abs=1e-12)


def test_the_worked_solution_takes_translated_prose():
    text = markdown(default(), texts={"answer": "答案", "step3": "Step 3. 計算偏微分"})
    assert "## 答案" in text and "## Step 3. 計算偏微分" in text
