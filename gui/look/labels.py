"""Labels and panel bodies built with setters (never keyword properties, which break under a
Turkish locale)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def wrapped(text: str = "", rich: bool = False) -> QLabel:
    """A label that wraps its words; ``rich`` shows rich text."""
    label = QLabel(text)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    return label


def scroll_body(panel: QWidget, body: QWidget) -> QScrollArea:
    """Fill ``panel`` with ``body`` in a frameless scroll area that never scrolls sideways."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll
