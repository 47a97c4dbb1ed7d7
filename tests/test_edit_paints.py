"""An edit repaints each view that shows it once: no widget is painted twice for one change.

A rich-text label that is laid out again after it was painted paints again; the Paths panel's
cards did so three times an edit (once with the old layout, once after their layout request,
once after the scroll area's). Counted here by the Paint events Qt delivers, for the edits of
a scrub: a change that moves a plot's axis range paints that plot twice, as pyqtgraph sizes an
axis to its tick labels while painting it.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QEventLoop, QObject

from gui.panels.paths import PathRow


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.painted: Counter = Counter()

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.painted[obj] += 1
        return False


def where(widget) -> str:
    """The widget's class and its parents', for a message."""
    names = []
    while widget is not None and len(names) < 3:
        names.append(type(widget).__name__)
        widget = widget.parent()
    return "/".join(names)


def idle() -> None:
    """Deliver every pending event (paints included) until none is left."""
    loop = QEventLoop()
    while loop.processEvents():
        pass


def paints_of_one_edit(qapp, session, name: str, value: float) -> Counter:
    idle()
    counter = PaintCounter()
    qapp.installEventFilter(counter)
    try:
        session.set_value(name, value)
        idle()
    finally:
        qapp.removeEventFilter(counter)
    return counter.painted


def test_an_edit_paints_every_view_that_shows_it_once(window, qapp, qtbot):
    session = window.session
    qtbot.wait(200)  # the first paint's late work (the panel's fit) is done
    for value in (0.41, 0.4123, 0.43):  # a scrub: the axes keep their range; a longer number
        painted = paints_of_one_edit(qapp, session, "w11", value)
        twice = {where(w): n for w, n in painted.items() if n > 1}
        assert twice == {}, f"w11 = {value}: painted more than once: {twice}"
        cards = [w for w in painted if isinstance(w, PathRow)]
        assert len(cards) == 4  # every path's term changed, and each card shows it
        assert window.scene.views()[0].viewport() in painted
        for plot in (window.descent_panel.curve, window.descent_panel.loss):
            assert plot.widget.viewport() in painted
