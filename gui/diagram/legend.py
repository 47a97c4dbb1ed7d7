"""Column headers and the colour legend of the diagram (static text, placed once)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene, QGraphicsSimpleTextItem

from .. import palette
from . import layout
from .items import GRADIENT_INK


def _tr(text: str) -> str:
    return QCoreApplication.translate("Diagram", text)


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
        _text(scene, _tr("Input a (3×3)"), QPointF(layout.INPUT_ORIGIN.x(), 58)),
        _text(
            scene,
            _tr("Filter w (2×2), shared by all 4 cells"),
            QPointF(k.left() - 40, k.top() - 34),
        ),
        _text(scene, _tr("Conv layer: z = window · w,  o = s(z)"), QPointF(layout.CONV_X, 14)),
        _text(scene, _tr("Head"), QPointF(layout.HEAD_X + 26, 14)),
        _text(scene, _tr("Output"), QPointF(layout.YHAT.left() + 40, layout.YHAT.top() - 34)),
        _text(scene, _tr("Loss"), QPointF(layout.LOSS.left() + 52, layout.LOSS.top() - 34)),
    ]


def add_legend(scene: QGraphicsScene) -> list:
    """A legend in the bottom-right corner: path colours, widths and gradient style."""
    x, y = layout.YHAT.left() - 40, 600
    items = []
    for k, (color, label) in enumerate(
        ((palette.POSITIVE, _tr("path term > 0")), (palette.NEGATIVE, _tr("path term < 0")))
    ):
        dot = QGraphicsEllipseItem(QRectF(x, y + 6 + k * 28, 16, 16))
        dot.setBrush(QBrush(QColor(color)))
        dot.setPen(QPen(QColor(color)))
        scene.addItem(dot)
        items += [dot, _text(scene, label, QPointF(x + 24, y + 2 + k * 28), 16, bold=False)]
    items.append(
        _text(
            scene,
            _tr("width ∝ |term|;  dashed: the factor it is multiplied by"),
            QPointF(x, y + 62),
            16,
            bold=False,
        )
    )
    items.append(
        _text(
            scene,
            _tr("∂ …  purple italics: the gradient ∂MSE/∂(node)"),
            QPointF(x, y + 88),
            16,
            GRADIENT_INK,
            bold=False,
            italic=True,
        )
    )
    items.append(
        _text(
            scene,
            _tr("dashed green ring: the selected parameter"),
            QPointF(x, y + 114),
            16,
            palette.SELECTED,
            bold=False,
        )
    )
    return items
