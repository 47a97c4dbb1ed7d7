"""The walkthrough's menu, keys and narration bar.

While the walkthrough runs, Right/PageDown and Left/PageUp (what a presentation clicker sends)
drive it: the descent's play, step, step-back and reset actions, which own those keys otherwise,
are disabled, so each key has exactly one enabled action. The step counter and the narration
sit in a toolbar that shows only while walking (and stays in presenter mode).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QFont, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar, QWidget

from core.notation import pretty
from core.walkthrough import CONTEXT, NARRATION

from ..actions import make_action, set_texts
from ..look.fitted_text import FittedText
from ..state.session import Session, Snapshot
from ..support.announce import announce


def narration(step, hidden=frozenset()) -> str:
    """The step's sentence, translated, with its numbers filled in (``?`` for hidden ones)."""
    texts = {k: QCoreApplication.translate(CONTEXT, v) for k, v in NARRATION.items()}
    return pretty(step.narration(texts, hidden))  # ∂, ŷ and × as the diagram writes them


class WalkthroughController(QObject):
    """Builds the Walkthrough menu and bar on ``window`` and keeps them in step."""

    def __init__(self, window: QMainWindow, session: Session):
        super().__init__(window)
        self.session = session
        self._window = window
        self._shared: list[QAction] = []
        self._derivation: QWidget | None = None
        self.toggle = make_action(
            window,
            "",
            ["W"],
            self._toggle,
            checkable=True,
        )
        self.next = make_action(
            window,
            "",
            ["PgDown", "Right"],
            session.lecture.walk_next,
        )
        self.prev = make_action(
            window,
            "",
            ["PgUp", "Left"],
            session.lecture.walk_prev,
        )
        self.first = make_action(
            window,
            "",
            ["Home"],
            lambda: session.lecture.walk_to(0),
        )
        self.last = make_action(
            window,
            "",
            ["End"],
            lambda: session.lecture.walk_to(len(session.snapshot.walk_steps) - 1),
        )
        # Escape reaches it through the window's one Escape action (gui.lecture.install).
        self.leave = QAction(window)
        self.leave.triggered.connect(session.lecture.stop_walkthrough)
        menu = window.menuBar().addMenu("")
        for a in (self.toggle, self.next, self.prev, self.first, self.last, self.leave):
            menu.addAction(a)
        self.menu = menu

        self.counter = QLabel()
        self.text = FittedText(lines=2, least=0.45)  # the bar keeps one height from step to step
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.text.setMinimumWidth(320)  # Leave stays on the bar of a 4:3 projector
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.counter.font())
        bold.setBold(True)
        self.counter.setFont(bold)
        bar = QToolBar(window)
        bar.setObjectName("walkthrough_bar")
        bar.setMovable(False)
        bar.addAction(self.prev)
        bar.addWidget(self.counter)
        bar.addAction(self.next)
        bar.addSeparator()
        bar.addWidget(self.text)
        bar.addAction(self.leave)
        bar.toggleViewAction().setVisible(False)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.bar = bar
        session.state_changed.connect(self.show_state)
        self.retranslate()
        self.show_state(session.snapshot)

    def retranslate(self) -> None:
        set_texts(
            self.toggle,
            self.tr("Guided walkthrough"),
            self.tr("Step through the forward and backward pass; Escape leaves"),
        )
        set_texts(self.next, self.tr("Next step"), self.tr("The next step of the walkthrough"))
        set_texts(
            self.prev, self.tr("Previous step"), self.tr("The previous step of the walkthrough")
        )
        set_texts(self.first, self.tr("First step"), self.tr("Back to the first step"))
        set_texts(self.last, self.tr("Last step"), self.tr("On to the update step"))
        self.leave.setText(self.tr("Leave the walkthrough") + "\tEsc")
        self.leave.setIconText(self.tr("Leave the walkthrough"))
        self.leave.setToolTip(self.tr("Leave the walkthrough (Esc)"))
        self.menu.setTitle(self.tr("&Lecture"))
        self.counter.setToolTip(self.tr("The step on show and the number of steps"))
        self.bar.setWindowTitle(self.tr("Walkthrough"))

    def _toggle(self, on: bool) -> None:
        if on:
            self.session.lecture.start_walkthrough()
        else:
            self.session.lecture.stop_walkthrough()

    def share_keys_with(self, actions: list[QAction], derivation: QWidget) -> None:
        """``actions`` share keys with the walkthrough (off while it runs); ``derivation`` is
        brought to the front when it starts (the formula that matches what is lit)."""
        self._shared, self._derivation = list(actions), derivation
        self.show_state(self.session.snapshot)

    def show_state(self, snap: Snapshot) -> None:
        k = snap.walk_index
        walking = k is not None
        self.toggle.setChecked(walking)
        for a in (self.next, self.prev, self.first, self.last, self.leave):
            a.setEnabled(walking)
        if k is not None:
            n = len(snap.walk_steps)
            self.next.setEnabled(k < n - 1)
            self.prev.setEnabled(k > 0)
            self.counter.setText(f" {k + 1} / {n} ")
            said = narration(snap.walk_step, snap.concealed)
            if said != self.text.text():
                self.text.setText(said)
                plain = QTextDocumentFragment.fromHtml(said).toPlainText()
                announce(self.text, f"{k + 1} / {n}. {plain}")
        for a in self._shared:
            a.setEnabled(not walking)
        if self.bar.isVisibleTo(self._window) != walking:
            self.bar.setVisible(walking)
            dock = None if self._derivation is None else self._derivation.parentWidget()
            if walking and dock is not None:
                dock.raise_()
