"""A recorded drawing: shapes in device pixels, text as glyph outlines, images.

A view is recorded once (:func:`gui.files.recorder.record`), then painted into an image at any
scale (:meth:`Picture.paint`) or written as SVG (:mod:`gui.files.picture_svg`): the PNG and the
SVG of a view are two encodings of one picture.

Pens here are ordinary (scaling) pens: the recorder has already turned every cosmetic width
into a width in device pixels, so a 2x image shows the lines as the screen does, twice as wide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTransform,
)


def _device(rect: QRectF, transform: QTransform | None) -> QRectF:
    return transform.mapRect(rect) if transform is not None else rect


@dataclass(frozen=True, slots=True)
class Shape:
    """A path, stroked with ``pen`` and filled with ``brush`` (either may be None)."""

    path: QPainterPath
    pen: QPen | None
    brush: QBrush | None
    transform: QTransform | None  # None: ``path`` is in device pixels
    opacity: float
    clip: int | None

    def draw(self, painter: QPainter) -> None:
        painter.setPen(self.pen if self.pen is not None else Qt.PenStyle.NoPen)
        painter.setBrush(self.brush if self.brush is not None else Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)

    def bounds(self) -> QRectF:
        """A rectangle in device pixels that holds everything drawn (joins and caps too)."""
        rect = self.path.controlPointRect()
        if self.pen is not None:
            pad = self.pen.widthF() * max(self.pen.miterLimit(), 1.5)
            rect = rect.adjusted(-pad, -pad, pad, pad)
        return _device(rect, self.transform)


@dataclass(frozen=True, slots=True)
class Glyph:
    """One glyph's outline with its origin at (0, 0), and where that origin goes."""

    outline: QPainterPath
    at: QPointF


@dataclass(frozen=True, slots=True)
class Text:
    """One run of text, drawn as glyph outlines; ``transform`` maps it to device pixels.

    Outlines look the same in every renderer, at every scale, with or without the font; a
    renderer's own text layout would not (``QSvgRenderer`` truncates an 11 pt font's 14.67 px
    to 14, librsvg lays text out with Pango). The string with its font, pixel size ``px``
    and baseline start ``pos`` is kept so that a file can carry the text as text as well.
    """

    glyphs: tuple[Glyph, ...]
    text: str
    pos: QPointF
    font: QFont
    px: float
    colour: QColor
    transform: QTransform | None
    opacity: float
    clip: int | None

    def draw(self, painter: QPainter) -> None:
        painter.fillPath(self._outline(), self.colour)

    def bounds(self) -> QRectF:
        """A rectangle in device pixels that holds every glyph."""
        return _device(self._outline().controlPointRect(), self.transform)

    def _outline(self) -> QPainterPath:
        path = QPainterPath()
        for g in self.glyphs:
            path.addPath(g.outline.translated(g.at))
        return path


@dataclass(frozen=True, slots=True)
class Image:
    """A raster image drawn into ``rect``."""

    rect: QRectF
    image: QImage
    transform: QTransform | None
    opacity: float
    clip: int | None

    def draw(self, painter: QPainter) -> None:
        painter.drawImage(self.rect, self.image)

    def bounds(self) -> QRectF:
        return _device(self.rect, self.transform)


@dataclass
class Picture:
    """What was painted on a ``width`` x ``height`` device with ``dpi`` logical dots per inch."""

    width: int
    height: int
    dpi: float
    ops: list[Shape | Text | Image] = field(default_factory=list)  # in painting order
    clips: list[QPainterPath] = field(default_factory=list)  # device pixels; ops hold an index

    def paint(self, painter: QPainter) -> None:
        """Paint the picture into ``painter`` as if its device were this picture's."""
        base = painter.worldTransform()
        for op in self.ops:
            painter.save()
            if op.clip is not None:
                painter.setWorldTransform(base)
                painter.setClipPath(self.clips[op.clip])
            painter.setOpacity(op.opacity)
            painter.setWorldTransform(op.transform * base if op.transform else base)
            op.draw(painter)
            painter.restore()


def glyphs(text: str, font: QFont, px: float, pos: QPointF) -> tuple[Glyph, ...]:
    """The glyphs of ``text`` in ``font`` at ``px`` pixels, the baseline starting at ``pos``.

    Glyphs sit where Qt's text layout puts them, as ``QPainter.drawText`` places them, and
    each is drawn at the exact pixel size (the layout's font is rounded to whole pixels).
    Fallback fonts (Chinese in a Latin font, say) come as further runs of the layout.
    """
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    out = []
    for run in line.glyphRuns():
        raw = run.rawFont()
        raw.setPixelSize(px)
        for index, at in zip(run.glyphIndexes(), run.positions()):
            outline = raw.pathForGlyph(index)
            if not outline.isEmpty():
                offset = QPointF(pos.x() + at.x(), pos.y() + at.y() - line.ascent())
                out.append(Glyph(outline, offset))
    return tuple(out)
