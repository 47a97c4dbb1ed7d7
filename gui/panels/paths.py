"""The paths panel: the selected parameter's gradient first, then the path terms it sums.

From the top, as a student should copy them: the gradient in the largest type, with the nudge
check's verdict right under it; the sum of the path terms, then each term (a card, coloured by
its sign; a click spotlights its path); last, the common factor dMSE/dy_hat every term holds.
At 1280x720 and 1024x768 everything fits the dock without scrolling, in presenter mode too: when
the text it is given (presenter mode's larger type) would need more height than the dock has, the
panel sets its type a little smaller, down to :data:`LEAST_FIT` of it. Cards and text take
their colours from the widget palette, so the dark and high-contrast themes draw them right.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.descent import central_difference, relative_error
from core.losses import COMMON, LOSS_SYMBOL
from core.model import CELLS, Params
from core.numfmt import fmt
from core.numfmt import fmt_operand as op

from ..look import palette
from ..look.labels import scroll_body, wrapped
from ..look.rich_text import RichText
from ..look.steady import Steady
from ..state.session import Session, Snapshot
from ..support.behind import behind_a_tab
from .path_row import PathRow, ink, sized

__all__ = ["PathRow", "PathsPanel", "ink"]

GRADIENT_SCALE = 1.6  # the gradient's type, relative to the panel's body text
CAPTION_SCALE = 0.9  # the captions' type
LEAST_FIT = 0.7  # the smallest part of its given type the panel shrinks to, to fit its height
WIDE = 760  # a panel at least this wide shows its path cards two by two
FIT_STEP = 0.95  # each try at fitting sets the type this much smaller


class PathsPanel(QWidget):
    """The gradient of the selected parameter and the paths that make it."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.gradient = wrapped(rich=True)  # wraps rather than widen the dock
        self.gradient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.nudge = QPushButton()
        self.retranslate()
        self.nudge.clicked.connect(self.run_nudge_check)
        self.nudge_result = wrapped(rich=True)
        self.nudge_result.setVisible(False)
        # the texts whose numbers change on every edit draw themselves (look.rich_text)
        self.sum_caption = RichText()
        self.total = RichText()
        self.rows = [PathRow(k) for k in range(4)]
        self.common = RichText()

        top = QHBoxLayout()
        self._steady = Steady(self.gradient)  # selectable, so a label; new numbers ask no
        top.addWidget(self._steady, 1)  # layout (look.steady)
        top.addWidget(self.nudge, 0, Qt.AlignmentFlag.AlignVCenter)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.nudge_result)
        layout.addSpacing(4)
        layout.addWidget(self.sum_caption)
        layout.addWidget(self.total)
        self._grid = QGridLayout()
        self._grid.setSpacing(3)
        self._columns = 0
        for row in self.rows:
            row.clicked.connect(self._row_clicked)
        self._arrange(1)
        layout.addLayout(self._grid)
        layout.addSpacing(4)
        layout.addWidget(self.common)
        layout.addStretch(1)
        self.scroll_area = scroll_body(self, body)  # only presenter zoom should ever need it
        self._body, self._column = body, layout
        self._checked: tuple[Params, str] | None = None
        self._fit = 1.0  # the part of its given type the panel uses now, to fit its height
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_height)
        self._fit_fonts()
        self.setMinimumWidth(300)
        session.state_changed.connect(self.show_snapshot)
        self.show_snapshot(session.snapshot)

    def _fit_fonts(self) -> None:
        base = QFont(self.font())
        base.setPointSizeF(self.font().pointSizeF() * self._fit)
        self._body.setFont(base)
        sized(self.gradient, base, GRADIENT_SCALE, bold=True)
        for label in (self.sum_caption, self.common):
            sized(label, base, CAPTION_SCALE)

    def _needs(self) -> int:
        """The height the panel's contents take at the viewport's width."""
        layout = self._column
        width = self.scroll_area.viewport().width()
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return layout.totalSizeHint().height()

    def fit_height(self, grow: bool = False) -> None:
        """Set the type as large as given while everything fits the panel's height (never
        below :data:`LEAST_FIT` of it); ``grow`` tries larger type again (a resize, a new font)."""
        room = self.scroll_area.viewport().height()
        if room <= 0 or not self.isVisible():
            return
        fit = 1.0 if grow else self._fit
        while True:
            if fit != self._fit:
                self._fit = fit
                self._fit_fonts()
            if self._needs() <= room or fit <= LEAST_FIT:
                return
            fit = max(LEAST_FIT, fit * FIT_STEP)

    def _lay_out_now(self) -> None:
        """Lay the new texts out and fit them before the next paint: left to Qt's posted
        layout requests, the panel would be painted once with the old layout, then again.
        A panel not on show leaves them to Qt (and fits itself when shown)."""
        if not self.isVisible() or behind_a_tab(self):
            return
        scroll = self.scroll_area
        asking = [self._steady, self._body, scroll.viewport(), scroll]
        for _ in range(3):  # the rows, their column, the scroll area: each asks the next
            for widget in asking:
                QCoreApplication.sendPostedEvents(widget, QEvent.Type.LayoutRequest)
        self.fit_height()

    def _arrange(self, columns: int) -> None:
        """The path cards in one column, or two side by side (1 2 / 3 4) when the panel is
        wide: a tab under the diagram on a 4:3 projector is wide and short."""
        if columns == self._columns:
            return
        self._columns = columns
        for row in self.rows:
            self._grid.removeWidget(row)
        for k, row in enumerate(self.rows):
            self._grid.addWidget(row, k // columns, k % columns)
        for c in range(2):  # the columns share the width alike, whatever their texts ask
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange(2 if self.width() >= WIDE else 1)
        self._grow_later()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._grow_later()

    def _grow_later(self) -> None:
        QTimer.singleShot(0, self, lambda: self.fit_height(grow=True))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self._fit_fonts()
            self._grow_later()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self.show_snapshot(self.session.snapshot)

    def retranslate(self) -> None:
        self.nudge.setText(self.tr("Nudge check"))
        self.gradient.setToolTip(self.tr("The gradient: the sum of the path terms below"))
        self._tip_loss = ""
        self._nudge_tip(self.session.snapshot)

    def _nudge_tip(self, snap: Snapshot) -> None:
        """The nudge check's tooltip, with the network's loss (MSE, L or BCE)."""
        big_l = LOSS_SYMBOL[snap.params.loss]
        if big_l != self._tip_loss:
            self._tip_loss = big_l
            text = self.tr(
                "Compare the gradient with a central finite difference,\n"
                "({0}(v + h) - {0}(v - h)) / 2h  (N)"
            )
            self.nudge.setToolTip(text.format(big_l))

    def show_snapshot(self, snap: Snapshot) -> None:
        ps, name, hidden = snap.paths, snap.selected, snap.concealed
        grad = snap.gradients[name]

        def num(key: str, value: float, digits: int = 4) -> str:
            return "?" if key in hidden else fmt(value, digits)

        def signed(value: float, key: str) -> str:  # a hidden value's colour keeps its sign too
            plain = self.palette().color(QPalette.ColorRole.WindowText).name()
            return plain if key in hidden else ink(self, palette.sign_hex(value))

        p = snap.params
        big_l = LOSS_SYMBOL[p.loss]
        self._nudge_tip(snap)
        self.gradient.setText(
            f"∂{big_l}/∂{name} = <span style='color:{signed(grad, 'grad')}'>"
            f"{num('grad', grad, 6)}</span>"
        )
        self.sum_caption.setText(self.tr("= the sum of its {0} path term(s):").format(len(ps)))
        terms = " + ".join("?" if f"path{k}" in hidden else op(p.value) for k, p in enumerate(ps))
        self.total.setText(f"{terms} = <b>{num('grad', grad, 6)}</b>" if len(ps) > 1 else "")
        self.total.setVisible(len(ps) > 1)
        for k, row in enumerate(self.rows):
            row.setVisible(k < len(ps))
            if k < len(ps):
                path = ps[k]
                factors = [
                    "?" if fa.equals in hidden else op(fa.value) for fa in path.factors[1:]
                ] + ["?" if "dMSE/dy_hat" in hidden else op(path.factors[0].value)]
                color = signed(path.value, f"path{k}")
                term = num(f"path{k}", path.value)
                dead = self.dead_text(snap, path.cell) if path.dead else ""
                row.show_path(path, factors, term, color, snap.path == k, big_l, dead)
        common = ps[0].factors[0].value
        if p.loss == "mse":
            text = self.tr("Common factor of every term: ∂MSE/∂ŷ = −2(yy − ŷ) = <b>{0}</b>")
            self.common.setText(text.format(num("dMSE/dy_hat", common)))
        else:
            formula = COMMON[p.loss].replace("y_hat", "ŷ").replace("-", "−")
            text = self.tr("Common factor of every term: ∂{0}/∂ŷ = {1} = <b>{2}</b>")
            self.common.setText(text.format(big_l, formula, num("dMSE/dy_hat", common)))
        self.nudge.setEnabled("grad" not in hidden)  # its result would print the gradient
        self._lay_out_now()  # longer numbers may need a line more
        if self._checked != (snap.params, name) or "grad" in hidden:
            self._checked = None
            self.nudge_result.clear()
            self.nudge_result.setVisible(False)

    def dead_text(self, snap: Snapshot, cell: int | None) -> str:
        """Why a ReLU cell passes nothing back, with its numbers."""
        if cell is None:
            return ""
        z = fmt(snap.forward.z.flat[cell])
        text = self.tr("relu'(z{0}) = 0: z{0} = {1} <= 0, no gradient flows through this cell")
        return text.format(CELLS[cell], z)

    def _row_clicked(self, index: int) -> None:
        current = self.session.snapshot.path
        self.session.select_path(None if current == index else index)

    def run_nudge_check(self) -> None:
        """Show a central finite difference under the gradient, and whether the two agree."""
        snap = self.session.snapshot
        if "grad" in snap.concealed:
            return  # it would print the gradient the quiz hides
        name = snap.selected
        analytic = snap.gradients[name]
        numeric = central_difference(snap.params, name)
        err = relative_error(analytic, numeric)
        good = err < 1e-5
        verdict = "✓ " + self.tr("they agree") if good else "✗ " + self.tr("they DISAGREE")
        text = self.tr("Nudge check: finite difference {0}: <b>{1}</b> (relative error {2:.1e})")
        self.nudge_result.setText(text.format(fmt(numeric, 6), verdict, err))
        self.nudge_result.setVisible(True)
        self._refit.start()
        self._checked = (snap.params, name)
