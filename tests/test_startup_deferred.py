"""Start-up: what the first paint shows is what stays, and what is made later is made right.

The landscape tab, the quiz and the derivation's rows sit behind other tabs at start and are
made when first shown. Each is compared with the same part made at once in a second window
driven the same way: after an edit, a theme, a zoom and a language chosen while it was not made
yet, it must show the same pixels and texts. The window opened as a launch opens it keeps every
widget on show at its first paint where it was, once the work deferred past that paint has run.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QWidget

from core.scenario import default
from gui.descent.landscape_panel import LandscapePanel
from gui.main_window import MainWindow
from gui.panels.quiz import QuizPanel
from gui.state.session import Session
from gui.support import language
from gui.support.behind import behind_a_tab


@pytest.fixture
def make_window(qtbot):
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(Session(default()))
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        w.activateWindow()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    language.set_language("en")
    for w in made:
        w.view.setFocus()
        w.derivation.typesetter.shutdown()


def settled(widget: QWidget) -> QImage:
    """``widget`` as drawn once its layout has followed its first paint (pyqtgraph widens an
    axis to its tick numbers while painting)."""
    QApplication.processEvents()
    widget.grab()
    QApplication.processEvents()
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def differing(a: QImage, b: QImage) -> int:
    """How many pixels of ``a`` and ``b`` differ (every one if their sizes differ)."""
    if a.size() != b.size():
        return max(a.width() * a.height(), b.width() * b.height())
    shape = (a.height(), a.bytesPerLine() // 4)
    pa = np.frombuffer(a.constBits(), np.uint32).reshape(shape)[:, : a.width()]
    pb = np.frombuffer(b.constBits(), np.uint32).reshape(shape)[:, : b.width()]
    return int((pa != pb).sum())


def texts(panel: QWidget) -> list[tuple[str, str, str]]:
    """Every label's text and every control's style sheet and tooltip, in the order made."""
    out = []
    for w in panel.findChildren(QWidget):
        text = w.text() if isinstance(w, QLabel) else ""
        out.append((type(w).__name__, text, w.styleSheet() + "|" + w.toolTip()))
    return out


def drive(*windows: MainWindow) -> None:
    """The same changes in each window: an edit, another selection, dark, zoomed, Chinese."""
    language.set_language("zh_TW")
    for w in windows:
        w.session.set_value("w12", 0.25)
        w.session.select("w12")
        w.appearance.set_choice("dark", remember=False)
        w.descent_panel.set_zoom(1.4)


def test_the_landscape_made_when_first_shown_is_the_one_made_at_start(make_window):
    early, late = make_window(), make_window()
    assert late.findChild(LandscapePanel) is None  # nothing of it made for the first paint
    early.descent_panel.landscape  # noqa: B018 - made at once, behind its tab
    drive(early, late)
    for w in (early, late):
        w.descent_panel.tabs.setCurrentIndex(1)  # the person clicks its tab
    a, b = early.descent_panel.landscape, late.descent_panel.landscape
    assert late.descent_panel.tabs.currentWidget() is b and b.isVisible()
    assert a.view.getPlotItem().titleLabel.text == "損失地形"  # in the language on show
    assert b.view.getPlotItem().titleLabel.text == a.view.getPlotItem().titleLabel.text
    assert b.view.property("font_scale") == a.view.property("font_scale") > 1.0  # the zoom
    assert b.view.property("ink") == a.view.property("ink") != "#202124"  # the dark theme
    assert texts(b) == texts(a)
    assert b.x_box.styleSheet() and b.x_box.styleSheet() == a.x_box.styleSheet()
    assert differing(settled(a), settled(b)) == 0


def test_the_quiz_made_when_first_shown_is_the_one_made_at_start(make_window):
    early, late = make_window(), make_window()
    assert late.findChild(QuizPanel) is None
    early.quiz  # noqa: B018 - made at once, behind its tab
    drive(early, late)
    for w in (early, late):
        w.session.lecture.set_hidden(("y_hat",))
        w.findChild(QDockWidget, "quiz_dock").raise_()  # the person clicks its tab
    QApplication.processEvents()
    made = late.findChild(QuizPanel)
    assert made is not None and made.isVisible() and not behind_a_tab(made)
    a, b = early.quiz, late.quiz
    assert b is made
    assert b.rows["y_hat"].hide.isChecked()  # the state of the moment
    assert "∂MSE/∂yy" in b.implied.text()  # what hiding y_hat takes with it
    assert b.hide_button.text() == a.hide_button.text() == "全部隱藏"  # the language
    assert b.rows["y_hat"].answer.styleSheet() == a.rows["y_hat"].answer.styleSheet() != ""
    assert texts(b) == texts(a)
    assert differing(settled(a), settled(b)) == 0


def test_a_field_of_the_quiz_made_late_hands_the_keyboard_back(make_window, qtbot):
    w = make_window()
    w.session.lecture.set_hidden(("y_hat",))  # a value to predict
    w.findChild(QDockWidget, "quiz_dock").raise_()
    QApplication.processEvents()
    answer = w.quiz.rows["y_hat"].answer
    answer.setFocus()
    qtbot.waitUntil(answer.hasFocus)
    qtbot.keyClick(answer, Qt.Key.Key_Escape)
    assert w.view.hasFocus()


def test_the_derivation_rows_made_when_first_shown_are_the_ones_made_at_start(make_window):
    early, late = make_window(), make_window()
    for w in (early, late):
        w.findChild(QDockWidget, "Paths").raise_()
    QApplication.processEvents()
    assert not late.derivation._widgets  # no row made while behind the Paths tab
    early.derivation.refresh()  # made at once, behind its tab
    drive(early, late)
    for w in (early, late):
        w.derivation.set_zoom(1.3)
        w.findChild(QDockWidget, "derivationDock").raise_()
    QApplication.processEvents()
    a, b = early.derivation, late.derivation
    assert b._widgets and "w12" in b._title.text() and b._title.text() == a._title.text()
    headings = [x.text() for x in b._widgets if isinstance(x, QLabel)]
    assert headings == [x.text() for x in a._widgets if isinstance(x, QLabel)]
    assert any("步驟" in h for h in headings)  # in Chinese
    assert [x.styleSheet() for x in b._widgets if isinstance(x, QLabel)] == [
        x.styleSheet() for x in a._widgets if isinstance(x, QLabel)
    ]
    assert b.zoom() == a.zoom() == pytest.approx(1.3)


class FirstPaint(QObject):
    """Where every widget of ``window`` on show is at the window's first paint."""

    def __init__(self, window: QWidget):
        super().__init__()
        self.window = window
        self.seen: dict[int, tuple[QWidget, QRect]] | None = None
        self.plots: list[QRectF] = []

    def eventFilter(self, obj, event) -> bool:
        if (
            self.seen is None
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.window() is self.window
        ):
            self.seen = on_show(self.window)
            self.plots = plot_areas(self.window)
        return False


def on_show(window: QWidget) -> dict[int, tuple[QWidget, QRect]]:
    """Each widget a person can see in ``window``, with its rectangle in the window."""
    out = {}
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.isWindow():
            continue
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if rect.intersects(window.rect()) and not behind_a_tab(w):
            out[id(w)] = (w, rect)
    return out


def plot_areas(window) -> list[QRectF]:
    """Where each plot of the descent dock draws its data, in its view's pixels."""
    p = window.descent_panel
    return [q.widget.getPlotItem().vb.sceneBoundingRect() for q in (p.curve, p.loss, p.value)]


def test_the_first_paint_shows_what_stays(qtbot, monkeypatch):
    from core.cli import build_parser
    from gui import app
    from gui.support import errors

    monkeypatch.setattr(errors, "install", lambda: None)
    _, window = app.build(build_parser().parse_args([]))  # as a launch builds it
    qtbot.addWidget(window)
    spy = FirstPaint(window)
    qapp = QApplication.instance()
    qapp.installEventFilter(spy)
    try:
        app.open_window(window)
        qtbot.waitUntil(lambda: spy.seen is not None)
    finally:
        qapp.removeEventFilter(spy)
    first = spy.seen
    qtbot.wait(2000)  # past the work after the first paint and the window's second fitting
    later = on_show(window)
    assert len(first) > 40
    moved = [
        f"{type(w).__name__} {w.objectName()}: {r.getRect()} -> {later[k][1].getRect()}"
        for k, (w, r) in first.items()
        if k in later and later[k][1] != r
    ]
    gone = [type(w).__name__ for k, (w, _r) in first.items() if k not in later]
    came = [type(w).__name__ for k, (w, _r) in later.items() if k not in first]
    assert (moved, gone, came) == ([], [], [])
    assert plot_areas(window) == spy.plots  # no axis widened after the first paint
    window.derivation.typesetter.shutdown()
