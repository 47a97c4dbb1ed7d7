"""Help > About: the app's name, version and licence, and where its network comes from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

DISTRIBUTION = "cnn-backprop-visualizer"


def version() -> str:
    """The installed version, or "unknown" when the app runs from a folder not installed."""
    from importlib import metadata  # it loads the email package: only when asked

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def about_text(window: QMainWindow) -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "<h3>CNN Backprop Visualizer {0}</h3>"
        "<p>Backpropagation through one tiny convolutional network, exact and live: a 3x3 "
        "input, one 2x2 filter, four sigmoid cells, a linear head and the squared error. The "
        "shared weight w11 reaches the loss along four paths; its gradient is their sum.</p>"
        "<p>The network and its derivation follow a homework exercise (HW 1-3, written in "
        "Traditional Chinese); the app shows the corrected derivation where the exercise "
        "slips (the middle sign of Step 3).</p>"
        "<p>Free software under the MIT licence. Built with Qt for Python (PySide6, LGPLv3), "
        "NumPy, pyqtgraph and ziamath.</p>",
    ).format(version())


def show_about(window: QMainWindow) -> None:
    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "About CNN Backprop Visualizer"),
        about_text(window),
    )
