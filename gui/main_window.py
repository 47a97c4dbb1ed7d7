"""The main window: the diagram in the middle, panels around it, menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from core.numfmt import fmt

from .descent_panel import install_descent
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
        session.state_changed.connect(self.show_state)
        self.show_state(session.snapshot)
        install_descent(self, session)

    def show_state(self, snap: Snapshot) -> None:
        f = snap.forward
        self._summary.setText(
            f"y_hat = {fmt(f.y_hat)}    MSE = {fmt(f.loss)}    "
            f"dMSE/d{snap.selected} = {fmt(snap.gradients[snap.selected])}"
        )
