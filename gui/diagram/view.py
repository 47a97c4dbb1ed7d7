"""The view of the diagram: fit to the window by default, zoom on request, inline editing.

Zooming in grows the diagram around what the lesson is about: the selected parameter and the
paths lit for it (:func:`focus_rect`). In presenter mode (``set_keep_focus``) the zoom stops
where that focus would no longer fit, so a room never loses the node being explained.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QGraphicsView

from core.model import editable

from .editor import InlineEditor
from .lighting import BASE, plan
from .scene import DiagramScene

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0
FOCUS_MARGIN = 12.0  # scene units kept around the focus: a node's selection ring, a badge
CAPTION_PAD = 4.0  # scene units kept around a caption the view takes in at its edge


def focus_rect(scene: DiagramScene) -> QRectF:
    """The part of the diagram the lesson is about: the selected parameter, the nodes lit for
    it (dimmed and plain ones are not), the visible lit edges, badges, labels and the window,
    and the headers of the columns these reach (never cut in half at the view's edge)."""
    light = plan(scene.snapshot)
    rect = QRectF()
    for name, emphasis in light.nodes.items():
        if emphasis != BASE and not emphasis.dimmed:
            rect = rect.united(scene.nodes[name].sceneBoundingRect())
    shown: list[QGraphicsItem] = [scene.edges[key] for key in light.edges]
    shown += [*scene.badges.values(), *scene.labels.values(), scene.window_item]
    for item in shown:
        if item.isVisible():
            rect = rect.united(item.sceneBoundingRect())
    for header in scene.headers:  # a column's header over (or under) the nodes in focus
        box = header.sceneBoundingRect()
        if box.left() < rect.right() and box.right() > rect.left():
            rect = rect.united(box)
    m = FOCUS_MARGIN
    return rect.adjusted(-m, -m, m, m).intersected(scene.sceneRect())


def _within(shown: QRectF, centre: QPointF, scene: QRectF) -> QRectF:
    """``shown`` centred on ``centre`` as ``centerOn`` places it: moved back inside ``scene``
    along each side it fits in, centred on the scene along each it does not."""
    shown.moveCenter(centre)
    dx = max(0.0, scene.left() - shown.left()) - max(0.0, shown.right() - scene.right())
    dy = max(0.0, scene.top() - shown.top()) - max(0.0, shown.bottom() - scene.bottom())
    if shown.width() > scene.width():
        dx = scene.center().x() - shown.center().x()
    if shown.height() > scene.height():
        dy = scene.center().y() - shown.center().y()
    return shown.translated(dx, dy)


class DiagramView(QGraphicsView):
    """Shows a :class:`DiagramScene`; keeps it fitted until the person zooms."""

    def __init__(self, scene: DiagramScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._diagram = scene
        self._fitted = True
        self._zoom = 1.0  # relative to the fitted scale
        self._keep_focus = False
        self._focus_key: tuple = ()
        self.editor = InlineEditor(self, scene)
        scene.edit_requested.connect(self.editor.open)
        scene.refused.connect(self.editor.show_refusal)
        scene.session.state_changed.connect(self._follow)
        scene.sceneRectChanged.connect(lambda _rect: self._apply())  # a bias row came or went

    def set_keep_focus(self, on: bool) -> None:
        """Presenter mode: zoom in no further than keeps the focus whole, without scroll bars."""
        self._keep_focus = on
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
        self._apply()

    def _follow(self, snap) -> None:
        """A new selection, spotlit path or walkthrough step moves a zoomed view onto it."""
        key = (snap.selected, snap.path, snap.walk_step)
        if key != self._focus_key:
            self._focus_key = key
            if not self._fitted:
                self._apply()

    def zoom(self) -> float:
        return self._zoom

    def fit(self) -> None:
        """Fit the whole diagram in the window (the default)."""
        self._fitted, self._zoom = True, 1.0
        self._apply()

    def set_zoom(self, zoom: float) -> None:
        """Show the diagram at ``zoom`` times the fitted scale (1: fitted)."""
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, float(zoom)))
        self._fitted = self._zoom == 1.0
        self._apply()

    def zoom_by(self, factor: float) -> None:
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, self._zoom * factor))
        self._fitted = self._zoom == 1.0
        self._apply()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def _apply(self) -> None:
        rect: QRectF = self.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        fit = min(view.width() / rect.width(), view.height() / rect.height())
        scale, centre = fit * self._zoom, rect.center()
        if self._zoom > 1:
            focus = focus_rect(self._diagram)
            if not focus.isEmpty():
                centre = focus.center()
                if self._keep_focus:
                    whole = min(view.width() / focus.width(), view.height() / focus.height())
                    scale = min(scale, max(fit, whole))
                    centre, scale = self._captions_whole(focus, centre, scale)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(centre)
        self.editor.reposition()

    def _captions_whole(self, focus: QRectF, centre, scale: float) -> tuple:
        """``centre`` and ``scale`` changed, keeping ``focus`` on show, so that no caption (a
        column header, a line of the colour legend) at the view's edge is cut in half: the
        view moves to take it in, or if that would lose the focus, zooms out as far as takes
        both in."""
        port, scene = self.viewport().rect(), self.sceneRect()
        pad = CAPTION_PAD  # the view scrolls by whole pixels: a caption at the edge keeps them
        captions = [
            c.sceneBoundingRect().adjusted(-pad, -pad, pad, pad)
            for c in self._diagram.headers + self._diagram.legend
            if isinstance(c, QGraphicsSimpleTextItem)
        ]
        for _ in range(3):  # a caption taken in may bring another to the edge
            shown = _within(
                QRectF(0, 0, port.width() / scale, port.height() / scale), centre, scene
            )
            cut = [box for box in captions if shown.intersects(box) and not shown.contains(box)]
            if not cut:
                break
            target = QRectF(focus)
            for box in cut:
                dx = min(0.0, box.left() - shown.left()) + max(0.0, box.right() - shown.right())
                dy = min(0.0, box.top() - shown.top()) + max(0.0, box.bottom() - shown.bottom())
                if shown.translated(dx, dy).contains(focus):
                    shown.translate(dx, dy)
                target = target.united(box)
            if all(shown.contains(box) for box in cut):
                centre = shown.center()
            else:
                scale = min(scale, port.width() / target.width(), port.height() / target.height())
                centre = target.center()
        return centre, scale

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._apply()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab walk the editable values in the homework's order."""
        names = editable(self._diagram.session.snapshot.params)
        order = [self._diagram.nodes[name] for name in names]
        current = self._diagram.focusItem()
        k = order.index(current) + (1 if next else -1) if current in order else (0 if next else -1)
        if not 0 <= k < len(order) and current in order:
            return super().focusNextPrevChild(next)  # past the last value: leave the diagram
        order[k % len(order)].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)
