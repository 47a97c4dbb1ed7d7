"""Pictures of the five views (the diagram, the three descent plots and the loss landscape)
as PNG or SVG files.

The view's scene is painted once into a recorder (:mod:`gui.files.recorder`); the recorded
:class:`~gui.files.picture.Picture` is then painted into a ``QImage`` for PNG or written out for
SVG (:mod:`gui.files.picture_svg`), so the two files show one picture by construction, at any
size. pyqtgraph items are switched to their export mode while they paint (pyqtgraph's own
exporters do the same): curves and symbols are drawn antialiased, symbols as shapes rather
than cached pixmaps.

:func:`export_view` needs no menu, so the File menu and a command line can share it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

if TYPE_CHECKING:
    from .picture import Picture

VIEWS = ("diagram", "loss-curve", "loss-step", "value-step")
#: Every view that can be exported: the four above and the loss landscape.
ALL_VIEWS = (*VIEWS, "landscape")
#: A PNG without a requested size has twice the on-screen pixels: crisp on a projector.
PNG_SCALE = 2.0


class _Source:
    """What a view paints: a scene, the part of it shown, the ground under it, the screen DPI."""

    def __init__(self, scene: QGraphicsScene, rect: QRectF, ground: QBrush, dpi: float):
        self.scene, self.rect, self.ground, self.dpi = scene, rect, ground, dpi

    def paint(self, painter: QPainter) -> None:
        """Paint the view into ``painter``'s device, which has the size of ``rect``."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = QRectF(0, 0, self.rect.width(), self.rect.height())
        painter.fillRect(target, self.ground)
        items = [i for i in self.scene.items() if hasattr(i, "setExportMode")]
        opts = {"antialias": True, "background": self.ground.color(), "painter": painter}
        for item in items:
            item.setExportMode(True, opts)
        try:
            self.scene.render(painter, target, self.rect, Qt.AspectRatioMode.IgnoreAspectRatio)
        finally:
            for item in items:
                item.setExportMode(False)


@dataclass(frozen=True)
class ExportViews:
    """What can be exported: the diagram's scene and the plots, by view name.

    Each plot is asked for when it is exported: the landscape's view is built on first use.
    """

    diagram: QGraphicsScene
    #: "loss-curve", "loss-step", "value-step", "landscape"
    plots: Mapping[str, Callable[[], QGraphicsView]]


def bring_forward(widget: QWidget) -> None:
    """Raise the tab that holds ``widget`` (the landscape behind the plots' tab) and lay it
    out, so it is drawn as on screen."""
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentWidget(child)
        child = parent
    QApplication.processEvents()
    widget.grab()  # a first paint lays out the plot's axes and title
    QApplication.processEvents()


def _source(views: ExportViews, view: str) -> _Source:
    if view == "diagram":
        scene = views.diagram
        shown = scene.views()
        dpi = shown[0].logicalDpiX() if shown else 96
        ground = scene.backgroundBrush()
        if ground.style() == Qt.BrushStyle.NoBrush:
            ground = QBrush(QColor("white"))
        return _Source(scene, scene.sceneRect(), ground, dpi)
    if view not in views.plots:
        raise ValueError(f"unknown view {view!r}; expected one of {', '.join(ALL_VIEWS)}")
    widget = views.plots[view]()
    if not widget.isVisible():
        bring_forward(widget)
    rect = widget.mapToScene(widget.viewport().rect()).boundingRect()
    return _Source(widget.scene(), rect, widget.backgroundBrush(), widget.logicalDpiX() or 96)


def _fit(natural: QSize, size) -> float:
    """The scale that makes ``natural`` fit inside ``size`` (width, height), aspect kept."""
    w, h = size
    if w <= 0 or h <= 0:
        raise ValueError(f"size must be positive, got {w}x{h}")
    return min(w / natural.width(), h / natural.height())


def view_size(views: ExportViews, view: str) -> QSize:
    """The size of ``view`` on screen, in pixels: an SVG's size when none is asked for."""
    return _source(views, view).rect.size().toSize()


def picture_of(views: ExportViews, view: str) -> Picture:
    """Record ``view`` (one of :data:`ALL_VIEWS`) as it is drawn on screen now."""
    source = _source(views, view)
    natural = source.rect.size().toSize()
    if natural.isEmpty():
        raise OSError(f"the {view} view has no area to draw")
    from .recorder import record  # loaded on the first export, not at start-up

    return record(natural.width(), natural.height(), source.dpi, source.paint)


def export_view(
    views: ExportViews, view: str, path, size: tuple[int, int] | None = None, title: str = ""
) -> None:
    """Write ``view`` of ``views`` to ``path``; the suffix (.png or .svg) picks the format.

    ``view`` is one of :data:`ALL_VIEWS`. ``size`` (width, height) in pixels scales the picture
    uniformly to fit inside it; without it an SVG has the on-screen size and a PNG
    :data:`PNG_SCALE` times that. ``title`` becomes the SVG's ``<title>``. Raises ``OSError``
    when the file cannot be written and ``ValueError`` for an unknown view or suffix.

    The view is drawn as it is laid out on screen, so the window must have been shown (on the
    offscreen platform if there is no display): plots in a window never shown have not yet
    laid out their axes and titles.
    """
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in (".png", ".svg"):
        raise ValueError(f"cannot tell the format of {path.name}: use .png or .svg")
    picture = picture_of(views, view)
    natural = QSize(picture.width, picture.height)
    scale = _fit(natural, size) if size else (PNG_SCALE if kind == ".png" else 1.0)
    width, height = round(natural.width() * scale), round(natural.height() * scale)
    if kind == ".png":
        _write_png(picture, width, height, path)
    else:
        from .picture_svg import svg_document

        text = svg_document(picture, (width, height), title)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise OSError(f"cannot write {path.name}: {exc.strerror or exc}") from exc


def _write_png(picture: Picture, width: int, height: int, path: Path) -> None:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter()
    if not painter.begin(image):
        raise OSError(f"cannot paint {path.name}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(width / picture.width, height / picture.height)
        picture.paint(painter)
    finally:
        painter.end()
    # PySide6's stub types the format as bytes, but the binding takes only str (6.11 raises
    # ValueError for b"PNG").
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"cannot write {path.name}")
