"""The descent dock: a banner that says why play stopped, the three plots and the landscape.

The landscape tab sits behind the plots' tab at start: its panel is built when it is first
shown (or first asked for: an export, a test), so the window's first paint does not wait for
it, and it is built in the theme, the zoom and the language of that moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QTextDocumentFragment
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.descent import ALL_WEIGHTS, WEIGHTS

from ..look.labels import wrapped
from ..look.palette import BANNER_BG, FONT_PT, INK, MUTED, POSITIVE
from ..state.session import Session, Snapshot
from ..support.announce import announce
from .loss_curve_plot import LossCurvePlot
from .plot_style import font_scale, set_font_scale, theme_plot
from .step_plots import LossStepPlot, ValueStepPlot

if TYPE_CHECKING:
    from .landscape_panel import LandscapePanel

#: The plot size (width, height in pixels) that has room for type at its usual size with a
#: two-line title, both axes and their labels; a plot k times larger takes type k times larger.
PLOT_ROOM = (290, 170)


#: A banner longer than this shows its first words and "…"; the whole text is its tooltip.
BANNER_CHARS = 100


def shortened(text: str) -> str:
    if len(text) <= BANNER_CHARS:
        return text
    return (
        text[: text.rfind(" ", 0, BANNER_CHARS)].rstrip(",;:")
        + " … "
        + QCoreApplication.translate("DescentPanel", "(more: hover)")
    )


def banner_ground(theme) -> str:
    """A dark theme's banner: its panel ground tinted a little with the warning colour."""
    base, warn = QColor(theme.base), QColor(theme.color(POSITIVE))
    mix = [
        round(0.82 * b + 0.18 * w)
        for b, w in (
            (base.red(), warn.red()),
            (base.green(), warn.green()),
            (base.blue(), warn.blue()),
        )
    ]
    return QColor(*mix).name()


class DescentPanel(QWidget):
    """Redraws the banner and the plots from each snapshot."""

    #: A part built after the window (the landscape panel, when first shown or asked for).
    built = Signal(QWidget)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            f"background: {BANNER_BG}; color: {INK}; border-left: 5px solid {POSITIVE};"
            f"padding: 6px 10px; font-size: {FONT_PT + 1}pt;"
        )
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {MUTED}; font-size: {FONT_PT}pt; padding: 2px 8px;")
        self.curve = LossCurvePlot()
        self.loss = LossStepPlot()
        self.value = ValueStepPlot()
        split = QSplitter(Qt.Orientation.Horizontal)
        for p in (self.curve, self.loss, self.value):
            split.addWidget(p.widget)
        split.setSizes([500, 390, 390])
        self.plots = split
        self._session = session
        self._landscape: LandscapePanel | None = None  # built when first shown
        self._theme = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabPosition(QTabWidget.TabPosition.West)  # height is what the plots lack
        self.tabs.addTab(split, "")
        self._place = QWidget()  # the landscape's place until it is first shown
        self.tabs.addTab(self._place, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.hidden_note = wrapped("")
        self.hidden_note.setStyleSheet(f"color: {MUTED}; font-size: {FONT_PT + 1}pt; padding: 8px;")
        self.hidden_note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.banner)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hidden_note)
        self._drawn: Snapshot | None = None
        self._zoom = 1.0
        session.state_changed.connect(self.show_state)
        self.retranslate()
        self.show_state(session.snapshot)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        self.hidden_note.setText(
            QCoreApplication.translate(
                "DescentPanel",
                "Points that would give away a value the quiz hides are left out of the plots.",
            )
        )
        for plot in (self.curve, self.loss, self.value):
            plot.retranslate()
        self._name_tabs()
        if self._landscape is not None:
            self._landscape.retranslate()

    def _name_tabs(self) -> None:
        tabs = self.tabs
        tabs.setTabText(0, QCoreApplication.translate("DescentPanel", "Plots"))
        tabs.setTabText(1, QCoreApplication.translate("DescentPanel", "Landscape"))
        tabs.setTabToolTip(
            0,
            QCoreApplication.translate(
                "DescentPanel", "The loss curve, the loss and the value against step"
            ),
        )
        tabs.setTabToolTip(
            1,
            QCoreApplication.translate(
                "DescentPanel", "The loss over two values at once, and the descent on it"
            ),
        )

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("DescentPanel", "Gradient descent")

    @property
    def landscape(self) -> LandscapePanel:
        """The landscape tab's panel, built now if it has not been shown yet."""
        if self._landscape is None:
            self._landscape = self._build_landscape()
        return self._landscape

    def _tab_shown(self, index: int) -> None:
        if index == 1 and self._landscape is None:
            self.landscape  # noqa: B018 - built as its tab comes to the front

    def _build_landscape(self) -> LandscapePanel:
        """The landscape panel in the landscape tab's place, in the theme, zoom and language
        on show now, drawing the current snapshot."""
        from .landscape_panel import LandscapePanel

        panel = LandscapePanel(self._session)
        if self._theme is not None:
            self._theme_landscape(panel, self._theme)
        scale = font_scale(self.curve.widget)
        if scale != 1.0:
            set_font_scale(panel.view, scale)
        panel.retranslate()  # the view's title and the scene's menu entry
        self.built.emit(panel)  # styled before it is first laid out: sized as it stays
        tabs = self.tabs
        with QSignalBlocker(tabs):  # the tab in front stays in front
            front = tabs.currentIndex()
            tabs.removeTab(1)
            tabs.insertTab(1, panel, "")
            tabs.setCurrentIndex(front)
        self._place.deleteLater()
        self._name_tabs()
        return panel

    @staticmethod
    def _theme_landscape(panel: LandscapePanel, theme) -> None:
        panel.view.set_theme(theme)
        panel.memory_label.setStyleSheet(f"color: {theme.muted}; font-size: {FONT_PT}pt;")
        panel.redraw()

    def set_theme(self, theme) -> None:
        """Draw the plots in ``theme`` (a :class:`gui.look.theme.Theme`)."""
        self._theme = theme
        for p in (self.curve, self.loss, self.value):
            theme_plot(p.widget, theme)
        if self._landscape is not None:
            self._theme_landscape(self._landscape, theme)
        ground, ink = (banner_ground(theme), theme.text) if theme.dark else (BANNER_BG, INK)
        self.banner.setStyleSheet(
            f"background: {ground}; color: {ink}; border-left: 5px solid"
            f" {theme.color(POSITIVE)}; padding: 6px 10px; font-size: {FONT_PT + 1}pt;"
        )
        self.status.setStyleSheet(
            f"color: {theme.muted}; font-size: {FONT_PT}pt; padding: 2px 8px;"
        )
        note = f"color: {theme.muted}; font-size: {FONT_PT + 1}pt; padding: 8px;"
        self.hidden_note.setStyleSheet(note)

    def zoom(self) -> float:
        """How much larger than usual the plots' type is asked to be (presenter mode's zoom)."""
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        """Draw the plots' titles, axis labels and tick numbers up to ``zoom`` times their
        size: as large as asked while the narrowest plot keeps room for its data."""
        self._zoom = float(zoom)
        self._fit_type()

    def type_scale(self) -> float:
        """The scale the plots' type is drawn at: the zoom, capped by the room there is."""
        sizes = self.plots.sizes()
        narrowest = min(sizes) / max(sum(sizes), 1) * self.plots.width() if sizes else 0
        room = min(narrowest / PLOT_ROOM[0], self.plots.height() / PLOT_ROOM[1])
        return min(self._zoom, max(1.0, room))

    def _fit_type(self) -> None:
        scale = self.type_scale()
        if scale != font_scale(self.curve.widget):
            for p in (self.curve, self.loss, self.value):
                set_font_scale(p.widget, scale)
            if self._landscape is not None:
                set_font_scale(self._landscape.view, scale)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_type()

    def _hide_points(self, snap: Snapshot) -> None:
        """Leave out the points that show a value the quiz hides or gives away (core.quiz):
        the loss at the cursor, the gradient there (tangent, gradient curve) and the steps ahead."""
        hidden, d = snap.concealed, snap.descent
        loss = "MSE" in hidden
        names = WEIGHTS if d.param == ALL_WEIGHTS else (d.x_name,)
        grad = any(f"dMSE/d{n}" in hidden for n in names)
        ahead = loss or grad or ("after" in hidden and snap.selected in names)
        if (loss, grad, ahead) == getattr(self, "_concealing", None):
            return  # during play: nothing to do
        self._concealing = (loss, grad, ahead)
        legend = self.curve.widget.getPlotItem().legend
        for item, out in (
            (self.curve.widget.getPlotItem().vb, loss),  # the curve at the cursor is the loss
            (self.loss.widget.getPlotItem().vb, loss),
            (self.curve._tangent, grad),
            (legend.getLabel(self.curve._tangent), grad),  # it says the slope
            (next((s for s, _ in legend.items if s.item is self.curve._tangent), None), grad),
            (self.curve._predicted, ahead),
            (self.loss._predicted, ahead),
            (self.value._grad, grad),
            (self.value._predicted, ahead),
        ):
            if item is not None:
                item.setVisible(not out)
        for plot, side, out in (
            (self.curve, "left", loss),  # the range the loss is fitted into
            (self.loss, "left", loss),
            (self.value, "right", grad),
        ):
            plot.widget.getPlotItem().getAxis(side).setStyle(showValues=not out)
        self.hidden_note.setVisible(loss or grad or ahead)

    def show_state(self, snap: Snapshot) -> None:
        """Show ``snap``; the plots redraw only what changed, all of it when ``snap`` comes
        again (the session publishes the same snapshot again after the language changed)."""
        if snap is self._drawn:
            for p in (self.curve, self.loss, self.value):
                p.forget()
        self._drawn = snap
        self._hide_points(snap)
        d = snap.descent
        for label, text in ((self.banner, d.banner), (self.status, d.status)):
            if label.property("said") != text:
                label.setProperty("said", text)
                rich = QtGui.Qt.mightBeRichText(text)
                plain = QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text
                label.setTextFormat(Qt.TextFormat.PlainText)  # "s'(z) <= 1e-13" is not a tag
                label.setText(shortened(plain))  # the plots keep their height
                label.setToolTip(plain)  # the whole explanation
                announce(label, plain)
            label.setVisible(bool(text))
        self.curve.show(d, snap.params)
        self.loss.set_log(snap.log_scale)
        self.loss.show(d)
        self.value.show(d)
