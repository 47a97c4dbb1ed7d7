"""The derivation panel: the homework's three steps, typeset, with the current numbers.

The panel redraws from the Session's Snapshot. An edit only marks the panel stale and starts a
short single-shot timer; the timer builds the LaTeX (core.latex) and asks the Typesetter for the
formulas not yet cached, which arrive from its worker thread and are swapped in here. Clicking a
path's term spotlights that path through ``Session.select_path``; the Snapshot's ``path``
highlights the term's rows and dims the others.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.latex import Item

from ..look.labels import wrapped
from ..look.theme import THEMES, Theme
from ..state.session import Session, Snapshot
from ..support.behind import behind_a_tab
from .derivation_header import header, title_font
from .derivation_rows import (
    formula_row,
    hide_given_away,
    items_of,
    latex_document,
    light,
    text_row,
)
from .derivation_texts import texts
from .formula_view import FormulaView
from .typeset import Typesetter

REFRESH_MS = 80  # edits closer together than this share one refresh
RETRY_MS = 61_000  # with no typesetter, the next try: after its restart budget has refilled


class DerivationPanel(QWidget):
    """Dock content: the derivation of the selected parameter's gradient."""

    refreshed = Signal()  # every formula on show is that of the current Snapshot

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("DerivationPanel", "Derivation")

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.typesetter = Typesetter(parent=self)
        self.typesetter.ready.connect(self._arrived)
        self._snap: Snapshot = session.snapshot
        self._items: list[Item] = []
        self._shape: tuple = ()
        self._widgets: list[QWidget] = []
        self._zoom = 1.0
        self._theme = THEMES["light"]
        self._typesetting = False  # off until shown or warmed: start-up spawns no worker
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._edited)

        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.copy_action.triggered.connect(self.copy_latex)
        self.addAction(self.copy_action)

        top, self._title = header(self.copy_action)

        self._body = QWidget()
        self._body.setObjectName("derivationBody")
        self._rows = QVBoxLayout(self._body)
        self._rows.setSpacing(2)
        self._rows.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        self._rows.addStretch(1)
        scroll = self._scroll = QScrollArea()
        scroll.setWidget(self._body)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self._hidden_note = wrapped()
        self._hidden_note.setVisible(False)
        self._unavailable_note = wrapped()
        self._unavailable_note.setVisible(False)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.refresh)
        layout.addLayout(top)
        layout.addWidget(self._hidden_note)
        layout.addWidget(self._unavailable_note)
        layout.addWidget(scroll, 1)

        session.state_changed.connect(self.on_state_changed)
        self.retranslate()
        self.set_theme(self._theme)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._shape = ()  # the headings and notes are made again in the new language
            self.refresh()

    def retranslate(self) -> None:
        self.copy_action.setText(self.tr("Copy as LaTeX"))
        self.copy_action.setToolTip(self.tr("Copy the derivation with its numbers as LaTeX"))
        self._hidden_note.setText(
            self.tr("Rows that would give away a value the quiz hides are left out.")
        )
        self._unavailable_note.setText(
            self.tr(
                "The formulas cannot be typeset right now: they are shown as plain text, "
                "with the current numbers. Typesetting is tried again in a minute."
            )
        )

    def texts(self) -> dict[str, str]:
        """The headings and notes, translated (core.latex.TEXTS has the same keys)."""
        return texts()

    # -- state -> view -----------------------------------------------------------------
    def on_state_changed(self, snap: Snapshot) -> None:
        """The edit path: remember the snapshot, light the rows, refresh the numbers soon."""
        self._snap = snap
        self.copy_action.setEnabled(not snap.hidden)
        if not behind_a_tab(self):  # a refresh when its tab comes forward does both
            self._hide_rows()
            self._light(snap.path)
        self.setProperty("rendering", True)  # until the new numbers are typeset
        if not self._timer.isActive():
            self._timer.start()

    def _edited(self) -> None:
        """The edit path's coalesced refresh; a panel behind another tab is built when its tab
        comes to the front (:meth:`seen`): 5 ms an edit for a panel no one
        sees, and nothing for a screenshot to wait on."""
        if behind_a_tab(self):
            self.setProperty("rendering", False)
            return
        self.refresh()

    def refresh(self) -> None:
        """Build the current derivation and ask for the formulas not typeset yet."""
        self._timer.stop()
        snap = self._snap
        self._items = self._current_items()
        self._title.setText(self.texts()["title"].format(param=snap.selected))
        shape = tuple(
            (i.kind, i.role, i.path, i.args, i.text if i.kind != "formula" else "")
            for i in self._items
        )
        if shape != self._shape:
            self._rebuild(shape)
        self._hide_rows()
        formulas = [i.text for i in self._items if i.kind == "formula"]
        if self._typesetting and self.on_screen():
            self.typesetter.request(formulas)  # supersedes what an older state still wanted
        elif not self._typesetting:
            self.typesetter.early(formulas)  # the window is being built: ready when shown
        self._show()

    def _current_items(self) -> list[Item]:
        return items_of(self._snap, self._theme)

    def ask_early(self) -> None:
        """Just after the first paint of the window the app started, give the worker it
        warmed up every formula of the first state at once: they are typeset on the other
        core, though the rows that show them are made only when the tab comes forward."""
        if not self._typesetting and self.typesetter.takes_early():
            self.typesetter.early([i.text for i in self._current_items() if i.kind == "formula"])

    def start_typesetting(self, refresh: bool = False) -> None:
        """Let the worker typeset this panel's formulas (on first show, or after start-up);
        ``refresh``: build the rows again even if it did already."""
        self.typesetter.shown()
        if refresh or not self._typesetting:
            self._typesetting = True
            self.refresh()

    def on_screen(self) -> bool:
        """Whether any of the panel can be seen: a dock tab behind another stays "visible",
        moved off the window, and typesetting for it would fill the cache every frame."""
        return not self.visibleRegion().isEmpty()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if behind_a_tab(self):  # the window's first show: built when its tab comes forward
            return
        self.start_typesetting()

    def seen(self, seen: bool) -> None:
        """Its tab came to the front: build and typeset what it skipped while behind another
        (a dock says it is shown at the window's first show too, while behind: nothing then)."""
        if seen and not behind_a_tab(self):
            self.start_typesetting(refresh=True)

    def _refresh_if_seen(self) -> None:
        """Refresh now if the panel can be seen; behind another tab, or not shown yet, it is
        built when it comes to the front (:meth:`seen`, ``showEvent``)."""
        if self.isVisible() and not behind_a_tab(self):
            self.refresh()

    def typeset_now(self) -> None:
        """Refresh and typeset every formula on this thread (tests, screenshots)."""
        self._typesetting = True
        self.refresh()
        for item in self._items:
            if item.kind == "formula":
                self.typesetter.now(item.text)
        self._show()

    @property
    def is_current(self) -> bool:
        """Whether every formula on show is typeset from the current Snapshot's numbers."""
        return not self._timer.isActive() and all(
            w.latex == i.text for w, i in self._formula_rows()
        )

    def _arrived(self) -> None:
        """Formulas arrived: swap them in, unless the panel is behind another tab: there
        they wait in the cache until its tab comes forward (:meth:`seen`),
        and reading them costs the window nothing meanwhile (the first formulas arrive just
        after its first paint, when the Paths tab is in front)."""
        if not behind_a_tab(self):
            self._show()

    def _show(self) -> None:
        """Swap in every typeset formula; schedule another round if some are still missing."""
        missing = False
        available = self.typesetter.available
        for view, item in self._formula_rows():
            svg = self.typesetter.get(item.text)
            if svg is not None:
                view.set_svg(item.text, svg)
            elif not available:
                view.set_plain(item.text)  # the current numbers, as text
            else:
                missing = True
                view.set_stale(bool(view.latex) and view.latex != item.text)
        self._unavailable_note.setVisible(not available)
        self._light(self._snap.path)
        # Tells a screenshot to wait: formulas of the current state are still being typeset.
        typesetting = self._typesetting and self.on_screen()
        waiting = typesetting and (missing or self._timer.isActive())
        self.setProperty("rendering", waiting)
        idle = not self.typesetter.busy and not self._timer.isActive()
        if missing and typesetting and idle:
            self._timer.start()
        elif not available and not self._retry.isActive():
            self._retry.start()  # try the typesetter again once its budget may have refilled
        if not missing and self.is_current:
            self.refreshed.emit()

    def _formula_rows(self):
        pairs = zip(self._widgets, self._items, strict=True)
        return [(w, i) for w, i in pairs if isinstance(w, FormulaView)]

    def _rebuild(self, shape: tuple) -> None:
        for w in self._widgets:
            self._rows.removeWidget(w)
            w.hide()  # gone at once, not when the event loop next deletes it
            w.deleteLater()
        self._widgets = []
        texts = self.texts()
        for k, item in enumerate(self._items):
            if item.kind == "formula":
                w = formula_row(item, self._zoom)
                w.clicked.connect(self._on_term_clicked)
            else:
                w = text_row(item, texts, self._zoom, self._theme, first=k == 0)
            self._rows.insertWidget(k, w)
            self._widgets.append(w)
        self._shape = shape

    def _hide_rows(self) -> None:
        """Leave out the rows whose numbers would give a hidden quiz value away (core.quiz)."""
        self._hidden_note.setVisible(hide_given_away(self._widgets, self._items, self._snap))

    def _light(self, spot: int | None) -> None:
        first = light(self._formula_rows(), self._snap, self._theme, spot)
        if first is not None:  # in view once laid out (new formulas change the rows' heights)
            QTimer.singleShot(0, self, lambda: self._scroll_to(first))

    def _scroll_to(self, row: FormulaView) -> None:
        if row in self._widgets and row.state == "highlight":  # not rebuilt or lit again since
            body = self._scroll.widget()
            layout = body.layout() if body is not None else None
            if layout is not None:
                layout.activate()
            port = self._scroll.viewport().height()
            step = self._snap.walk_step
            cell = step.cell if step is not None and step.kind.startswith("conv_") else None
            if row.height() > port and cell is not None and body is not None:
                # the four cells' lines, taller than the panel (a 4:3 projector's tab): the
                # quarter of the row the step's cell has, in the middle of the view
                y = row.mapTo(body, QPoint(0, 0)).y() + row.height() * (cell + 0.5) / 4
                self._scroll.ensureVisible(0, round(y), 0, port // 2)
            else:
                self._scroll.ensureWidgetVisible(row, 0, 40)

    # -- gestures ------------------------------------------------------------------------
    def _on_term_clicked(self, index: int) -> None:
        self.session.select_path(None if self._snap.path == index else index)

    def copy_latex(self) -> str:
        """Put the derivation, with the current numbers, on the clipboard as a LaTeX document."""
        text = latex_document(self.session.snapshot, self.texts())
        QGuiApplication.clipboard().setText(text)
        return text

    def set_zoom(self, zoom: float) -> None:
        """Scale formulas and text (presenter mode); formulas still shrink to fit the width."""
        self._zoom = max(0.25, float(zoom))
        self._title.setFont(title_font(self.font().pointSizeF()))
        self._shape = ()
        self._refresh_if_seen()

    def zoom(self) -> float:
        return self._zoom

    def set_theme(self, theme: Theme) -> None:
        """Typeset in the theme's ink on its ground (light ink on a dark theme's dark ground)."""
        self._theme = theme
        ground = QPalette()  # only the ground: every other role still comes from the window
        ground.setColor(QPalette.ColorRole.Window, QColor(theme.base))
        self._body.setPalette(ground)
        self._body.setAutoFillBackground(True)
        self._shape = ()
        self._refresh_if_seen()

    def theme(self) -> Theme:
        return self._theme
