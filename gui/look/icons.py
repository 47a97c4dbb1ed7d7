"""The transport icons (first, back, play, pause, forward) drawn in the window's own text colour.

The style's media icons are fixed dark-grey pictures that vanish on a dark ground. These are
drawn when painted, in the ButtonText colour of the palette of the widget they were made for
(the Disabled group's when the action cannot be used), so every theme shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

#: Each icon as polygons in a 16 x 16 box.
SHAPES: dict[str, list[list[tuple[float, float]]]] = {
    "play": [[(4, 2), (14, 8), (4, 14)]],
    "pause": [[(3, 2), (7, 2), (7, 14), (3, 14)], [(9, 2), (13, 2), (13, 14), (9, 14)]],
    "back": [[(8, 2), (8, 14), (1, 8)], [(15, 2), (15, 14), (8, 8)]],
    "forward": [[(8, 2), (8, 14), (15, 8)], [(1, 2), (1, 14), (8, 8)]],
    "first": [[(2, 2), (4.5, 2), (4.5, 14), (2, 14)], [(14, 2), (14, 14), (5, 8)]],
}


class _Engine(QIconEngine):
    def __init__(self, kind: str, widget: QWidget):
        super().__init__()
        self._kind, self._widget = kind, widget

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        color = self._widget.palette().color(group, QPalette.ColorRole.ButtonText)
        side = min(rect.width(), rect.height())
        scale = side / 16.0
        left = rect.x() + (rect.width() - side) / 2
        top = rect.y() + (rect.height() - side) / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for shape in SHAPES[self._kind]:
            points = [QPointF(left + x * scale, top + y * scale) for x, y in shape]
            painter.drawPolygon(QPolygonF(points))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return QPixmap.fromImage(image)

    def clone(self) -> QIconEngine:
        return _Engine(self._kind, self._widget)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        return size


def transport_icon(kind: str, widget: QWidget) -> QIcon:
    """The ``kind`` icon (one of :data:`SHAPES`) in ``widget``'s palette, drawn when painted."""
    if kind not in SHAPES:
        raise KeyError(kind)
    return QIcon(_Engine(kind, widget))
