"""Whether a panel sits in a dock tab behind another one.

Qt keeps such a dock "visible" and lays it out beyond the window's edge instead of hiding
it, so ``isVisible()`` cannot tell. Panels that cost work on every edit (the quiz, the values
table) skip it while behind and catch up when their tab comes to the front (the dock's
``visibilityChanged``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget


def behind_a_tab(widget: QWidget) -> bool:
    """True when ``widget`` is shown but lies wholly outside its window (a tab behind)."""
    window = widget.window()
    if not widget.isVisible() or window is widget:
        return False
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return not window.rect().intersects(where)
