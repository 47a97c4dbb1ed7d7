"""The path panel: the terms whose sum is the selected parameter's gradient, and the nudge check."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from core.descent import central_difference, relative_error
from core.model import CELLS, Params
from core.numfmt import fmt
from core.numfmt import fmt_operand as op

from ..look import palette
from ..look.labels import scroll_body, wrapped
from ..state.session import Session, Snapshot


class PathRow(QFrame):
    """One path's term, coloured by its sign; a click spotlights it."""

    clicked = Signal(int)

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.label = wrapped(rich=True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            self.tr("Click to show this path alone (key {0}); click again for all").format(
                index + 1
            )
        )
        self._frame: tuple[str, bool] | None = None

    def show_path(self, path, color: str, spotlit: bool, hidden: bool = False) -> None:
        nums = " × ".join(op(fa.value) for fa in path.factors[1:])
        term = path.term.replace(" * ", " · ")
        html = self.tr(
            "<span style='color:{0}'><b>{1}</b> via z{2}: {3}<br>"
            "&nbsp;&nbsp;= {4}<br>&nbsp;&nbsp;× ∂MSE/∂ŷ = <b>{5}</b></span>"
        ).format(
            color, self.index + 1, CELLS[path.cell], term, nums, "?" if hidden else fmt(path.value)
        )
        if html != self.label.text():
            self.label.setText(html)
        frame = (color, spotlit)
        if frame != self._frame:  # style sheets are slow to apply: only on a real change
            self._frame = frame
            border = f"3px solid {color}" if spotlit else "1px solid #DADCE0"
            self.setStyleSheet(
                f"PathRow {{ border: {border}; border-radius: 8px; background: white; }}"
            )

    def mouseReleaseEvent(self, event) -> None:
        self.clicked.emit(self.index)


class PathsPanel(QWidget):
    """Lists every path into the selected parameter; click a row to spotlight that path."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.heading = wrapped(rich=True)
        self.rows = [PathRow(k) for k in range(4)]
        self.total = wrapped(rich=True)
        self.nudge = QPushButton(self.tr("Nudge check"))
        self.nudge.setToolTip(
            self.tr(
                "Compare the gradient with a central finite difference,\n"
                "(MSE(v + h) - MSE(v - h)) / 2h  (N)"
            )
        )
        self.nudge.clicked.connect(self.run_nudge_check)
        self.nudge_result = wrapped(rich=True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        for row in self.rows:
            row.clicked.connect(self._row_clicked)
            layout.addWidget(row)
        for widget in (self.total, self.nudge, self.nudge_result):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll_body(self, body)
        self._checked: tuple[Params, str] | None = None
        self.setMinimumWidth(300)
        session.state_changed.connect(self.show_snapshot)
        self.show_snapshot(session.snapshot)

    def show_snapshot(self, snap: Snapshot) -> None:
        ps = snap.paths
        name = snap.selected
        common = ps[0].factors[0].value
        hidden = snap.hidden
        self.heading.setText(
            self.tr(
                "<b>∂MSE/∂{0}</b> is a sum over {1} path(s), each a product of local "
                "derivatives times the common factor ∂MSE/∂ŷ = −2(yy − ŷ) = <b>{2}</b>"
            ).format(name, len(ps), "?" if "y_hat" in hidden else fmt(common))
        )
        for k, row in enumerate(self.rows):
            row.setVisible(k < len(ps))
            if k < len(ps):
                row.show_path(
                    ps[k], palette.sign_hex(ps[k].value), snap.path == k, f"path{k}" in hidden
                )
        grad = snap.gradients[name]
        terms = " + ".join("?" if f"path{k}" in hidden else op(p.value) for k, p in enumerate(ps))
        total = "?" if "grad" in hidden or "?" in terms else fmt(grad, 6)
        self.total.setText(
            self.tr("Sum: {0}<br>= <b>{1}</b> = ∂MSE/∂{2}").format(terms, total, name)
        )
        self.nudge.setEnabled(not hidden)  # it would print the gradient
        if self._checked != (snap.params, name):
            self.nudge_result.clear()

    def _row_clicked(self, index: int) -> None:
        current = self.session.snapshot.path
        self.session.select_path(None if current == index else index)

    def run_nudge_check(self) -> None:
        """Show the analytic gradient next to a central finite difference."""
        snap = self.session.snapshot
        name = snap.selected
        analytic = snap.gradients[name]
        numeric = central_difference(snap.params, name)
        err = relative_error(analytic, numeric)
        verdict = self.tr("they agree") if err < 1e-5 else self.tr("they DISAGREE")
        self.nudge_result.setText(
            self.tr(
                "analytic ∂MSE/∂{0} = {1}<br>finite difference = {2}<br>"
                "relative error {3:.1e}: <b>{4}</b>"
            ).format(name, fmt(analytic, 10), fmt(numeric, 10), err, verdict)
        )
        self._checked = (snap.params, name)
