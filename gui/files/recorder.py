"""Records what a QPainter paints into a :class:`~gui.files.picture.Picture`.

Why not ``QSvgGenerator`` or ``QPicture``: pyqtgraph paints curves in data coordinates under the
view's scale with *cosmetic* pens (a width in device pixels). ``QSvgGenerator`` writes that as
``vector-effect="non-scaling-stroke"`` under a huge transform, which librsvg ignores (strokes
hundreds of pixels wide), and its SVG 1.1 clip paths attach to the wrong elements. A cosmetic
pen also stays one device pixel wide in a 2x image, so a scaled PNG would thin every curve.

So the recorder maps each shape to device pixels and gives its pen that width as an ordinary
(scaling) width. Only a non-cosmetic pen under a stretching transform keeps its shape in
logical coordinates with that transform, since only there does the width depend on direction.
The painter's clip is kept in device pixels, one path per change of clip; text becomes glyph
outlines (see :class:`~gui.files.picture.Text`).

A Python exception escaping a paint-engine override aborts the whole process, so each override
keeps its exception, and :func:`record` raises it once painting has ended.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPaintDevice,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

from .picture import Image, Picture, Shape, Text, glyphs

Metric = QPaintDevice.PaintDeviceMetric
Dirty = QPaintEngine.DirtyFlag


def _guarded(method):
    """Run an override, keeping an exception on the engine instead of letting it reach Qt."""

    @functools.wraps(method)
    def guarded(self, *args):
        if self.error is None:
            try:
                method(self, *args)
            except Exception as exc:  # re-raised by record()
                self.error = exc

    return guarded


def _similarity(t: QTransform) -> bool:
    """Whether ``t`` scales every direction alike (so a stroke width maps to one width)."""
    return (
        abs(t.m11() - t.m22()) < 1e-9
        and abs(t.m12() + t.m21()) < 1e-9
        and t.type() != QTransform.TransformationType.TxProject
    )


class _Recorder(QPaintEngine):
    """Records QPainter calls into a :class:`Picture` (see the module docstring)."""

    def __init__(self, picture: Picture):
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.picture = picture
        self._pen = QPen()
        self._brush = QBrush()
        self._transform = QTransform()
        self._opacity = 1.0
        self._clip: QPainterPath | None = None
        self._clip_on = False
        self._clip_index: int | None = None
        self.error: Exception | None = None

    def begin(self, device) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self):
        return QPaintEngine.Type.User

    @_guarded
    def updateState(self, state) -> None:
        flags = state.state()
        if flags & Dirty.DirtyPen:
            self._pen = QPen(state.pen())
        if flags & Dirty.DirtyBrush:
            self._brush = QBrush(state.brush())
        if flags & Dirty.DirtyTransform:
            self._transform = state.transform()
        if flags & Dirty.DirtyOpacity:
            self._opacity = state.opacity()
        if flags & (Dirty.DirtyClipPath | Dirty.DirtyClipRegion):
            path = QPainterPath()
            if flags & Dirty.DirtyClipPath:
                path = state.clipPath()
            else:
                path.addRegion(state.clipRegion())
            self._set_clip(self._transform.map(path), state.clipOperation())
        if flags & Dirty.DirtyClipEnabled:
            self._clip_on = state.isClipEnabled() and self._clip is not None
            self._clip_index = None

    def _set_clip(self, path: QPainterPath, op) -> None:
        if op == Qt.ClipOperation.NoClip:
            self._clip = None
        elif op == Qt.ClipOperation.IntersectClip and self._clip is not None:
            self._clip = self._clip.intersected(path)
        else:
            self._clip = path
        self._clip_on = self._clip is not None
        self._clip_index = None

    def _add(self, make: Callable[[int | None], Shape | Text | Image]) -> None:
        clip = None
        if self._clip_on and self._clip is not None:
            if self._clip_index is None:
                self.picture.clips.append(QPainterPath(self._clip))
                self._clip_index = len(self.picture.clips) - 1
            clip = self._clip_index
        self.picture.ops.append(make(clip))

    def _stroking(self) -> bool:
        pen = self._pen
        return pen.style() != Qt.PenStyle.NoPen and pen.brush().style() != Qt.BrushStyle.NoBrush

    def _shape(self, path: QPainterPath, filled: bool) -> None:
        if path.isEmpty():
            return
        t, opacity = self._transform, self._opacity
        filled = filled and self._brush.style() != Qt.BrushStyle.NoBrush
        brush = QBrush(self._brush) if filled else None
        pen = QPen(self._pen) if self._stroking() else None
        if pen is None and brush is None:
            return
        cosmetic = pen is not None and (pen.isCosmetic() or pen.widthF() == 0)
        if pen is not None and not cosmetic and not _similarity(t):
            self._add(lambda c: Shape(QPainterPath(path), pen, brush, QTransform(t), opacity, c))
            return
        if pen is not None:
            scale = 1.0 if cosmetic else abs(t.determinant()) ** 0.5
            pen.setWidthF((pen.widthF() or 1.0) * scale)
            pen.setCosmetic(False)
        mapped = t.map(path)
        self._add(lambda c: Shape(mapped, pen, brush, None, opacity, c))

    @_guarded
    def drawPath(self, path) -> None:
        self._shape(path, filled=True)

    @_guarded
    def drawPolygon(self, points, mode) -> None:
        if not points:
            return
        path = QPainterPath(QPointF(points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(p))
        polyline = mode == QPaintEngine.PolygonDrawMode.PolylineMode
        if not polyline:
            path.closeSubpath()
        if mode == QPaintEngine.PolygonDrawMode.WindingMode:
            path.setFillRule(Qt.FillRule.WindingFill)
        self._shape(path, filled=not polyline)

    @_guarded
    def drawLines(self, lines) -> None:
        path = QPainterPath()
        for line in lines:
            path.moveTo(QPointF(line.p1()))
            path.lineTo(QPointF(line.p2()))
        self._shape(path, filled=False)

    @_guarded
    def drawRects(self, rects) -> None:
        path = QPainterPath()
        for r in rects:
            path.addRect(QRectF(r))
        self._shape(path, filled=True)

    @_guarded
    def drawEllipse(self, rect) -> None:
        path = QPainterPath()
        path.addEllipse(QRectF(rect))
        self._shape(path, filled=True)

    @_guarded
    def drawPoints(self, points) -> None:
        path = QPainterPath()
        for p in points:
            path.moveTo(QPointF(p))
            path.lineTo(QPointF(p))
        self._shape(path, filled=False)

    @_guarded
    def drawTextItem(self, p, item) -> None:
        text = item.text()
        if not text.strip() or not self._stroking():
            return
        font = QFont(item.font())
        px = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * self.picture.dpi / 72
        pos, t, opacity = QPointF(p), QTransform(self._transform), self._opacity
        shapes = glyphs(text, font, px, pos)
        colour = QColor(self._pen.color())
        self._add(lambda c: Text(shapes, text, pos, font, px, colour, t, opacity, c))

    @_guarded
    def drawPixmap(self, rect, pixmap, source) -> None:
        self.drawImage(rect, pixmap.toImage(), source)

    @_guarded
    def drawImage(self, rect, image, source, flags=None) -> None:
        part = image.copy(QRectF(source).toAlignedRect())
        if part.isNull():
            return
        r, t, opacity = QRectF(rect), QTransform(self._transform), self._opacity
        self._add(lambda c: Image(r, part, t, opacity, c))


class _Device(QPaintDevice):
    """The paint device a :class:`_Recorder` paints on; it reports the picture's size and DPI."""

    def __init__(self, picture: Picture):
        super().__init__()
        self._picture = picture
        self._engine = _Recorder(picture)

    def paintEngine(self) -> _Recorder:
        return self._engine

    def metric(self, m) -> int:
        pic = self._picture
        dpi = round(pic.dpi)
        values = {
            Metric.PdmWidth: pic.width,
            Metric.PdmHeight: pic.height,
            Metric.PdmWidthMM: round(pic.width * 25.4 / pic.dpi),
            Metric.PdmHeightMM: round(pic.height * 25.4 / pic.dpi),
            Metric.PdmNumColors: 0xFFFFFF,
            Metric.PdmDepth: 32,
            Metric.PdmDpiX: dpi,
            Metric.PdmDpiY: dpi,
            Metric.PdmPhysicalDpiX: dpi,
            Metric.PdmPhysicalDpiY: dpi,
            Metric.PdmDevicePixelRatio: 1,
            Metric.PdmDevicePixelRatioScaled: round(QPaintDevice.devicePixelRatioFScale()),
        }
        return values.get(m, 0)


def record(width: int, height: int, dpi: float, draw: Callable[[QPainter], None]) -> Picture:
    """Run ``draw(painter)`` on a ``width`` x ``height`` device at ``dpi`` and keep what it drew.

    ``dpi`` should be the screen's logical DPI, so that fonts sized in points take the sizes the
    on-screen layout was measured with.
    """
    picture = Picture(width, height, dpi)
    device = _Device(picture)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot record the picture")
    try:
        draw(painter)
    finally:
        painter.end()
    if device.paintEngine().error is not None:
        raise RuntimeError("the picture could not be recorded") from device.paintEngine().error
    return picture
