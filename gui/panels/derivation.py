"""The derivation panel: the homework's three steps, typeset, with the current numbers.

The panel redraws from the Session's Snapshot. An edit only marks the panel stale and starts a
short single-shot timer; the timer builds the LaTeX (core.latex) and asks the Typesetter for the
formulas not yet cached, which arrive from its worker thread and are swapped in here. Clicking a
path's term spotlights that path through ``Session.select_path``; the Snapshot's ``path``
highlights the term's rows and dims the others.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.latex import Item, derivation
from core.latex_document import document

from ..look.labels import wrapped
from ..look.palette import WALK, sign_hex
from ..state.session import Session, Snapshot
from .formula_view import FormulaView
from .typeset import Typesetter

REFRESH_MS = 80  # edits closer together than this share one refresh
HEADING_PT, NOTE_PT = 15, 12
NOTE_INK = "#3C4043"


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
        self.typesetter.ready.connect(self._show)
        self._snap: Snapshot = session.snapshot
        self._items: list[Item] = []
        self._shape: tuple = ()
        self._widgets: list[QWidget] = []
        self._zoom = 1.0
        self._typesetting = False  # off until shown or warmed: start-up spawns no worker
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        self.copy_action = QAction(self.tr("Copy as LaTeX"), self)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.copy_action.setToolTip(self.tr("Copy the derivation with its numbers as LaTeX"))
        self.copy_action.triggered.connect(self.copy_latex)
        self.addAction(self.copy_action)

        self._title = QLabel()
        self._title.setFont(_font(HEADING_PT + 1, bold=True))
        copy = QToolButton()
        copy.setDefaultAction(self.copy_action)
        copy.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(copy)

        self._body = QWidget()
        self._body.setObjectName("derivationBody")
        self._body.setStyleSheet("#derivationBody { background: white; }")
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
        self._hidden_note = wrapped(
            self.tr("The derivation is hidden while the quiz hides values.")
        )
        self._hidden_note.setVisible(False)
        layout.addLayout(header)
        layout.addWidget(self._hidden_note)
        layout.addWidget(scroll, 1)

        session.state_changed.connect(self.on_state_changed)
        self.refresh()

    # -- strings -----------------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        """The headings and notes, translated (core.latex.TEXTS has the same keys)."""
        return {
            "title": self.tr("The gradient of {param}"),
            "step1": self.tr("Step 1. Define the model's values (定義模型參數)"),
            "step2": self.tr(
                "Step 2. The gradient of {param}: a sum over its {n} backprop paths (列出梯度公式)"
            ),
            "step2_one": self.tr(
                "Step 2. The gradient of {param}: one backprop path (列出梯度公式)"
            ),
            "step3": self.tr("Step 3. Compute each partial derivative (計算偏微分)"),
            "note_yhat": self.tr("y\u0302 is the model's prediction; yy is the target."),
            "note_z": self.tr(
                "z00, z01, z10, z11 are the conv layer's values before the activation "
                "function (the sigmoid)."
            ),
            "note_substitute": self.tr("Substituting every result into the formula of Step 2:"),
        }

    # -- state -> view -----------------------------------------------------------------
    def on_state_changed(self, snap: Snapshot) -> None:
        """The edit path: remember the snapshot, light the rows, refresh the numbers soon."""
        self._snap = snap
        self._scroll.setVisible(not snap.hidden)
        self._hidden_note.setVisible(bool(snap.hidden))
        self.copy_action.setEnabled(not snap.hidden)
        self._light(snap.path)
        self.setProperty("rendering", True)  # until the new numbers are typeset
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Build the current derivation and ask for the formulas not typeset yet."""
        self._timer.stop()
        snap = self._snap
        self._items = derivation(
            snap.params, snap.selected, color=sign_hex, highlight=snap.path, fwd=snap.forward
        )
        self._title.setText(self.texts()["title"].format(param=snap.selected))
        shape = tuple(
            (i.kind, i.role, i.path, i.args, i.text if i.kind != "formula" else "")
            for i in self._items
        )
        if shape != self._shape:
            self._rebuild(shape)
        if self._typesetting and self.on_screen():
            formulas = [i.text for i in self._items if i.kind == "formula"]
            self.typesetter.request(formulas)  # supersedes what an older state still wanted
        self._show()

    def start_typesetting(self) -> None:
        """Let the worker typeset this panel's formulas (on first show, or after start-up)."""
        if not self._typesetting:
            self._typesetting = True
            self.refresh()

    def on_screen(self) -> bool:
        """Whether any of the panel can be seen: a dock tab behind another stays "visible",
        moved off the window, and typesetting for it would fill the cache every frame."""
        return not self.visibleRegion().isEmpty()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.start_typesetting()

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

    def _show(self) -> None:
        """Swap in every typeset formula; schedule another round if some are still missing."""
        missing = False
        for view, item in self._formula_rows():
            svg = self.typesetter.get(item.text)
            if svg is None:
                missing = True
            else:
                view.set_svg(item.text, svg)
        self._light(self._snap.path)
        # Tells a screenshot to wait: formulas of the current state are still being typeset.
        typesetting = self._typesetting and self.on_screen()
        waiting = typesetting and (missing or self._timer.isActive())
        self.setProperty("rendering", waiting)
        idle = not self.typesetter.busy and not self._timer.isActive()
        if missing and typesetting and idle:
            self._timer.start()
        elif not missing and self.is_current:
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
                w = FormulaView(item.path)
                w.set_zoom(self._zoom)
                w.clicked.connect(self._on_term_clicked)
                if item.role in ("chain", "path_term"):
                    w.setContentsMargins(0, 0, 0, 0)
            else:
                w = wrapped(item.heading(texts))
                heading = item.kind == "heading"
                w.setFont(_font((HEADING_PT if heading else NOTE_PT) * self._zoom, bold=heading))
                if heading:
                    w.setContentsMargins(0, 12 if k else 0, 0, 4)
                else:
                    w.setStyleSheet(f"color: {NOTE_INK};")
            self._rows.insertWidget(k, w)
            self._widgets.append(w)
        self._shape = shape

    def _light(self, spot: int | None) -> None:
        if self._snap.walk_step is not None:
            self._light_step(self._snap.walk_step)
            return
        ps = self._snap.paths
        for view, _item in self._formula_rows():
            if view.path is None or view.path >= len(ps):
                continue
            accent = sign_hex(ps[view.path].value)
            if spot is None:
                view.set_state("normal", accent)
            else:
                view.set_state("highlight" if view.path == spot else "dim", accent)

    def _light_step(self, step) -> None:
        """The walkthrough: highlight the rows of this step (of its path), dim the others."""
        ps = self._snap.paths
        first = None
        for view, item in self._formula_rows():
            mine = item.role in step.section and (
                step.path is None or item.path is None or item.path == step.path
            )
            accent = sign_hex(ps[item.path].value) if item.path is not None else WALK
            view.set_state("highlight" if mine else "dim", accent)
            if mine and first is None:
                first = view
        if first is not None and first.height() > 2 * 6 + 1:
            self._scroll.ensureWidgetVisible(first, 0, 40)

    # -- gestures ------------------------------------------------------------------------
    def _on_term_clicked(self, index: int) -> None:
        self.session.select_path(None if self._snap.path == index else index)

    def copy_latex(self) -> str:
        """Put the derivation, with the current numbers, on the clipboard as a LaTeX document."""
        snap = self.session.snapshot
        items = derivation(snap.params, snap.selected, color=sign_hex, fwd=snap.forward)
        texts = self.texts()
        title = texts["title"].format(param=snap.selected)
        text = document(items, texts, title=f"{snap.name}: {title}" if snap.name else title)
        QGuiApplication.clipboard().setText(text)
        return text

    def set_zoom(self, zoom: float) -> None:
        """Scale formulas and text (presenter mode); formulas still shrink to fit the width."""
        self._zoom = max(0.25, float(zoom))
        self._shape = ()
        self.refresh()

    def zoom(self) -> float:
        return self._zoom


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font
