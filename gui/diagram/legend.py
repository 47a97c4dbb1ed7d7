"""Column headers and the colour legend of the diagram (static text, placed once)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene, QGraphicsSimpleTextItem

from ..look import palette
from . import layout
from .items import GRADIENT_INK


def _text(
    scene: QGraphicsScene,
    text: str,
    pos: QPointF,
    px: int = 17,
    color=palette.INK,
    bold: bool = True,
    italic: bool = False,
) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text)
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    font.setItalic(italic)
    item.setFont(font)
    item.setBrush(QColor(color))
    item.setPos(pos)
    scene.addItem(item)
    return item


def add_headers(scene: QGraphicsScene) -> list[QGraphicsSimpleTextItem]:
    k = layout.kernel_rect("w11")
    return [
        _text(
            scene,
            QCoreApplication.translate("Diagram", "Input a (3×3)"),
            QPointF(layout.INPUT_ORIGIN.x(), 44),
        ),
        _text(
            scene,
            QCoreApplication.translate("Diagram", "Filter w (2×2), shared by all 4 cells"),
            QPointF(k.left() - 40, k.top() - 34),
        ),
        _text(
            scene,
            QCoreApplication.translate("Diagram", "Conv layer: z = window · w,  o = s(z)"),
            QPointF(layout.CONV_X, 12),
        ),
        _text(
            scene, QCoreApplication.translate("Diagram", "Head"), QPointF(layout.HEAD_X + 26, 12)
        ),
        _text(
            scene,
            QCoreApplication.translate("Diagram", "Output"),
            QPointF(layout.YHAT.left() + 40, layout.YHAT.top() - 34),
        ),
        _text(
            scene,
            QCoreApplication.translate("Diagram", "Loss"),
            QPointF(layout.LOSS.left() + 52, layout.LOSS.top() - 34),
        ),
    ]


def add_legend(scene: QGraphicsScene) -> list:
    """A legend under the loss: path colours, widths, dashes and the gradient style."""
    x, y = layout.LEGEND.x(), layout.LEGEND.y()
    items = []
    for k, (color, label) in enumerate(
        (
            (palette.POSITIVE, QCoreApplication.translate("Diagram", "path term > 0")),
            (palette.NEGATIVE, QCoreApplication.translate("Diagram", "path term < 0")),
        )
    ):
        dot = QGraphicsEllipseItem(QRectF(x, y + 5 + k * 26, 15, 15))
        dot.setBrush(QBrush(QColor(color)))
        dot.setPen(QPen(QColor(color)))
        scene.addItem(dot)
        items += [dot, _text(scene, label, QPointF(x + 22, y + k * 26), 15, bold=False)]
    rows = (
        (QCoreApplication.translate("Diagram", "width ∝ |term|"), palette.INK, False),
        (QCoreApplication.translate("Diagram", "dashed: the other factor"), palette.INK, False),
        (QCoreApplication.translate("Diagram", "∂ …: gradient ∂MSE/∂(node)"), GRADIENT_INK, True),
        (QCoreApplication.translate("Diagram", "green ring: selected"), palette.SELECTED, False),
    )
    for k, (text, color, italic) in enumerate(rows):
        pos = QPointF(x, y + 54 + k * 24)
        items.append(_text(scene, text, pos, 15, color, bold=False, italic=italic))
    return items
