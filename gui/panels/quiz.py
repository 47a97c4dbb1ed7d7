"""Predict, then reveal: hide chosen values, let the student type a prediction, check it.

One row per quiz value (core.quiz keys): a Hide box, the value's name, a box for the prediction,
Check and Reveal. Which values are hidden lives in the Session's snapshot (``Snapshot.hidden``),
so the diagram, the paths panel and the walkthrough show "?" for them too, and for every value
that would give them away (``Snapshot.concealed``); the panel names those under its buttons.
The expected values and the rule of what gives a value away come from :mod:`core.quiz`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.model import Params, parameters
from core.numfmt import fmt
from core.parse import ParseError, parse_number
from core.quiz import DEFAULT_TOL, LOSS_AFTER, check, expected, graph, keys, net

from ..look.labels import scroll_body, wrapped
from ..look.palette import NEGATIVE, POSITIVE, SELECTED
from ..state.said import refusal
from ..state.session import Session, Snapshot
from ..support.announce import announce
from ..support.behind import behind_a_tab
from ..support.field_keys import REFUSED

MAX_PATHS = 4
MAX_NAMED = 6  # implied values named in full; the rest are counted (all in the tooltip)

#: What a verdict was given on: the values, the selected parameter, the learning rate.
_State = tuple[Params, str, float]


class QuizRow:
    """The widgets of one quiz value."""

    def __init__(self, panel: QuizPanel, key: str):
        self.key = key
        self.hide = QCheckBox()
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.answer = QLineEdit()
        self.answer.setMinimumWidth(80)
        self.check = QToolButton()
        self.reveal = QToolButton()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.hide.toggled.connect(lambda on: panel.session.lecture.hide_value(key, on))
        self.answer.returnPressed.connect(lambda: panel.check_answer(key))
        self.check.clicked.connect(lambda: panel.check_answer(key))
        self.reveal.clicked.connect(lambda: panel.reveal(key))
        self.retranslate()

    def retranslate(self) -> None:
        self.hide.setToolTip(
            QCoreApplication.translate("QuizPanel", "Hide this value (it shows as ? everywhere)")
        )
        self.answer.setPlaceholderText(QCoreApplication.translate("QuizPanel", "predict"))
        self.answer.setToolTip(
            QCoreApplication.translate(
                "QuizPanel", "Type a number (0.5, -1e-3, 1/3) and press Enter"
            )
        )
        self.check.setText(QCoreApplication.translate("QuizPanel", "Check"))
        self.check.setToolTip(
            QCoreApplication.translate(
                "QuizPanel", "Compare your prediction with the value (Enter)"
            )
        )
        self.reveal.setText(QCoreApplication.translate("QuizPanel", "Reveal"))
        self.reveal.setToolTip(QCoreApplication.translate("QuizPanel", "Show the value"))

    def name_controls(self, panel: QuizPanel, name: str) -> None:
        """Screen readers read each control with the value it is about."""
        self.hide.setAccessibleName(
            QCoreApplication.translate("QuizPanel", "Hide %1").replace("%1", name)
        )
        self.answer.setAccessibleName(
            QCoreApplication.translate("QuizPanel", "Your prediction of %1").replace("%1", name)
        )
        self.check.setAccessibleName(
            QCoreApplication.translate("QuizPanel", "Check your prediction of %1").replace(
                "%1", name
            )
        )
        self.reveal.setAccessibleName(
            QCoreApplication.translate("QuizPanel", "Reveal %1").replace("%1", name)
        )
        for w in (self.hide, self.answer, self.check, self.reveal):
            w.setAccessibleDescription(w.toolTip())

    def widgets(self) -> list[QWidget]:
        return [self.hide, self.name, self.answer, self.check, self.reveal]

    def set_visible(self, on: bool) -> None:
        for w in (*self.widgets(), self.verdict):
            w.setVisible(on)


class QuizPanel(QWidget):
    """Dock content: the quiz values of the selected parameter."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("QuizPanel", "Quiz")

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        intro = self._intro = wrapped()
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setDecimals(2)
        self.tolerance.setRange(0.01, 50.0)
        self.tolerance.setSingleStep(0.5)
        self.tolerance.setValue(DEFAULT_TOL * 100)
        self.tolerance.setSuffix(" %")
        tol_row = QHBoxLayout()
        self._tol_label = QLabel()
        tol_row.addWidget(self._tol_label)
        tol_row.addWidget(self.tolerance)
        tol_row.addStretch(1)
        self.hide_button = QPushButton()
        self.hide_button.clicked.connect(self.hide_all)
        self.reveal_all = QPushButton()
        self.reveal_all.clicked.connect(session.lecture.reveal_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hide_button)
        buttons.addWidget(self.reveal_all)
        buttons.addStretch(1)
        self.implied = wrapped()  # what the hidden values take with them (core.quiz)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        all_keys = ("y_hat", "MSE", *(f"path{k}" for k in range(MAX_PATHS)), "grad", "after")
        self.rows = {key: QuizRow(self, key) for key in all_keys}
        for r, row in enumerate(self.rows.values()):
            for c, w in enumerate(row.widgets()):
                grid.addWidget(w, 2 * r, c)
            grid.addWidget(row.verdict, 2 * r + 1, 1, 1, 4)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(intro)
        inner.addLayout(tol_row)
        inner.addLayout(buttons)
        inner.addWidget(self.implied)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll_body(self, body)
        # key -> (state it was checked on, verdict html)
        self._results: dict[str, tuple[_State, Callable[[], str]]] = {}
        self._behind: Snapshot | None = None  # a snapshot not shown while behind another tab
        session.state_changed.connect(self.show_snapshot)
        self.retranslate()
        self.show_snapshot(session.snapshot)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        self._intro.setText(
            self.tr(
                "Hide values, predict them, then check: an answer within the tolerance "
                "of the value is right."
            )
        )
        self.tolerance.setToolTip(self.tr("How far (relative) a prediction may be from the value"))
        self.tolerance.setAccessibleName(self.tr("Tolerance of a right prediction, in percent"))
        self._tol_label.setText(self.tr("Tolerance"))
        self.hide_button.setText(self.tr("Hide all"))
        self.hide_button.setToolTip(self.tr("Hide every value below"))
        self.reveal_all.setText(self.tr("Reveal all"))
        self.reveal_all.setToolTip(self.tr("Show every hidden value"))
        for row in self.rows.values():
            row.retranslate()
            if row.name.text():
                row.name_controls(self, row.name.text())

    def label(self, key: str, param: str) -> str:
        if key == "y_hat":
            return self.tr("the prediction ŷ")
        if key == "MSE":
            return self.tr("the loss MSE")
        if key == "grad":
            return self.tr("the gradient ∂MSE/∂{0}").format(param)
        if key == "after":
            return self.tr("{0} after one step").format(param)
        return self.tr("path {0}'s term").format(int(key[4:]) + 1)

    def implied_names(self, snap: Snapshot) -> list[str]:
        """What hiding the chosen values also hides, by name, in the order of the pass."""
        extra = snap.concealed - snap.hidden - {f"dMSE/d{snap.selected}"}
        if not extra:
            return []
        g = graph(snap.selected, net(snap.params))
        first = ("z", "o", "s'", "y_hat", "MSE", "dMSE/dy", "dMSE/dz", "path", "bracket", "sum")
        rank = {v: next((k for k, p in enumerate(first) if v.startswith(p)), len(first)) for v in g}
        rank[LOSS_AFTER] = len(first) + 1  # after the step it follows
        grads = {f"dMSE/d{q}" for q in parameters(snap.params)} - {f"dMSE/d{snap.selected}"}
        names = []
        if grads <= extra:  # all of them: one name
            extra -= grads
            names.append(self.tr("every other gradient"))
        ordered = sorted((v for v in g if v in extra), key=lambda v: rank[v])
        return [self._name(v, snap.selected) for v in ordered] + names

    def _name(self, value: str, param: str) -> str:
        if value in ("y_hat", "MSE", "grad", "after") or value.startswith("path"):
            return self.label(value, param)
        if value == LOSS_AFTER:
            return self.tr("the loss after one step")
        if value == "sum":
            return self.tr("the sum of the brackets")
        if value.startswith("bracket"):
            return self.tr("path {0}'s bracket").format(int(value[7:]) + 1)
        return value.replace("dMSE/d", "∂MSE/∂").replace("y_hat", "ŷ")

    def seen(self, seen: bool) -> None:
        if seen and self._behind is not None:
            self.show_snapshot(self.session.snapshot)

    def show_snapshot(self, snap: Snapshot) -> None:
        if behind_a_tab(self):  # 5-8 ms an edit for a panel no one sees; done when raised
            self._behind = snap
            return
        self._behind = None
        names = self.implied_names(snap)
        shown = ", ".join(names[:MAX_NAMED])
        if len(names) > MAX_NAMED:
            shown = self.tr("{0} and {1} more").format(shown, len(names) - MAX_NAMED)
        self.implied.setText(
            self.tr("Also hidden, as they would give these away: {0}").format(shown)
        )
        self.implied.setToolTip("\n".join(names))
        self.implied.setVisible(bool(names))
        present = set(keys(snap.params, snap.selected))
        for key, row in self.rows.items():
            row.set_visible(key in present)
            name = self.label(key, snap.selected)
            if row.name.text() != name:
                row.name.setText(name)
                row.name_controls(self, name)
            hidden = key in snap.hidden
            with QSignalBlocker(row.hide):
                row.hide.setChecked(hidden)
            for w in (row.answer, row.check, row.reveal):
                w.setEnabled(hidden)
            checked_on, verdict = self._results.get(key, (None, str))
            current = checked_on == self._state(snap)
            row.verdict.setText(verdict() if current else "")
            row.verdict.setVisible(current and key in present)

    @staticmethod
    def _state(snap: Snapshot) -> _State:
        return (snap.params, snap.selected, snap.lr)

    def value(self, key: str) -> float:
        snap = self.session.snapshot
        return expected(snap.params, key, snap.selected, snap.lr)

    # -- gestures --------------------------------------------------------------------------
    def check_answer(self, key: str) -> bool | None:
        """Check the typed prediction for ``key``; True right, False wrong, None unreadable."""
        row = self.rows[key]
        tol = self.tolerance.value() / 100
        try:
            guess = parse_number(row.answer.text())
        except ParseError as exc:  # said again in a new language, as the verdicts are
            row.answer.setProperty(REFUSED, True)  # Enter leaves the keys here to retype
            unreadable = exc

            def why() -> str:
                return f"<span style='color:{POSITIVE}'>{refusal(unreadable)}</span>"

            self._say(key, why)
            return None
        right = check(guess, self.value(key), tol)
        pct = f"{self.tolerance.value():g} %"

        def verdict() -> str:
            if right:
                html = self.tr("<b style='color:{0}'>Right</b>: {1} is within {2} of the value.")
                return html.format(SELECTED, fmt(guess, 6), pct)
            return self.tr(
                "<b style='color:{0}'>Not yet</b>: {1} is not within {2}. Try again, or reveal."
            ).format(NEGATIVE, fmt(guess, 6), pct)

        self._say(key, verdict)
        return right

    def reveal(self, key: str) -> None:
        value = self.value(key)
        self._say(key, lambda: self.tr("The value is <b>{0}</b>.").format(fmt(value, 6)))
        self.session.lecture.hide_value(key, False)

    def hide_all(self) -> None:
        snap = self.session.snapshot
        self.session.lecture.set_hidden(keys(snap.params, snap.selected))

    def _say(self, key: str, html: Callable[[], str]) -> None:
        """Show the verdict ``html()`` under ``key`` (said again in a new language)."""
        self._results[key] = (self._state(self.session.snapshot), html)
        announce(self, QTextDocumentFragment.fromHtml(html()).toPlainText())
        self.show_snapshot(self.session.snapshot)
