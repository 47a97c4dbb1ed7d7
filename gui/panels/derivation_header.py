"""The derivation panel's header: its title, and the button that copies it all as LaTeX."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton

from .derivation_rows import HEADING_PT, row_font

TITLE_OVER_TEXT = 1.3  # the title's type against the panel's own


def title_font(panel_points: float) -> QFont:
    """The title's type: a heading's, larger than the panel's own (presenter mode's zoom
    enlarges that, and the button's text with it)."""
    return row_font(max(HEADING_PT + 1, TITLE_OVER_TEXT * panel_points), bold=True)


def header(copy: QAction) -> tuple[QHBoxLayout, QLabel]:
    """The header's layout and its title (its text set by the panel)."""
    title = QLabel()
    title.setFont(row_font(HEADING_PT + 1, bold=True))
    title.setWordWrap(True)  # zoomed, it wraps rather than widen the panels' dock
    button = QToolButton()
    button.setDefaultAction(copy)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    row = QHBoxLayout()
    row.addWidget(title, 1)
    row.addWidget(button)
    return row, title
