"""A label in a Steady frame asks for a new layout only when it needs other room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from gui.look.labels import wrapped
from gui.look.steady import Steady


class LayoutRequests(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def panel(qtbot):
    outer = QWidget()
    label = wrapped("<b>1</b> = 0.1234", rich=True)
    steady = Steady(label, (8, 3, 8, 3))
    layout = QVBoxLayout(outer)
    layout.addWidget(steady)
    layout.addStretch(1)  # the frame takes the height its label needs
    outer.resize(300, 200)
    qtbot.addWidget(outer)
    outer.show()
    qtbot.waitExposed(outer)
    QApplication.processEvents()
    return outer, steady, label


def test_new_numbers_of_the_same_size_ask_the_panel_for_no_layout(qtbot):
    outer, steady, label = panel(qtbot)
    requests = LayoutRequests()
    outer.installEventFilter(requests)
    for text in ("<b>1</b> = 0.5678", "<b>1</b> = -0.9012"):
        label.setText(text)
        QApplication.processEvents()
    assert requests.count == 0
    assert label.geometry() == steady.rect().adjusted(8, 3, -8, -3)  # inside its margins
    assert label.text() == "<b>1</b> = -0.9012"


def test_a_text_that_needs_more_lines_grows_its_frame(qtbot):
    outer, steady, label = panel(qtbot)
    one_line = steady.height()
    label.setText("<b>1</b> = " + " + ".join(["0.1234"] * 12))  # wraps at 300 px
    QApplication.processEvents()
    QApplication.processEvents()
    assert steady.height() > one_line + label.fontMetrics().height() // 2
    assert label.height() == steady.height() - 6
    assert label.heightForWidth(label.width()) <= label.height()  # all of it shows


def test_the_least_size_follows_the_text_and_a_longer_word_widens_it(qtbot):
    outer, steady, label = panel(qtbot)
    margins = (16, 6)
    for text in ("<b>1</b> = 0.5678", "<b>2</b> = 0.9012", "<b>3</b> = -0.123456789", "<b>4</b>"):
        label.setText(text)
        QApplication.processEvents()
        least = label.minimumSizeHint()  # Qt's own measure of the new text
        assert steady.minimumSizeHint().width() == least.width() + margins[0], text
        assert steady.minimumSizeHint().height() == least.height() + margins[1], text
    label.setText("<b>1</b> = 0.5678")
    short = steady.minimumSizeHint().width()
    label.setText("<b>1</b> = 0.5678901234567")
    assert steady.minimumSizeHint().width() > short  # the longest word is longer


def test_the_height_at_each_width_follows_the_text_as_qt_measures_it(qtbot):
    outer, steady, label = panel(qtbot)
    texts = [
        "<b>1</b> = 0.5678",
        "<b>2</b> = 0.9012",
        "<b>1</b> = " + " + ".join(["0.1234"] * 12),  # wraps
        "<b>1</b> = " + " + ".join(["0.5678"] * 12),  # the same shape, other digits
        "<b>1</b> = " + " + ".join(["-0.5"] * 12),  # other words
        "<b>4</b>",
    ]
    for text in texts:
        label.setText(text)
        for width in (120, 300, 120, 500):
            expected = label.heightForWidth(width - 16) + 6  # Qt's own measure, the margins
            assert steady.heightForWidth(width) == expected, (text, width)
