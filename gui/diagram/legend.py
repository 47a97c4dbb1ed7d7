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


def _two_lines(text: str) -> str:
    """``text`` broken after its first comma (a header in the room under the kernel)."""
    for comma in (", ", "，", ","):
        head, found, tail = text.partition(comma)
        if found and tail:
            return f"{head}{found.strip()}\n{tail.strip()}"
    return text


def header_texts() -> list[str]:
    """The column headers, in the current language (in the order :func:`add_headers` places)."""
    return [
        QCoreApplication.translate("Diagram", "Input a (3×3)"),
        _two_lines(QCoreApplication.translate("Diagram", "Filter w (2×2), shared by all 4 cells")),
        QCoreApplication.translate("Diagram", "Conv layer: z = window · w,  o = s(z)"),
        QCoreApplication.translate("Diagram", "Head"),
        QCoreApplication.translate("Diagram", "Output"),
        QCoreApplication.translate("Diagram", "Loss"),
    ]


def legend_texts() -> list[str]:
    """The legend's texts, in the current language (in the order :func:`add_legend` places)."""
    return [
        QCoreApplication.translate("Diagram", "path term > 0"),
        QCoreApplication.translate("Diagram", "path term < 0"),
        QCoreApplication.translate("Diagram", "width ∝ |term|"),
        QCoreApplication.translate("Diagram", "dashed: the other factor"),
        QCoreApplication.translate("Diagram", "∂ …: gradient ∂MSE/∂(node)"),
        QCoreApplication.translate("Diagram", "green ring: selected"),
    ]


def retranslate(items: list) -> None:
    """Set the texts of the headers and the legend (``add_headers() + add_legend()``) again."""
    texts = [i for i in items if isinstance(i, QGraphicsSimpleTextItem)]
    for item, text in zip(texts, header_texts() + legend_texts(), strict=True):
        item.setText(text)


def add_headers(scene: QGraphicsScene) -> list[QGraphicsSimpleTextItem]:
    k = layout.kernel_rect("w11")
    under = layout.kernel_rect("w21").bottom() + 6  # above, the kernel's links would cross it
    places = [
        QPointF(layout.INPUT_ORIGIN.x(), 44),
        QPointF(k.left() - 40, under),
        QPointF(layout.CONV_X, 12),
        QPointF(layout.HEAD_X + 26, 12),
        QPointF(layout.YHAT.left() + 40, layout.YHAT.top() - 34),
        QPointF(layout.LOSS.left() + 52, layout.LOSS.top() - 34),
    ]
    return [_text(scene, text, pos) for text, pos in zip(header_texts(), places, strict=True)]


def add_legend(scene: QGraphicsScene) -> list:
    """A legend under the loss: path colours, widths, dashes and the gradient style."""
    x, y = layout.LEGEND.x(), layout.LEGEND.y()
    texts = legend_texts()
    items = []
    for k, color in enumerate((palette.POSITIVE, palette.NEGATIVE)):
        dot = QGraphicsEllipseItem(QRectF(x, y + 5 + k * 26, 15, 15))
        dot.setBrush(QBrush(QColor(color)))
        dot.setPen(QPen(QColor(color)))
        scene.addItem(dot)
        items += [dot, _text(scene, texts[k], QPointF(x + 22, y + k * 26), 15, bold=False)]
    rows = (
        (palette.INK, False),
        (palette.INK, False),
        (GRADIENT_INK, True),
        (palette.SELECTED, False),
    )
    for k, (color, italic) in enumerate(rows):
        pos = QPointF(x, y + 54 + k * 24)
        items.append(_text(scene, texts[2 + k], pos, 15, color, bold=False, italic=italic))
    return items
