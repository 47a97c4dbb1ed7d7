"""The descent dock: a banner that says why play stopped, and the three plots."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..look.labels import wrapped
from ..look.palette import BANNER_BG, FONT_PT, INK, MUTED, POSITIVE
from ..state.session import Session, Snapshot
from .loss_curve_plot import LossCurvePlot
from .plot_style import theme_plot
from .step_plots import LossStepPlot, ValueStepPlot


def tr(text: str) -> str:
    return QCoreApplication.translate("DescentPanel", text)


class DescentPanel(QWidget):
    """Redraws the banner and the plots from each snapshot."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            f"background: {BANNER_BG}; color: {INK}; border-left: 5px solid {POSITIVE};"
            f"padding: 6px 10px; font-size: {FONT_PT + 1}pt;"
        )
        self.banner.setToolTip(
            tr("What the descent is doing and why; after a stop, the last usable state stays shown")
        )
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {MUTED}; font-size: {FONT_PT}pt; padding: 2px 8px;")
        self.curve = LossCurvePlot()
        self.loss = LossStepPlot()
        self.value = ValueStepPlot()
        split = QSplitter(Qt.Orientation.Horizontal)
        for p in (self.curve, self.loss, self.value):
            split.addWidget(p.widget)
        split.setSizes([500, 390, 390])
        self.plots = split
        self.hidden_note = wrapped(
            tr("The plots are hidden while the quiz hides values: they would give them away.")
        )
        self.hidden_note.setStyleSheet(f"color: {MUTED}; font-size: {FONT_PT + 1}pt; padding: 8px;")
        self.hidden_note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.banner)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addWidget(self.hidden_note)
        self._drawn: Snapshot | None = None
        session.state_changed.connect(self.show_state)
        self.show_state(session.snapshot)

    @staticmethod
    def title() -> str:
        return tr("Gradient descent")

    def set_theme(self, theme) -> None:
        """Draw the plots in ``theme`` (a :class:`gui.look.theme.Theme`)."""
        for p in (self.curve, self.loss, self.value):
            theme_plot(p.widget, theme)

    def show_state(self, snap: Snapshot) -> None:
        """Show ``snap``; the plots redraw only what changed, all of it when ``snap`` comes
        again (the session publishes the same snapshot again after the language changed)."""
        if snap is self._drawn:
            for p in (self.curve, self.loss, self.value):
                p.forget()
        self._drawn = snap
        self.plots.setVisible(not snap.hidden)
        self.hidden_note.setVisible(bool(snap.hidden))
        d = snap.descent
        self.banner.setText(d.banner)
        self.banner.setVisible(bool(d.banner))
        self.status.setText(d.status)
        self.status.setVisible(bool(d.status))
        if snap.hidden:
            return  # drawn when shown again: each plot draws what changed since it last drew
        self.curve.show(d, snap.params)
        self.loss.set_log(snap.log_scale)
        self.loss.show(d)
        self.value.show(d)
