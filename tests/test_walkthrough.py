"""The guided walkthrough: a clicker's keys step through it, it lights what each step is about,
and walking through it never changes the state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.model import CELLS, INPUTS, window
from core.numfmt import fmt
from core.paths import paths
from core.scenario import default
from core.walkthrough import steps
from gui.look.theme import LIGHT_BORDER
from gui.main_window import MainWindow
from gui.state.session import Session

N_STEPS = 8 + 3 + 4 + 2  # cells (sum, sigmoid), head, loss, dMSE/dy_hat, paths, sum, update


def lit(win) -> set[str]:
    return {n for n, item in win.scene.nodes.items() if item.emphasis().border != LIGHT_BORDER}


def test_w_starts_at_step_one_and_the_counter_shows_it(win, session, qtbot):
    qtbot.keyClick(win, Qt.Key.Key_W)
    assert session.snapshot.walk == 0
    assert win.walkthrough.bar.isVisible()
    assert win.walkthrough.counter.text().strip() == f"1 / {N_STEPS}"


def test_pagedown_visits_every_step_in_order_and_leaves_the_state_alone(win, session, qtbot):
    before = session.snapshot.params
    qtbot.keyClick(win, Qt.Key.Key_W)
    seen = [session.snapshot.walk]
    for key in [Qt.Key.Key_PageDown, Qt.Key.Key_Right] * N_STEPS:
        qtbot.keyClick(win, key)
        seen.append(session.snapshot.walk)
    assert seen == [*range(N_STEPS), *[N_STEPS - 1] * (len(seen) - N_STEPS)]
    assert win.walkthrough.counter.text().strip() == f"{N_STEPS} / {N_STEPS}"
    for key in [Qt.Key.Key_PageUp, Qt.Key.Key_Left] * 3:
        qtbot.keyClick(win, key)
    assert session.snapshot.walk == N_STEPS - 7
    assert session.snapshot.params == before
    assert session.snapshot.descent.step == 0  # the descent's keys did not step it


def test_each_conv_step_lights_its_window_and_cell(win, session):
    session.lecture.start_walkthrough()
    for c, cell in enumerate(CELLS):
        session.lecture.walk_to(2 * c)
        on = lit(win)
        assert set(window(c)) | {f"z{cell}", "w11", "w22"} <= on
        assert not (set(INPUTS) - set(window(c))) & on
        assert win.scene.window_item.isVisible()
        corner = win.scene.nodes[window(c)[3]].center()
        assert win.scene.window_item.rect().contains(corner)


def test_a_path_step_lights_its_path_with_each_local_derivative_on_its_edge(win, session):
    p = session.snapshot.params
    session.lecture.start_walkthrough()
    first_path = [s.kind for s in steps(p)].index("path")
    for k, path in enumerate(paths(p, "w11")):
        session.lecture.walk_to(first_path + k)
        c = path.cell
        assert {"w11", path.partner, f"z{CELLS[c]}", "y_hat", "MSE"} <= lit(win)
        labels = win.scene.labels
        assert labels[f"kern{c}"].isVisible()
        assert labels[f"kern{c}"].text() == f"{path.partner} = {fmt(p.get(path.partner))}"
        assert labels[f"head{c}"].text().endswith(fmt(path.factors[2].value))
        assert win.scene.badges[c].isVisible()
        shown = [b for b in win.scene.badges.values() if b.isVisible()]
        assert len(shown) == 1
        roles = [
            (i.role, i.path) for w, i in win.derivation._formula_rows() if w.state == "highlight"
        ]
        assert ("local", k) in roles and ("chain", k) in roles
        assert all(path_k == k for _role, path_k in roles)


def test_the_update_step_shows_the_old_and_new_value(win, session):
    p = session.snapshot.params
    session.lecture.start_walkthrough()
    session.lecture.walk_to(N_STEPS - 1)
    new = 0.4 - 0.5 * session.snapshot.gradients["w11"]
    texts = [line.text for line in win.scene.nodes["w11"].lines()]
    assert texts == ["was 0.4", f"→ {fmt(new)}"]
    assert f"= {new:.6g} (was 0.4)" in win.walkthrough.text.text()
    assert session.snapshot.params == p


def test_escape_leaves_the_walkthrough_and_the_keys_drive_the_descent_again(win, session, qtbot):
    qtbot.keyClick(win, Qt.Key.Key_W)
    qtbot.keyClick(win, Qt.Key.Key_PageDown)
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert session.snapshot.walk is None
    assert not win.walkthrough.bar.isVisible()
    assert "w11" in lit(win) and "a11" in lit(win)  # the paths are lit again
    qtbot.keyClick(win, Qt.Key.Key_PageDown)
    assert session.snapshot.descent.step == 1


def test_escape_shows_every_path_when_no_mode_is_on(win, session, qtbot):
    session.select_path(2)
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert session.snapshot.path is None


def test_an_edit_during_the_walkthrough_updates_the_narration(win, session):
    session.lecture.start_walkthrough()
    session.set_value("a11", 2.0)  # z00 = 2*0.4 + 0.5*(-0.3) + (-0.5)*0.2 + 2*0.6 = 1.75
    assert win.walkthrough.text.text().endswith("= 1.75")
    assert session.snapshot.walk == 0


def test_the_command_line_opens_a_screenshot_at_a_walkthrough_step(tmp_path, qtbot):
    from core.cli import build_parser
    from gui.app import save_screenshot

    args = build_parser().parse_args(["--walk", "3", "--theme", "dark"])
    assert (args.walk, args.theme) == (3, "dark")
    session = Session(default())
    w = MainWindow(session)
    qtbot.addWidget(w)
    session.lecture.walk_to(args.walk - 1)
    assert save_screenshot(w, str(tmp_path / "walk.png")) == 0
    assert w.walkthrough.counter.text().strip() == f"3 / {N_STEPS}"
    w.derivation.typesetter.shutdown()


@pytest.mark.parametrize("step", [5, 13, 16])
def test_a_window_opened_on_a_step_shows_the_rows_it_lights(qtbot, monkeypatch, step):
    """``--walk STEP``: the derivation's rows are made and typeset after the step is chosen,
    and taller once typeset; the panel still brings the rows the step lights into view."""
    from core.cli import build_parser
    from gui import app
    from gui.support import errors

    monkeypatch.setattr(errors, "install", lambda: None)
    _, win = app.build(build_parser().parse_args(["--walk", str(step)]))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    panel = win.derivation
    panel.parentWidget().raise_()
    panel.typeset_now()
    try:
        lit = [w for w, _i in panel._formula_rows() if w.state == "highlight"]
        assert lit, step
        qtbot.wait(20)  # the panel lays its rows out, then scrolls
        viewport = panel._scroll.viewport()
        top = lit[0].mapTo(viewport, lit[0].rect().topLeft())
        shown = viewport.rect().intersected(lit[0].rect().translated(top))
        assert shown.height() >= min(lit[0].height(), viewport.height()) // 2
    finally:
        panel.typesetter.shutdown()


def test_a_paths_rows_are_lit_in_the_colour_the_diagram_draws_the_path(win, session):
    """The homework's common factor is negative, so each path's whole term (what the diagram
    and the Paths panel colour it by) has the opposite sign of its bracket term: its rows in
    the derivation had been lit in the other colour (path 2 orange in the diagram, blue here)."""
    from PySide6.QtGui import QColor

    p = session.snapshot.params
    session.lecture.start_walkthrough()
    first_path = [s.kind for s in steps(p)].index("path")
    for k, path in enumerate(paths(p, "w11")):
        session.lecture.walk_to(first_path + k)
        edge = QColor(win.scene.edges[f"head{path.cell}"].style()[0]).name()
        lit = [w for w, i in win.derivation._formula_rows() if w.state == "highlight"]
        assert lit
        for view in lit:
            assert view.path == k and view._accent.name() == edge, (k, view.latex)


@pytest.mark.parametrize(
    "size, zoom, lang", [((1280, 720), None, "en"), ((1024, 768), 2.0, "zh_TW")]
)
def test_the_bar_keeps_its_height_from_step_to_step_and_shows_every_word(
    win, session, size, zoom, lang
):
    """The narration's length changes from step to step: the bar above the diagram had
    grown and shrunk with it (the diagram jumping), and on a 4:3 projector at zoom 2 taken
    290 of 768 pixels. It keeps one height; a longer sentence is drawn in smaller type."""
    from PySide6.QtCore import QRect
    from screen_fit import settle

    from gui.support.language import set_language

    set_language(lang)
    if zoom is None:
        win.resize(*size)
    else:
        win.presenter.enter(QRect(0, 0, *size))
        win.appearance.set_zoom(zoom)
    session.lecture.start_walkthrough()
    heights = set()
    for k in range(N_STEPS):
        session.lecture.walk_to(k)
        settle(win)
        text = win.walkthrough.text
        heights.add(win.walkthrough.bar.height())
        assert text.heightForWidth(text.width()) <= text.height(), (k, text.text())
    assert len(heights) == 1
    assert heights.pop() <= 0.13 * size[1]


def test_a_lit_formula_too_wide_for_the_panel_shows_its_end(win, session, qtbot):
    """A step's formula wider than the panel scrolls sideways under its own bar: lit, it
    had shown its start and hidden the numbers and the result the step is about."""
    win.resize(1280, 720)
    session.lecture.start_walkthrough()
    seen = 0
    for k in range(N_STEPS):
        session.lecture.walk_to(k)
        qtbot.waitUntil(lambda: win.derivation.is_current, timeout=20000)  # all typeset
        for view, _item in win.derivation._formula_rows():
            if view.state == "highlight" and view.isVisible() and view.overflow(view.width()):
                seen += 1
                assert view.bar.value() == view.bar.maximum(), (k, view.latex)
    assert seen >= 3  # steps 3, 9 and 17 light formulas wider than the panel


def _ink_bands(row) -> list[tuple[int, int]]:
    """The row's lines of ink, top to bottom, in the row's pixels: runs of pixel rows where
    something differs from the row's ground (its lit tint), the accent bar at the left left out."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = row.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint32, h * image.bytesPerLine() // 4)
    pixels = pixels.reshape(h, -1)[:, 8:w]
    ground = np.bincount(pixels.ravel() & 0xFFFFFF).argmax()
    inked = ((pixels & 0xFFFFFF) != ground).sum(axis=1) > 0
    bands, start = [], None
    for y, on in enumerate([*inked.tolist(), False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            bands.append((start, y))
            start = None
    return bands


def test_a_lit_row_taller_than_the_panel_shows_the_lines_of_the_steps_cell(win, session, qtbot):
    """On a 4:3 projector the derivation is a tab under the diagram, shorter than a row of the
    four cells' sums: the step about z11 shows z11's lines, where the row had been centred
    with z00's and z11's both cut. Where the lines are is read from the row's ink: its lines
    come in four like groups, one a cell, the step's cell's group must lie in the view."""
    from PySide6.QtCore import QRect

    win.resize(1024, 768)
    win.presenter.enter(QRect(0, 0, 1024, 768))
    panel = win.derivation
    panel.parentWidget().raise_()
    session.lecture.start_walkthrough()
    tall = 0
    try:
        for k, step in enumerate(steps(session.snapshot.params, session.snapshot.selected)):
            if not step.kind.startswith("conv_"):  # a cell's sum or its sigmoid
                continue
            session.lecture.walk_to(k)
            qtbot.waitUntil(lambda: panel.is_current, timeout=20000)  # all typeset
            qtbot.wait(20)  # the panel lays its rows out, then scrolls
            port = panel._scroll.viewport()
            row = next(r for r, _i in panel._formula_rows() if r.state == "highlight")
            if row.height() <= port.height():
                continue
            tall += 1
            bands = _ink_bands(row)
            assert len(bands) % 4 == 0, bands  # each cell's lines alike
            each = len(bands) // 4
            mine = bands[step.cell * each : (step.cell + 1) * each]
            top = row.mapTo(port, row.rect().topLeft()).y()
            assert top + mine[0][0] >= 0 and top + mine[-1][1] <= port.height(), (k, mine, top)
    finally:
        win.presenter.leave()
    assert tall >= 4  # the sums' and the sigmoids' rows do not fit the tab
