"""One typeset formula: an SVG drawn crisp at any size, optionally a clickable path term."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap, QStaticText
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QWidget

from .mathsvg import FONT_SIZE as FONT_PX
from .plain_math import plain

MARGIN = 6  # pixels around the formula, room for the highlight's border
DIM_OPACITY = 0.3


class FormulaView(QWidget):
    """Draws one formula's SVG scaled by ``zoom``, shrunk to the width it is given, but never
    below ``floor`` (the scale at which its glyphs are as tall as the panel's body text): a
    formula wider than that scrolls sideways under its own scroll bar, as a wide display
    equation does on a web page, while the prose around it keeps wrapping at the panel's width.

    A row that belongs to a backprop path (``path`` is not None) is clickable and can be
    highlighted (tinted in its ``accent`` colour) or dimmed.
    """

    clicked = Signal(int)

    def __init__(self, path: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.latex = ""  # the LaTeX of the SVG on show
        self._renderer: QSvgRenderer | None = None
        self._natural = QSize(0, 0)
        self._zoom = 1.0
        self._floor = 0.0
        self._pixmap: QPixmap | None = None
        self.bar = QScrollBar(Qt.Orientation.Horizontal, self)  # only when the formula overflows
        self.bar.hide()
        self.bar.valueChanged.connect(self.update)
        self._state = "normal"
        self._stale = False  # an older formula on show while the current one is typeset
        self._plain: QStaticText | None = None  # the formula as text, when none can be typeset
        self._accent = QColor("#7F7F7F")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        self.setFixedHeight(2 * MARGIN)
        if path is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_svg(self, latex: str, svg: bytes) -> None:
        self.set_stale(False)
        if latex == self.latex and self._plain is None:
            return
        renderer = QSvgRenderer(QByteArray(svg))
        self.latex, self._renderer, self._plain = latex, renderer, None
        self._natural = renderer.defaultSize()
        self._pixmap = None
        self._fit()
        self.update()

    def set_plain(self, latex: str) -> None:
        """Show ``latex`` as plain text (no typesetting is available); current, not stale."""
        self.set_stale(False)
        if latex == self.latex and self._plain is not None:
            return
        text = QStaticText(plain(latex))
        text.prepare(font=self._plain_font())
        self.latex, self._renderer, self._plain = latex, None, text
        size = text.size()  # at zoom 1, as an SVG's natural size is
        self._natural = QSize(int(size.width()) + 1, int(size.height()) + 1)
        self.setAccessibleName(plain(latex))
        self._pixmap = None
        self._fit()
        self.update()

    def set_stale(self, stale: bool) -> None:
        """Mark the formula on show as out of date (its numbers are not the current ones)."""
        if stale != self._stale:
            self._stale = stale
            self.setToolTip(
                QCoreApplication.translate(
                    "FormulaView", "Out of date: the current numbers are being typeset"
                )
                if stale
                else ""
            )
            self.update()

    @property
    def stale(self) -> bool:
        return self._stale

    def _plain_font(self):
        font = self.font()
        font.setPixelSize(FONT_PX)
        return font

    def set_zoom(self, zoom: float, floor: float = 0.0) -> None:
        """Draw at ``zoom`` where the width allows, never smaller than ``floor``."""
        floor = min(floor, zoom)
        if (zoom, floor) != (self._zoom, self._floor):
            self._zoom, self._floor = zoom, floor
            self._pixmap = None
            self._fit()
            self.update()

    def set_state(self, state: str, accent: str | None = None) -> None:
        """``"normal"``, ``"highlight"`` (tinted, bordered) or ``"dim"``."""
        if accent is not None:
            self._accent = QColor(accent)
        if state != self._state:
            self._state = state
            self._end_in_view()
            self.update()

    @property
    def state(self) -> str:
        return self._state

    # -- geometry ----------------------------------------------------------------------
    def _scale(self, width: int) -> float:
        natural = self._natural.width()
        if natural <= 0:
            return self._zoom
        return max(self._floor, min(self._zoom, max(width - 2 * MARGIN, 1) / natural))

    def overflow(self, width: int) -> int:
        """How many pixels of the formula do not fit in ``width`` (0: it fits)."""
        drawn = int(self._natural.width() * self._scale(width)) + 2 * MARGIN + 1
        return max(0, drawn - width)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        bar = self.bar.sizeHint().height() if self.overflow(width) else 0
        return int(self._natural.height() * self._scale(width)) + 2 * MARGIN + 1 + bar

    def sizeHint(self) -> QSize:  # noqa: N802
        w = int(self._natural.width() * self._zoom) + 2 * MARGIN
        return QSize(w, self.heightForWidth(w))

    def _fit(self) -> None:
        """Take the height the formula needs at the current width (it shrinks to fit)."""
        height = self.heightForWidth(self.width())
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)
        over = self.overflow(self.width())
        moved = over != self.bar.maximum()
        self.bar.setRange(0, over)
        self.bar.setPageStep(max(1, self.width()))
        self.bar.setSingleStep(24)
        bar_h = self.bar.sizeHint().height()
        self.bar.setGeometry(0, height - bar_h, self.width(), bar_h)
        self.bar.setVisible(over > 0)
        if moved:  # a scroll by hand stays until the formula's width changes
            self._end_in_view()

    def _end_in_view(self) -> None:
        """A highlighted formula too wide for its row shows its end: the numbers and the
        result a walkthrough step or a spotlit path is about."""
        if self._state == "highlight":
            self.bar.setValue(self.bar.maximum())

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._pixmap = None
        super().resizeEvent(event)
        self._fit()

    # -- drawing and input --------------------------------------------------------------
    def _render(self) -> QPixmap:
        scale = self._scale(self.width())
        ratio = self.devicePixelRatioF()
        w = max(1, round(self._natural.width() * scale * ratio))
        h = max(1, round(self._natural.height() * scale * ratio))
        pixmap = QPixmap(w, h)
        pixmap.fill(Qt.GlobalColor.transparent)
        if self._plain is not None:
            painter = QPainter(pixmap)
            painter.scale(ratio * scale, ratio * scale)
            painter.setFont(self._plain_font())
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawStaticText(0, 0, self._plain)
            painter.end()
        elif self._renderer is not None:
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(painter, QRectF(0, 0, w, h))
            painter.end()
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        if self._state == "highlight":
            tint = QColor(self._accent)
            tint.setAlpha(36)
            painter.fillRect(self.rect(), tint)
            painter.fillRect(0, 0, 4, self.height(), self._accent)
        if self._pixmap is None:
            self._pixmap = self._render()
        if self._state == "dim" or self._stale:
            painter.setOpacity(DIM_OPACITY)
        painter.drawPixmap(MARGIN - self.bar.value(), MARGIN, self._pixmap)
        if self._stale:  # never old numbers shown as current
            painter.setOpacity(1.0)
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(
                self.rect().adjusted(0, 0, -MARGIN, 0),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                QCoreApplication.translate("FormulaView", "updating…"),
            )

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.path is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.path)
            event.accept()
            return
        super().mousePressEvent(event)
