"""Saying a change out loud: Qt's accessibility announcement, which screen readers speak.

Orca (through AT-SPI), NVDA and VoiceOver read an announcement event as a polite live-region
message. Without an assistive technology running, Qt drops it at no cost.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers speak ``text`` (about ``widget``'s part of the window)."""
    if text:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
