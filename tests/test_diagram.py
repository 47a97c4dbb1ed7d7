"""The diagram: its items, editing in place, lit paths, hover text."""

from __future__ import annotations

import math

import pytest
from gui_helpers import drag, item_point, wheel
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.model import EDITABLE
from core.scenario import default
from gui.diagram.content import tooltip
from gui.diagram.edges import BASE_INK
from gui.look.palette import NEGATIVE, POSITIVE
from gui.main_window import MainWindow
from gui.state.session import Session


def s(z):  # an independent sigmoid for expected values
    return 1 / (1 + math.exp(-z))


@pytest.fixture
def win(qtbot):
    window = MainWindow(Session(default()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_node_of_the_network_is_drawn_with_its_homework_name(win):
    names = {n for n, item in win.scene.nodes.items() if item.isVisible()}  # no bias node

    assert names == set(EDITABLE) | {"z00", "z01", "z10", "z11", "y_hat", "MSE"}
    assert len(names) == 9 + 4 + 4 + 1 + 4 + 2


def test_a_state_change_reaches_every_item(win):
    win.session.set_value("a11", 2.0)
    # z00 = a11 w11 + a12 w12 + a21 w21 + a22 w22 = 2(0.4) + 0.5(-0.3) + (-0.5)(0.2) + 2(0.6)
    z00 = 0.8 - 0.15 - 0.1 + 1.2
    texts = [line.text for line in win.scene.nodes["z00"].lines()]
    assert texts[0] == f"z00 = {z00:.4g}"
    assert texts[1] == f"o00 = s(z00) = {s(z00):.4g}"
    assert win.scene.nodes["a11"].lines()[0].text == "2"


def test_typing_a_value_sets_it(win, qtbot):
    win.scene.edit_requested.emit("w11")
    editor = win.view.editor
    assert editor.isVisible()
    editor.setText("0,25")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert win.session.snapshot.value("w11") == 0.25
    assert not editor.isVisible()


def test_double_click_opens_the_editor_and_escape_cancels(win):
    QTest.mouseDClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, pos=item_point(win.view, "wb")
    )
    editor = win.view.editor
    assert editor.isVisible() and editor.name == "wb"
    editor.setText("7")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert win.session.snapshot.value("wb") == -0.5
    assert not editor.isVisible()


@pytest.mark.parametrize(
    "name, says",
    [
        ("z00", ["a11, a12, a21, a22", "w11..w22"]),
        ("z11", ["a22, a23, a32, a33"]),
        ("y_hat", ["o00..o11", "wa..wd"]),
        ("MSE", ["target yy"]),
    ],
)
def test_double_clicking_a_computed_value_says_what_it_comes_from(win, name, says):
    before = win.session.snapshot
    QTest.mouseDClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, pos=item_point(win.view, name)
    )
    editor = win.view.editor
    assert not editor.isVisible()  # nothing to type into
    assert editor.bubble.isVisible()
    assert all(part in editor.bubble.text() for part in says)
    bubble = editor.bubble.geometry()
    assert win.view.viewport().rect().contains(bubble)  # whole, where the eye is
    assert win.session.snapshot is before


@pytest.mark.parametrize(
    "text, expected",
    [("0.5", 0.5), (".5", 0.5), ("-1e-3", -0.001), ("0,5", 0.5), ("０.５", 0.5), ("1/4", 0.25)],
)
def test_accepted_spellings(win, text, expected):
    win.scene.edit_requested.emit("a23")
    win.view.editor.setText(text)
    QTest.keyClick(win.view.editor, Qt.Key.Key_Return)
    assert win.session.snapshot.value("a23") == expected


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "1e999", "1/0"])
def test_refused_input_says_why_and_changes_nothing(win, text):
    before = win.session.snapshot
    win.scene.edit_requested.emit("a23")
    editor = win.view.editor
    editor.setText(text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert win.session.snapshot is before
    assert editor.bubble.isVisible() and editor.bubble.text().startswith("Not changed")
    assert editor.isVisible()  # still open, so the person can correct it
    assert win.session.undo_stack.count() == 0


def test_dragging_scrubs_live_and_commits_one_undo_step(win):
    start = win.session.snapshot.value("w12")
    drag(win.view, "w12", 60, moves=1)
    one_move = win.session.snapshot.value("w12")
    assert one_move > start
    win.session.undo_stack.undo()
    drag(win.view, "w12", 60)  # four moves delivered together, then the release
    assert win.session.snapshot.value("w12") == one_move  # the last move is what is kept
    assert win.session.undo_stack.count() == 1
    win.session.undo_stack.undo()
    assert win.session.snapshot.value("w12") == start


def test_shift_drag_moves_ten_times_further(win):
    drag(win.view, "a31", 40)
    fine = win.session.snapshot.value("a31") - 1.5
    win.session.undo_stack.undo()
    drag(win.view, "a31", 40, Qt.KeyboardModifier.ShiftModifier)
    coarse = win.session.snapshot.value("a31") - 1.5
    assert fine > 0 and coarse == pytest.approx(10 * fine, rel=0.05)


def test_wheel_scrubs_and_commits_once_after_a_pause(win, qtbot):
    wheel(win.view, "wd", 1)
    assert win.session.snapshot.value("wd") == pytest.approx(0.7 + 0.01)  # a notch shows at once
    wheel(win.view, "wd", 1)
    QApplication.processEvents()  # the second of a burst lands before the next paint
    assert win.session.snapshot.value("wd") == pytest.approx(0.7 + 2 * 0.01)
    qtbot.waitUntil(lambda: win.session.undo_stack.count() == 1, timeout=2000)
    win.session.undo_stack.undo()
    assert win.session.snapshot.value("wd") == 0.7


def test_clicking_a_parameter_selects_it(win):
    QTest.mouseClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, pos=item_point(win.view, "a22")
    )
    assert win.session.snapshot.selected == "a22"
    # The selection is saved with the scenario, so it is one undo entry (clicks in a row merge).
    QTest.mouseClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, pos=item_point(win.view, "w12")
    )
    assert win.session.undo_stack.count() == 1
    win.session.undo_stack.undo()
    assert win.session.snapshot.selected == "w11"


def _lit(win):
    scene = win.scene
    path_edges = {k: e for k, e in scene.edges.items() if k.startswith(("kern", "inp"))}
    visible = {k for k, e in path_edges.items() if e.isVisible()}
    badges = sorted(c for c, b in scene.badges.items() if b.isVisible())
    return visible, badges


# Expected partners, from z_ij = sum_kl a[i+k][j+l] w[k][l] (1-based names).
@pytest.mark.parametrize(
    "param, cells, partners",
    [
        ("w11", [0, 1, 2, 3], ["a11", "a12", "a21", "a22"]),
        ("w22", [0, 1, 2, 3], ["a22", "a23", "a32", "a33"]),
        ("a22", [0, 1, 2, 3], ["w22", "w21", "w12", "w11"]),
        ("a11", [0], ["w11"]),
        ("wa", [0], []),
    ],
)
def test_lit_paths(win, param, cells, partners):
    win.session.select(param)
    visible, badges = _lit(win)
    assert badges == cells
    if partners:
        assert visible == {f"{kind}{c}" for c in cells for kind in ("kern", "inp")}
        for c, partner in zip(cells, partners):
            dashed = "inp" if param.startswith("w") else "kern"
            edge = win.scene.edges[f"{dashed}{c}"]
            assert edge.style()[2] is True  # the multiplied-by operand is dashed
            assert edge.ends()[0] == win.scene.nodes[partner].anchor("right")
    else:
        assert visible == set()
    head_lit = [c for c in range(4) if win.scene.edges[f"head{c}"].style()[0] != BASE_INK]
    assert head_lit == cells
    assert win.scene.nodes[param].emphasis().selected


def test_path_colour_is_the_sign_and_width_the_size(win):
    snap = win.session.snapshot
    widths = {}
    for path in snap.paths:
        color, width, _ = win.scene.edges[f"head{path.cell}"].style()
        assert color == (POSITIVE if path.value > 0 else NEGATIVE)
        widths[abs(path.value)] = width
    ordered = [widths[v] for v in sorted(widths)]
    assert ordered == sorted(ordered) and ordered[0] < ordered[-1]


def test_number_keys_spotlight_one_path_and_its_window(win):
    QTest.keyClick(win, Qt.Key.Key_2)
    snap = win.session.snapshot
    assert snap.path == 1
    visible, badges = _lit(win)
    assert badges == [1] and visible == {"kern1", "inp1"}
    assert win.scene.window_item.isVisible()
    # z01's window covers a12 a13 / a22 a23
    rect = win.scene.window_item.rect()
    for name in ("a12", "a13", "a22", "a23"):
        assert rect.contains(win.scene.nodes[name].sceneBoundingRect().center())
    for name in ("a11", "a21", "a31"):
        assert not rect.contains(win.scene.nodes[name].sceneBoundingRect().center())
    assert win.scene.nodes["z00"].emphasis().dimmed
    QTest.keyClick(win, Qt.Key.Key_0)
    assert win.session.snapshot.path is None and not win.scene.window_item.isVisible()


def test_hover_text_substitutes_the_numbers(win):
    text = tooltip(win.session.snapshot, "z01")
    # z01 = 0.5(0.4) + (-1)(-0.3) + 2(0.2) + 1(0.6) = 1.5; o01 = s(1.5)
    o = s(1.5)
    assert "z01 = a12*w11 + a13*w12 + a22*w21 + a23*w22" in text
    assert f"s'(z01) = o01 (1 - o01) = {o:.4g} x {1 - o:.4g} = {o * (1 - o):.4g}" in text


def test_path_panel_terms_sum_to_the_gradient(win):
    snap = win.session.snapshot
    p, f = snap.params, snap.forward
    common = -2 * (p.yy - f.y_hat)
    ds = [s(z) * (1 - s(z)) for z in f.z.flat]
    a = [p.get(n) for n in ("a11", "a12", "a21", "a22")]
    terms = [common * p.head[c] * ds[c] * a[c] for c in range(4)]
    rows = win.paths_panel.rows
    for k in range(4):
        assert f"<b>{terms[k]:.4g}</b>" in rows[k].text()
    assert f"<b>{sum(terms):.6g}</b>" in win.paths_panel.total.text()
    QTest.mouseClick(rows[2], Qt.MouseButton.LeftButton)
    assert win.session.snapshot.path == 2


def test_nudge_check_agrees(win):
    win.paths_panel.nudge.click()
    text = win.paths_panel.nudge_result.text()
    assert "they agree" in text


def test_ctrl_z_undoes_an_edit_and_ctrl_shift_z_redoes_it(win):
    win.session.set_value("w21", 1.0)
    QTest.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.session.snapshot.value("w21") == 0.2
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(win, Qt.Key.Key_Z, mods)
    assert win.session.snapshot.value("w21") == 1.0


def test_the_diagram_fits_the_window_and_zooms_on_request(win):
    view = win.view
    scene_rect = view.mapFromScene(win.scene.sceneRect()).boundingRect()
    vp = view.viewport().rect()
    assert scene_rect.width() <= vp.width() + 2 and scene_rect.height() <= vp.height() + 2
    assert max(scene_rect.width() / vp.width(), scene_rect.height() / vp.height()) > 0.95
    fitted = view.transform().m11()
    QTest.keyClick(win, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() == pytest.approx(fitted * 1.2)
    QTest.keyClick(win, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(win, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() == pytest.approx(fitted / 1.2)
    wheel(view, "a11", 1, Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() == pytest.approx(fitted)
    assert win.session.snapshot.value("a11") == 1.0  # Ctrl+wheel zooms, it does not edit


def test_tab_moves_focus_between_values_and_enter_opens_the_editor(win):
    win.view.setFocus()
    win.scene.setFocusItem(win.scene.nodes["a11"])
    QTest.keyClick(win.view, Qt.Key.Key_Tab)
    focused = win.scene.focusItem()
    assert focused is not None and focused.name != "a11"
    QTest.keyClick(win.view, Qt.Key.Key_Return)
    assert win.view.editor.isVisible() and win.view.editor.name == focused.name


@pytest.mark.parametrize("value", [1.234567e-6, -9.87654e-6, 123456.7, -9.99999e5, 1e6])
def test_extreme_values_stay_inside_their_boxes(win, value):
    from PySide6.QtGui import QFontMetricsF

    for name in ("a11", "w12", "wc", "yy"):
        win.session.set_value(name, value)
    for name in ("a11", "w12", "wc", "yy", "z00", "y_hat", "MSE"):
        item = win.scene.nodes[name]
        room = item.boundingRect().width() - 16  # the box, without the painting margin
        for text, font in item.drawn_lines():
            assert QFontMetricsF(font).horizontalAdvance(text) <= room, (name, text)


def test_a_burst_of_wheel_notches_updates_the_views_twice_and_loses_no_notch(win, qtbot):
    """Ten notches delivered before the event loop comes round (a fast touchpad): the first
    is shown at once, the latest of the rest when the loop comes round, before the paint."""
    shown: list[float] = []
    win.session.state_changed.connect(lambda snap: shown.append(snap.value("wd")))
    for _ in range(10):
        wheel(win.view, "wd", 1)
    QApplication.processEvents()
    assert shown == [pytest.approx(0.71), pytest.approx(0.8)]  # 0.7 + 10 notches of 0.01
    assert win.scene.nodes["wd"].lines()[0].text == "0.8"
    qtbot.waitUntil(lambda: win.session.undo_stack.count() == 1, timeout=2000)
    assert win.session.snapshot.value("wd") == pytest.approx(0.8)


@pytest.mark.parametrize("preset_name", ["homework", "biases", "relu_dead", "narrow_valley"])
def test_no_link_runs_through_a_header_or_a_legend_line(win, preset_name):
    """Read from what is drawn: each visible link's stroke against each caption's box."""
    from PySide6.QtGui import QPainterPath, QPainterPathStroker

    from core.presets import preset
    from gui.diagram.edges import EdgeItem

    s = win.session
    s.load_scenario(preset(preset_name))
    captions = win.scene.headers + [
        i for i in win.scene.legend if hasattr(i, "text") and hasattr(i, "font")
    ]
    for selected in ("w11", "w12", "w21", "w22", "a22"):
        s.select(selected)
        QApplication.processEvents()
        for edge in (i for i in win.scene.items() if isinstance(i, EdgeItem) and i.isVisible()):
            stroker = QPainterPathStroker()
            stroker.setWidth(max(1.0, edge.pen().widthF()))
            stroke = edge.mapToScene(stroker.createStroke(edge.path()))
            for caption in captions:
                box = QPainterPath()
                box.addRect(caption.sceneBoundingRect())
                assert not stroke.intersects(box), (selected, caption.text())
