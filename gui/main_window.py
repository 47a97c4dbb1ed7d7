"""The main window: the diagram in the middle, panels around it, menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from core.numfmt import fmt

from .formula import add_derivation_dock
from .session import Session, Snapshot

TITLE = "CNN Backprop Visualizer"


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr(TITLE))
        self.resize(1280, 720)
        self._summary = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self._summary)
        self.derivation = add_derivation_dock(self, session)
        session.state_changed.connect(self.show_state)
        self.show_state(session.snapshot)

    def show_state(self, snap: Snapshot) -> None:
        f = snap.forward
        self._summary.setText(
            f"y_hat = {fmt(f.y_hat)}    MSE = {fmt(f.loss)}    "
            f"dMSE/d{snap.selected} = {fmt(snap.gradients[snap.selected])}"
        )
