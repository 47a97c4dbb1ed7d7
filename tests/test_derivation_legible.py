"""The derivation a room can read: its number lines' glyphs, measured in rendered pixels, are
at least as tall as the panel's body text at every panel width and zoom; one key gives it the
plots' place."""

from __future__ import annotations

import pytest
from glyphs import digit_height
from PySide6.QtWidgets import QLabel

from core.scenario import default
from gui.panels.derivation import DerivationPanel
from gui.panels.formula_view import FormulaView
from gui.state.session import Session


@pytest.fixture
def panel(qtbot):
    widget = DerivationPanel(Session(default()))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.typesetter.shutdown()


def body_digits(panel: DerivationPanel, qtbot) -> int:
    """Digits drawn in the font of the panel's own notes (its body text)."""
    note = next(w for w in panel._widgets if isinstance(w, QLabel) and not w.font().bold())
    probe = QLabel("0123456789 0123456789")
    probe.setFont(note.font())
    qtbot.addWidget(probe)
    probe.show()
    return digit_height(probe.grab().toImage())


@pytest.mark.parametrize(
    ("width", "zoom"), [(300, 1.0), (380, 1.0), (700, 1.0), (380, 1.6), (1000, 2.2)]
)
def test_number_lines_are_as_tall_as_the_body_text(panel, qtbot, width, zoom):
    panel.resize(width, 700)
    panel.set_zoom(zoom)
    panel.typeset_now()
    qtbot.wait(10)
    body = body_digits(panel, qtbot)
    rows = [(w, i) for w, i in panel._formula_rows() if i.role in ("path_term", "result")]
    assert len(rows) == 5
    for view, item in rows:
        assert isinstance(view, FormulaView) and view.width() > 0
        view.bar.setValue(view.bar.maximum())  # the numbers are at the right end of the row
        got = digit_height(view.grab().toImage())
        assert got >= body, f"{item.role} {item.path}: digits {got} px < body text {body} px"
    assert body >= 11 * zoom  # the body text itself is no smaller than 11 px digits at 12 pt


def test_a_formula_wider_than_the_panel_scrolls_instead_of_shrinking(panel, qtbot):
    panel.resize(300, 700)
    panel.typeset_now()
    qtbot.wait(10)
    view = next(w for w, i in panel._formula_rows() if i.role == "z")
    viewport = panel._scroll.viewport().width()
    assert view.width() <= viewport and view.bar.isVisible() and view.bar.maximum() > 0
    view.bar.setValue(view.bar.maximum())  # scrolled to its right end: the result shows
    # its numbers there as tall as the body text: scrolled, not shrunk to the width
    assert digit_height(view.grab().toImage()) >= body_digits(panel, qtbot)
    for label in (w for w in panel._widgets if isinstance(w, QLabel)):
        assert label.width() <= viewport  # the prose wraps in view


def test_d_lets_the_derivation_take_the_plots_place_and_gives_it_back(win, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    docks = {d.objectName(): d for d in win.findChildren(QDockWidget)}
    derivation, plots = docks["derivationDock"], docks["descent_dock"]
    width = docks["Paths"].width()  # the tabs' width on show (the derivation's tab is behind)
    qtbot.keyClick(win, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: not plots.isVisible())
    assert win.enlarger.action.isChecked()
    assert derivation.isVisible() and not derivation.visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: derivation.width() > win.width() / 2)
    assert derivation.geometry().bottom() > win.height() * 0.8  # down where the plots were
    qtbot.keyClick(win, Qt.Key.Key_D)
    qtbot.waitUntil(plots.isVisible)
    assert not win.enlarger.action.isChecked()
    qtbot.waitUntil(lambda: abs(derivation.width() - width) <= 2)


def test_the_enlarge_key_is_in_the_view_menu_and_the_keyboard_map(win):
    action = win.enlarger.action
    view = next(m for m in win.menuBar().actions() if m.text().replace("&", "") == "View")
    assert action in view.menu().actions()
    assert action.shortcut().toString() == "D"


@pytest.mark.parametrize("role", ["chain", "path_term"])
def test_the_last_term_is_drawn_wholly_in_its_colour(role):
    """The term before the closing bracket keeps its colour to its last glyph (the typesetter
    drops the colour of a group's last glyph when a control space follows the group)."""
    import numpy as np
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from core.latex import derivation
    from gui.panels.mathsvg import typeset

    items = derivation(default().params, "w11", color=lambda v: "#FF0000", common="#00FF00")
    last = [i for i in items if i.role == role][-1]
    renderer = QSvgRenderer(QByteArray(typeset(last.text)))
    size = renderer.defaultSize() * 2
    img = QImage(size, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    raw = np.frombuffer(img.constBits(), np.uint8).reshape(size.height(), -1, 4)
    b, g, r = (raw[:, : size.width(), k].astype(int) for k in range(3))
    red = ((r > 180) & (g < 90) & (b < 90)).any(axis=0)
    black = ((r < 90) & (g < 90) & (b < 90)).any(axis=0)
    assert red.any()
    after = black[np.where(red)[0].max() + 1 :]
    runs = int(np.sum(after[1:] & ~after[:-1]) + after[0])
    assert runs == 1, f"{runs} black glyphs after the term's colour: only the bracket may be"
