"""Switching language in the open window shows what a window started in that language shows.

The window is switched en -> zh_TW -> en after an edit and with the walkthrough on show; at each
stop every visible text (menus and their actions, toolbars, dock titles, tab texts, tooltips,
plot titles, axis labels and legends, the diagram's captions and scene texts, the derivation's
headings, the walkthrough bar, the Undo/Redo texts) is collected by walking the widgets, the
actions and the graphics scenes, and compared, per object path, with a fresh window's. In
Chinese no English word may remain beyond names (w11, MSE, SVG, ...) and keys.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTabBar,
    QToolBar,
    QWidget,
)

from core.scenario import default
from gui.diagram.edges import EdgeLabel
from gui.diagram.items import NodeItem
from gui.main_window import MainWindow
from gui.state.session import Session
from gui.support import language


def _path(obj) -> str:
    parts = []
    while obj is not None:
        parent = obj.parent()
        name = obj.objectName() or type(obj).__name__
        if parent is not None and not obj.objectName():
            same = [c for c in parent.children() if type(c) is type(obj) and not c.objectName()]
            name += f"[{same.index(obj)}]"
        parts.append(name)
        obj = parent
    return "/".join(reversed(parts))


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").strip()


def _scene_texts(view: QGraphicsView) -> list[str]:
    out = []
    for item in view.scene().items():
        if isinstance(item, QGraphicsSimpleTextItem):
            out.append(item.text())
        elif isinstance(item, QGraphicsTextItem):
            out.append(item.toPlainText())
        elif isinstance(item, NodeItem):
            out.append(item.title())
            out += [line.text for line in item._lines]
        elif isinstance(item, EdgeLabel):
            out.append(item._text)
        elif hasattr(item, "text") and isinstance(item.text, str):  # pyqtgraph LabelItem
            out.append(_plain(item.text))
    return out


def _model_texts(model) -> list[str]:
    rows = model.rowCount(QModelIndex())
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    out = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    for r in range(rows):
        out += [str(model.index(r, c).data() or "") for c in range(columns)]
    return out


def _shown(w: QWidget, window: MainWindow) -> bool:
    """Whether ``w`` is on show in ``window``, or would be with its dock's tab in front."""
    if isinstance(w, QMenu):
        return True
    while w is not None and w is not window:
        if w.isHidden() and not isinstance(w, QDockWidget):
            return False
        w = w.parentWidget()
    return True


def visible_texts(window: MainWindow) -> dict[str, Counter]:
    """Every text the window shows or says on hover, by object path."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # replaced rows go
    found: dict[str, list[str]] = {}
    for w in [window, *window.findChildren(QWidget)]:
        if not _shown(w, window):
            continue
        texts = [w.toolTip()]
        if isinstance(w, (QDockWidget, QToolBar)) or w is window:
            texts.append(w.windowTitle())
        if isinstance(w, QMenu):
            texts.append(w.title())
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(_plain(w.text()))
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QSpinBox):
            texts += [w.prefix(), w.suffix()]
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
            texts += [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += _model_texts(w.model())
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            texts += _scene_texts(w)
        found.setdefault(_path(w), []).extend(t for t in texts if t)
    for a in window.findChildren(QAction):
        if not a.isSeparator():
            key = _path(a.parent()) + "/actions"
            found.setdefault(key, []).extend(t for t in (a.text(), a.toolTip()) if t)
    return {k: Counter(v) for k, v in found.items() if v}


def _use(window: MainWindow) -> None:
    """The same state in every window: every part on show (those made when their tab first
    comes forward made now, as a person looking at each would), an edit (for Undo), a quiz
    verdict and the walkthrough at step 3."""
    window.derivation.seen(True)
    window.quiz, window.values, window.descent_panel.landscape  # noqa: B018 - made
    window.session.set_value("w12", 0.25)
    window.quiz.reveal("y_hat")
    window.session.lecture.start_walkthrough()
    window.session.lecture.walk_next()
    window.session.lecture.walk_next()


@pytest.fixture
def make_window(qtbot):
    made = []

    def make(lang: str) -> MainWindow:
        language.set_language(lang)
        w = MainWindow(Session(default()))
        qtbot.addWidget(w)
        w.resize(1280, 720)
        _use(w)
        made.append(w)
        return w

    yield make
    language.set_language("en")


def _differences(switched: dict[str, Counter], fresh: dict[str, Counter]) -> list[str]:
    out = []
    for key in sorted(set(switched) | set(fresh)):
        a, b = switched.get(key, Counter()), fresh.get(key, Counter())
        if a != b:
            out.append(
                f"{key}: switched shows {sorted((a - b).elements())}, "
                f"fresh shows {sorted((b - a).elements())}"
            )
    return out


#: What may stay Latin in Chinese: value names, units of the formulas, file kinds, keys.
NAMES = re.compile(
    r"\b(?:[a-z]{1,2}\d{2}|[a-z]{2}|d?y_hat|ŷ|MSE|SVG|PNG|CSV|JSON|LaTeX|Markdown|HW|"
    r"Ctrl|Shift|Alt|Esc|Space|Enter|Tab|PgUp|PgDown|PageUp|PageDown|Left|Right|Up|Down|"
    r"Home|End|Del|Backspace|Ins|F\d+|Noto|Sans|CJK|TC|English|CNN|Backprop|Visualizer|"
    r"dMSE|dw\d\d|ReLU|relu|tanh|logit|sgd|SGD|[Mm]omentum|[Nn]esterov|[Aa]dam|[Aa]da[Gg]rad|"
    r"RMSprop|rmsprop|d|e|s|z|o|w|a|x|y|lr|log|exp|sigmoid|max|min)\b"
)


def english_words(texts: dict[str, Counter]) -> list[str]:
    out = []
    for key, counter in texts.items():
        for text in counter:
            rest = NAMES.sub("", text)
            words = re.findall(r"[A-Za-z]{3,}", rest)
            if words:
                out.append(f"{key}: {text!r} ({', '.join(words)})")
    return out


def test_switching_to_chinese_and_back_shows_what_a_fresh_window_shows(make_window):
    window = make_window("en")
    english = visible_texts(window)
    window.language_menu.switch("zh_TW")
    switched = visible_texts(window)
    fresh = visible_texts(make_window("zh_TW"))
    assert _differences(switched, fresh) == []
    window.language_menu.switch("en")
    back = visible_texts(window)
    assert _differences(back, english) == []
    assert _differences(back, visible_texts(make_window("en"))) == []


def test_no_english_word_remains_in_chinese(make_window):
    window = make_window("en")
    window.language_menu.switch("zh_TW")
    assert english_words(visible_texts(window)) == []


def _diverged(qtbot, lang: str) -> MainWindow:
    language.set_language(lang)
    w = MainWindow(Session(replace(default(), learning_rate=100.0)))
    qtbot.addWidget(w)
    w.session.descent.step()  # lr = 100 throws w11 into the sigmoids' flat tails: a banner
    return w


def test_the_descent_banner_follows_the_language(qtbot):
    try:
        window = _diverged(qtbot, "en")
        english = window.descent_panel.banner.text()
        assert english.startswith("Learning rate too large")
        window.language_menu.switch("zh_TW")
        chinese = window.descent_panel.banner.text()
        assert chinese == _diverged(qtbot, "zh_TW").descent_panel.banner.text()
        assert chinese.startswith("學習率太大")
        window.language_menu.switch("en")
        assert window.descent_panel.banner.text() == english
    finally:
        language.set_language("en")
