"""The transport icons (first, back, play, pause, forward) drawn in the window's own text colour.

The style's media icons are fixed dark-grey pictures that vanish on a dark ground. These are
drawn when painted, in the ButtonText colour of the palette of the widget they were made for
(the Disabled group's when the action cannot be used), so every theme shows them.
"""

from __future__ import annotations

import tempfile
import weakref
from pathlib import Path

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
    def __init__(self, kind: str, widget: QWidget | None):
        super().__init__()
        # held weakly: Qt keeps this engine (and so its Python side) alive as long as any
        # QIcon uses it, and a strong reference would keep a closed window alive with it
        self._kind = kind
        self._widget = weakref.ref(widget) if widget is not None else lambda: None

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        widget = self._widget()
        palette = widget.palette() if widget is not None else QPalette()
        color = palette.color(group, QPalette.ColorRole.ButtonText)
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
        return _Engine(self._kind, self._widget())

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        return size


def transport_icon(kind: str, widget: QWidget) -> QIcon:
    """The ``kind`` icon (one of :data:`SHAPES`) in ``widget``'s palette, drawn when painted."""
    if kind not in SHAPES:
        raise KeyError(kind)
    return QIcon(_Engine(kind, widget))


#: Where the spin boxes' arrow pictures are written, one pair per colour (style sheets take
#: pictures from files only).
ARROW_DIR = Path(tempfile.gettempdir()) / "cnn-backprop-arrows"
_ARROW = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6" viewBox="0 0 8 6">'
    '<path d="{d}" fill="{color}"/></svg>'
)


def arrow_files(color: str) -> tuple[str, str]:
    """Paths of an up and a down arrow in ``color`` (``#RRGGBB``), written on first use."""
    ARROW_DIR.mkdir(parents=True, exist_ok=True)
    name = color.lstrip("#").upper()
    paths = []
    for kind, d in (("up", "M0 6 L4 0 L8 6 Z"), ("down", "M0 0 L4 6 L8 0 Z")):
        path = ARROW_DIR / f"{kind}-{name}.svg"
        if not path.exists():
            path.write_text(_ARROW.format(d=d, color=color))
        paths.append(path.as_posix())
    return paths[0], paths[1]
