"""Labels built with setters (never keyword properties, which break under a Turkish locale)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def wrapped(text: str = "", rich: bool = False) -> QLabel:
    """A label that wraps its words; ``rich`` shows rich text."""
    label = QLabel(text)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    return label
