"""The view of the diagram: fit to the window by default, zoom on request, inline editing."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

from core.model import EDITABLE

from .editor import InlineEditor
from .scene import DiagramScene

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0


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
        self.editor = InlineEditor(self, scene)
        scene.edit_requested.connect(self.editor.open)
        scene.refused.connect(self.editor.show_refusal)

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
        scale = min(view.width() / rect.width(), view.height() / rect.height()) * self._zoom
        self.resetTransform()
        self.scale(scale, scale)
        if self._fitted:
            self.centerOn(rect.center())
        self.editor.reposition()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._apply()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab walk the editable values in the homework's order."""
        order = [self._diagram.nodes[name] for name in EDITABLE]
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
