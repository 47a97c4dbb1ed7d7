"""The diagram draws the network on show: the cells name the chosen activation, bias nodes
appear only with their bias and light their paths like any value, a dead ReLU path is drawn
grey and dotted with a badge reading 0 and says why; the homework's diagram is drawn, pixel for
pixel, as before the network could vary.

Expected numbers are worked by hand or computed here by a separate formulation of the network
(``_loss``), never read from the code under test.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from core.presets import preset
from core.scenario import default
from gui.diagram.content import tooltip
from gui.diagram.lighting import HEAD_BIAS_BADGE
from gui.diagram.scene import DiagramScene
from gui.state.session import Session

REFERENCE = Path(__file__).with_name("homework_diagram.png")  # the homework, as drawn so far


def _render(scene, rect: QRectF | None = None) -> QImage:
    rect = scene.sceneRect() if rect is None else rect
    img = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    return img


def _pixels(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.width(), 4)
    return raw[:, :, 2::-1].astype(int)  # BGRA in memory -> RGB


def _loss(p: dict, act: str = "sigmoid") -> float:
    """MSE of the network written out from its definition: z = window . w + b, o = f(z),
    y_hat = head . o + c."""
    a, w = np.array(p["a"], float), np.array(p["w"], float)
    f = {"sigmoid": lambda z: 1 / (1 + math.exp(-z)), "relu": lambda z: max(z, 0.0)}[act]
    o = [f(float((a[i : i + 2, j : j + 2] * w).sum()) + p["b"]) for i in (0, 1) for j in (0, 1)]
    y_hat = float(np.dot(p["head"], o)) + p["c"]
    return (p["yy"] - y_hat) ** 2


def _biases_preset() -> dict:
    return {
        "a": [[1.0, 0.5, -1.0], [-0.5, 2.0, 1.0], [1.5, -1.0, 0.5]],
        "w": [[0.4, -0.3], [0.2, 0.6]],
        "head": [0.8, -0.5, 1.2, 0.7],
        "yy": 1.5,
        "b": -0.5,
        "c": 0.3,
    }


def _central(name: str, h: float = 1e-6) -> float:
    up, down = _biases_preset(), _biases_preset()
    up[name] += h
    down[name] -= h
    return (_loss(up) - _loss(down)) / (2 * h)


def _lines(win, name: str) -> list[str]:
    return [text for text, _font in win.scene.nodes[name].drawn_lines()]


def test_relu_cells_read_relu_and_its_slope(win):
    win.session.load_scenario(preset("relu_dead"))
    # z00 = 1(0.4) + 0.5(-0.3) + (-0.5)(0.2) + 2(0.6) = 1.35 > 0: relu passes it, slope 1
    assert _lines(win, "z00")[:3] == ["z00 = 1.35", "o00 = relu(z00) = 1.35", "relu'(z00) = 1"]
    # z10 = (-0.5)(0.4) + 2(-0.3) + 1.5(0.2) + (-1)(0.6) = -1.1 <= 0: output 0, slope 0
    assert _lines(win, "z10")[:3] == ["z10 = -1.1", "o10 = relu(z10) = 0", "relu'(z10) = 0"]
    assert win.scene.headers[2].text() == "Conv layer: z = window · w,  o = relu(z)"
    win.session.network.set_activation("tanh")
    assert _lines(win, "z00")[1] == f"o00 = tanh(z00) = {math.tanh(1.35):.4g}"


def test_the_loss_box_shows_the_chosen_loss(win):
    win.session.network.set_loss("half_mse")
    # y_hat of the homework is 0.9782 (README); (1.5 - 0.9782)^2 / 2 = 0.1361
    assert _lines(win, "MSE")[1] == "(yy − ŷ)² / 2"
    assert abs(float(_lines(win, "MSE")[0]) - (1.5 - 0.97818) ** 2 / 2) < 1e-3
    assert win.scene.nodes["MSE"].title() == "loss L"


def test_bias_nodes_are_drawn_only_while_the_network_has_them(win):
    scene = win.scene
    assert not scene.nodes["b"].isVisible() and not scene.nodes["c"].isVisible()
    assert not any(scene.edges[k].isVisible() for k in ("bias0", "bias3", "cbias"))
    win.session.load_scenario(preset("biases"))
    view = win.view.viewport().rect()
    for name in ("b", "c"):
        item = scene.nodes[name]
        assert item.isVisible()
        assert scene.sceneRect().contains(item.sceneBoundingRect())
        shown = win.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        assert view.contains(shown), f"{name} lies outside the diagram's view"
    assert all(scene.edges[f"bias{c}"].isVisible() for c in range(4))
    assert scene.edges["cbias"].isVisible()
    assert scene.headers[2].text() == "Conv layer: z = window · w + b,  o = s(z)"
    win.session.network.set_bias("b", False)
    assert not scene.nodes["b"].isVisible() and not scene.edges["bias0"].isVisible()
    assert scene.nodes["c"].isVisible()


@pytest.mark.parametrize(("bias", "n_paths"), [("b", 4), ("c", 1)])
def test_a_bias_node_is_selected_lit_and_its_gradient_is_a_central_difference(win, bias, n_paths):
    s, scene = win.session, win.scene
    s.load_scenario(preset("biases"))
    scene._clicked(bias)  # a click on the node
    snap = s.snapshot
    assert snap.selected == bias and len(snap.paths) == n_paths
    numeric = _central(bias)
    assert snap.gradients[bias] == pytest.approx(numeric, rel=1e-6)
    assert sum(p.value for p in snap.paths) == pytest.approx(numeric, rel=1e-6)
    shown = float(_lines(win, bias)[1].removeprefix("∂ "))  # as the node prints it
    assert shown == pytest.approx(numeric, rel=1e-3)
    assert scene.nodes[bias].emphasis().selected
    badges = [k for k, badge in scene.badges.items() if badge.isVisible()]
    if bias == "b":
        assert sorted(badges) == [0, 1, 2, 3]
        assert all(scene.edges[f"bias{c}"].style()[1] > 2.0 for c in range(4))  # lit, wide
    else:
        assert badges == [HEAD_BIAS_BADGE]
        assert scene.badges[HEAD_BIAS_BADGE].text() == f"{numeric:.4g}"
    assert "∂MSE/∂" + bias in tooltip(snap, bias)


def test_a_bias_is_edited_like_any_value(win):
    s = win.session
    s.load_scenario(preset("biases"))
    s.set_value("c", 0.25)
    assert s.snapshot.params.c == 0.25
    assert _lines(win, "c")[0] == "0.25"
    s.undo_stack.undo()
    assert s.snapshot.params.c == 0.3


def _along(img: np.ndarray, edge, ground: QColor) -> tuple[float, float]:
    """Along the middle of ``edge``: the part of samples on grey ink, and on the bare ground."""
    ink = bare = 0
    n = 400
    g = np.array([ground.red(), ground.green(), ground.blue()])
    for k in range(n):
        pt = edge.path().pointAtPercent(0.2 + 0.6 * k / n)
        r, gg, b = img[int(round(pt.y())), int(round(pt.x()))]
        if abs(r - gg) < 16 and abs(gg - b) < 16 and r < 170:
            ink += 1
        if np.abs(np.array([r, gg, b]) - g).max() < 12:
            bare += 1
    return ink / n, bare / n


def test_the_relu_presets_dead_path_is_drawn_dead_and_its_term_is_exactly_0(win):
    s, scene = win.session, win.scene
    s.load_scenario(preset("relu_dead"))
    snap = s.snapshot
    dead = snap.paths[2]  # path 3 runs through z10, where z = -1.1
    assert dead.value == 0.0 and dead.dead
    assert [p.dead for p in snap.paths] == [False, False, True, False]
    assert scene.badges[2].text() == "0"
    for key in ("head2", "headout2", "kern2", "inp2"):
        assert scene.edges[key].dotted(), key
    assert not any(scene.edges[k].dotted() for k in ("head0", "head1", "head3", "kern0"))
    img = _pixels(_render(scene))
    ground = scene.backgroundBrush().color()
    ink, bare = _along(img, scene.edges["head2"], ground)
    assert ink > 0.2 and bare > 0.1, (ink, bare)  # grey dots with gaps between
    _, bare_live = _along(img, scene.edges["head0"], ground)
    assert bare_live == 0.0  # a live path is a solid line
    said = "relu'(z10) = 0: z10 = -1.1 <= 0, no gradient flows through this cell"
    assert said in tooltip(snap, "path2")
    assert said in tooltip(snap, "z10")
    card = QTextDocument()
    card.setHtml(win.paths_panel.rows[2].text())  # the card's text as it reads
    assert said in card.toPlainText()
    assert card.toPlainText().splitlines()[1].endswith("= 0")  # the term as the card prints it


def test_the_homework_diagram_draws_the_same_pixels_as_before():
    scene = DiagramScene(Session(default()))
    got = _render(scene)
    want = QImage(str(REFERENCE))
    assert got.size() == want.size()
    diff = np.abs(_pixels(got) - _pixels(want)).max(axis=2)
    assert int((diff > 0).sum()) == 0, f"{int((diff > 0).sum())} pixels differ"


def test_the_longest_conv_header_ends_before_the_head_column(win):
    s, headers = win.session, win.scene.headers
    s.load_scenario(preset("biases"))
    s.network.set_activation("leaky_relu")
    conv, head = headers[2], headers[3]
    assert conv.text() == "Conv layer: z = window · w + b,  o = leaky_relu(z)"
    assert conv.sceneBoundingRect().right() < head.sceneBoundingRect().left()
    s.undo_stack.undo()
    s.undo_stack.undo()  # back to the homework: its header in its own type
    assert conv.text() == "Conv layer: z = window · w,  o = s(z)"
    assert conv.font().pixelSize() == 17
