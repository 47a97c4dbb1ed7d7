"""A recorded :class:`~gui.files.picture.Picture` written as an SVG 1.1 document.

The document uses only what Qt's ``QSvgRenderer`` and librsvg both draw alike: paths with solid
fills and strokes, ``<use>``, embedded PNG ``<image>``, and ``<mask>``. A clip is written as a
mask because ``QSvgRenderer`` ignores ``clipPath``, and only around what reaches beyond the
clip: most of a plot lies inside its view and needs none. Coordinates are the device pixels of
the view on screen, the ``viewBox``; the file's width and height set the size it is shown at.

Text is drawn from glyph outlines, each distinct glyph defined once and placed with ``<use>``,
and repeated as invisible ``<text>`` so that the words can still be searched and copied.
"""

from __future__ import annotations

import base64
from types import ModuleType

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QPainterPath, QPen, QTransform

from .picture import Image, Picture, Shape, Text

_CAPS = {Qt.PenCapStyle.FlatCap: "butt", Qt.PenCapStyle.RoundCap: "round"}
_JOINS = {Qt.PenJoinStyle.BevelJoin: "bevel", Qt.PenJoinStyle.RoundJoin: "round"}


def _sax() -> ModuleType:
    """``xml.sax.saxutils``, imported when an SVG is first written, not with the window: it
    imports urllib.request, and with it http, email and ssl (about 7 MB resident)."""
    from xml.sax import saxutils

    return saxutils


def _num(v: float) -> str:
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _matrix(t: QTransform) -> str:
    values = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())
    return "matrix(" + ",".join(f"{v:.7g}" for v in values) + ")"


def path_data(path: QPainterPath) -> str:
    """SVG path data; a subpath that ends where it began is closed (``Z``), as Qt strokes it."""
    out: list[str] = []
    start = None
    i, count = 0, path.elementCount()
    while i < count:
        e = path.elementAt(i)
        if e.isMoveTo():
            start = (e.x, e.y)
            out.append(f"M{_num(e.x)} {_num(e.y)}")
            i += 1
        elif e.isLineTo():
            closes = (e.x, e.y) == start and (i + 1 == count or path.elementAt(i + 1).isMoveTo())
            out.append("Z" if closes else f"L{_num(e.x)} {_num(e.y)}")
            i += 1
        else:  # a cubic: this element and the next two hold its three points
            pts = [path.elementAt(i + k) for k in range(3)]
            out.append("C" + " ".join(f"{_num(p.x)} {_num(p.y)}" for p in pts))
            i += 3
    return "".join(out)


def _paint(kind: str, colour: QColor, opacity: float) -> str:
    """``fill`` or ``stroke`` (``kind``) in ``colour``, its alpha times ``opacity``."""
    return f'{kind}="{colour.name()}" {kind}-opacity="{_num(colour.alphaF() * opacity)}"'


def _fill(shape: Shape) -> str:
    if shape.brush is None:
        return 'fill="none"'
    rule = "evenodd" if shape.path.fillRule() == Qt.FillRule.OddEvenFill else "nonzero"
    return f'{_paint("fill", shape.brush.color(), shape.opacity)} fill-rule="{rule}"'


def _stroke(pen: QPen | None, opacity: float) -> str:
    if pen is None:
        return 'stroke="none"'
    width = pen.widthF()
    cap = _CAPS.get(pen.capStyle(), "square")
    join = _JOINS.get(pen.joinStyle(), "miter")
    attrs = (
        f'{_paint("stroke", pen.color(), opacity)} stroke-width="{_num(width)}" '
        f'stroke-linecap="{cap}" stroke-linejoin="{join}"'
    )
    if join == "miter":
        attrs += f' stroke-miterlimit="{_num(max(pen.miterLimit(), 1.0))}"'
    if pen.style() != Qt.PenStyle.SolidLine:
        unit = max(width, 1.0)  # Qt measures dashes in pen widths, a zero width counting as one
        attrs += ' stroke-dasharray="' + ",".join(_num(v * unit) for v in pen.dashPattern()) + '"'
        if pen.dashOffset():
            attrs += f' stroke-dashoffset="{_num(pen.dashOffset() * unit)}"'
    return attrs


def _transform(t: QTransform | None) -> str:
    return f' transform="{_matrix(t)}"' if t is not None and not t.isIdentity() else ""


def _shape(s: Shape) -> str:
    d = path_data(s.path)
    if not d:
        return ""
    return f'<path d="{d}" {_fill(s)} {_stroke(s.pen, s.opacity)}{_transform(s.transform)}/>'


def _png(image: QImage) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stub types the format as bytes, but the binding takes only str (6.11 raises
    # ValueError for b"PNG").
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return "data:image/png;base64," + base64.b64encode(data.data()).decode("ascii")


def _image(i: Image) -> str:
    r = i.rect
    return (
        f'<image x="{_num(r.x())}" y="{_num(r.y())}" width="{_num(r.width())}" '
        f'height="{_num(r.height())}" preserveAspectRatio="none" opacity="{_num(i.opacity)}"'
        f'{_transform(i.transform)} xlink:href="{_png(i.image)}"/>'
    )


class _Writer:
    """Writes ops in order, declaring each clip mask and each distinct glyph where first used."""

    def __init__(self, picture: Picture):
        self.picture = picture
        self.out: list[str] = []
        self.group: int | None = None
        self.masks: set[int] = set()
        self.glyphs: dict[str, str] = {}

    def op(self, op: Shape | Text | Image) -> None:
        if isinstance(op, Text):
            element = self.text(op)
        elif isinstance(op, Shape):
            element = _shape(op)
        else:
            element = _image(op)
        if not element:
            return
        clip = op.clip
        if clip is not None and self.picture.clips[clip].contains(op.bounds()):
            clip = None
        if clip != self.group:
            if self.group is not None:
                self.out.append("</g>")
            if clip is not None:
                self.mask(clip)
                self.out.append(f'<g mask="url(#m{clip})">')
            self.group = clip
        self.out.append(element)

    def mask(self, clip: int) -> None:
        if clip not in self.masks:
            self.masks.add(clip)
            d = path_data(self.picture.clips[clip])
            w, h = self.picture.width, self.picture.height
            self.out.append(
                f'<defs><mask id="m{clip}" maskUnits="userSpaceOnUse" x="0" y="0" '
                f'width="{w}" height="{h}"><path d="{d}" fill="#ffffff"/></mask></defs>'
            )

    def glyph(self, outline: QPainterPath) -> str:
        d = path_data(outline)
        if d not in self.glyphs:
            self.glyphs[d] = f"g{len(self.glyphs)}"
            self.out.append(f'<defs><path id="{self.glyphs[d]}" d="{d}"/></defs>')
        return self.glyphs[d]

    def text(self, t: Text) -> str:
        """Each glyph as a ``<use>`` of its outline, then the string as invisible text.

        The invisible ``<text>`` draws nothing; it lets a reader search and copy the words.
        """
        uses = [
            f'<use xlink:href="#{self.glyph(g.outline)}" x="{_num(g.at.x())}" '
            f'y="{_num(g.at.y())}"/>'
            for g in t.glyphs
        ]
        font = t.font
        style = "italic" if font.italic() else "normal"
        words = (
            f'<text x="{_num(t.pos.x())}" y="{_num(t.pos.y())}" '
            f'font-family={_sax().quoteattr(QFontInfo(font).family())} font-size="{_num(t.px)}" '
            f'font-weight="{int(font.weight())}" font-style="{style}" fill="none" stroke="none" '
            f'xml:space="preserve">{_sax().escape(t.text)}</text>'
        )
        fill = _paint("fill", t.colour, t.opacity)
        return f"<g {fill}{_transform(t.transform)}>" + "".join(uses) + words + "</g>"


def svg_document(picture: Picture, size: tuple[float, float] | None = None, title: str = "") -> str:
    """The SVG text of ``picture``, its pixels as the ``viewBox``, shown at ``size`` pixels."""
    w, h = picture.width, picture.height
    sw, sh = size or (w, h)
    writer = _Writer(picture)
    writer.out += [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'version="1.1" width="{_num(sw)}" height="{_num(sh)}" viewBox="0 0 {w} {h}">',
    ]
    if title:
        writer.out.append(f"<title>{_sax().escape(title)}</title>")
    for op in picture.ops:
        writer.op(op)
    if writer.group is not None:
        writer.out.append("</g>")
    writer.out.append("</svg>")
    return "\n".join(writer.out) + "\n"
