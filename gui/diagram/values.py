"""The Values panel: every value of the network as a table a screen reader reads, one row a
value in the diagram's order, editable where the diagram is, following the same selection.

Each row's name cell carries the whole sentence ("w11, kernel weight, 0.4, gradient -0.3145")
as its accessible text; below the table, each backprop path into the selected parameter reads
as a sentence, and the gradient as their sum. Typed values go through the same parser and the
same refusals as the diagram's cells; a refusal is shown under the table and announced.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.losses import LOSS_SYMBOL
from core.model import editable, parameters
from core.numfmt import fmt
from core.parse import ParseError, parse_number

from ..look.labels import wrapped
from ..state.said import refusal
from ..state.session import Session, Snapshot
from ..support.announce import announce
from ..support.behind import behind_a_tab
from .values_text import kind, path_sentences, rows, sentence, shown

NAME, WHAT, VALUE, GRADIENT = range(4)
STEPS_SHOWN = 6  # the step on show and five before it
Role = Qt.ItemDataRole
Index = QModelIndex | QPersistentModelIndex


class ValuesModel(QAbstractTableModel):
    """The snapshot's values as rows; :meth:`setData` commits through the session."""

    refused = Signal(str, object)  # name, the refusal (said in the language on show)
    committed = Signal(str, float)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._rows: list[tuple[str, str, str, str, str]] = []
        self._pending: Snapshot | None = None  # the rows are made from it when first read
        self._made: Snapshot | None = None  # the snapshot the rows show
        self.names = rows(session.snapshot.params)  # a bias adds its row
        self.show(session.snapshot)

    def show(self, snap: Snapshot, notify: bool = True) -> None:
        """Take ``snap``; its rows are made when a view (or a screen reader) reads them.
        ``notify`` False keeps the views from reading them now (a panel behind another tab:
        its table would measure every cell on each edit); :meth:`notify` catches up."""
        if snap is self._pending or (self._pending is None and snap is self._made):
            return
        names = rows(snap.params)
        if names != self.names:  # another network: rows come or go
            self.beginResetModel()
            self.names, self._pending = names, snap
            self.endResetModel()
            return
        self._pending = snap
        if notify:
            self.notify()

    def notify(self) -> None:
        """Tell the views every row may have changed."""
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.names) - 1, GRADIENT))

    def retranslate(self) -> None:
        """Make the rows again from the snapshot they show, in the new language."""
        if self._pending is None and self._made is not None:
            self._pending, self._made = self._made, None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, GRADIENT)
        self.notify()

    def _row(self, i: int) -> tuple[str, str, str, str, str]:
        snap = self._pending
        if snap is not None:
            self._pending = None
            self._rows = [(n, kind(n), *shown(snap, n), sentence(snap, n)) for n in self.names]
            self._made = snap
        return self._rows[i]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation, role=Role.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return (
                QCoreApplication.translate("ValuesPanel", "Value"),
                QCoreApplication.translate("ValuesPanel", "What"),
                QCoreApplication.translate("ValuesPanel", "Number"),
                QCoreApplication.translate("ValuesPanel", "Gradient ∂MSE/∂·").replace(
                    "MSE", LOSS_SYMBOL[self.session.snapshot.params.loss]
                ),
            )[section]
        return None

    def data(self, index: Index, role=Role.DisplayRole):
        if not index.isValid():
            return None
        name, what, value, gradient, said = self._row(index.row())
        column = index.column()
        if role == Role.DisplayRole:
            return (name.replace("y_hat", "ŷ"), what, value, gradient)[column]
        if role == Role.EditRole and column == VALUE:
            return fmt(self.session.snapshot.value(name), 12)
        if role in (Role.AccessibleTextRole, Role.ToolTipRole):
            return said if column == NAME else None
        if role == Role.TextAlignmentRole and column in (VALUE, GRADIENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        names = editable(self.session.snapshot.params)
        if index.column() == VALUE and self.names[index.row()] in names:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role=Role.EditRole) -> bool:
        name = self.names[index.row()]
        names = editable(self.session.snapshot.params)
        if role != Role.EditRole or index.column() != VALUE or name not in names:
            return False
        try:
            number = parse_number(str(value))
            self.session.set_value(name, number)
        except (ParseError, ValueError) as exc:
            self.refused.emit(name, exc)
            return False
        self.committed.emit(name, number)
        return True


class ValuesPanel(QWidget):
    """Dock content: the values table, the note line, the path sentences."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ValuesPanel", "Values")

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = ValuesModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(
            QCoreApplication.translate("ValuesPanel", "Values of the network")
        )
        self.table.setAccessibleDescription(
            QCoreApplication.translate(
                "ValuesPanel",
                "One row a value, in the diagram's order: its name, what it is, its number "
                "and its gradient. Type a number into the Number column to change an input, "
                "a weight or the target.",
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setStretchLastSection(True)
        self.note = wrapped()
        self.note.setAccessibleName(QCoreApplication.translate("ValuesPanel", "Note"))
        self.paths = QListWidget()
        self.paths.setAccessibleName(
            QCoreApplication.translate("ValuesPanel", "Paths into the selected value, as sentences")
        )
        self.paths.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.steps = QTableWidget(0, 4)
        self.steps.setAccessibleName(
            QCoreApplication.translate(
                "ValuesPanel", "Descent, as text: the step on show and the ones before"
            )
        )
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.note)
        layout.addWidget(self.paths, 2)
        layout.addWidget(self.steps, 2)
        self._refusal: tuple[str, Exception] | None = None  # the note's, to say it again
        self.model.refused.connect(self._refused)
        self.model.committed.connect(self._committed)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        session.state_changed.connect(self.show_snapshot)
        self.show_snapshot(session.snapshot)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            if self._refusal is not None and self.note.text():  # said again, not left behind
                self._show_refusal(*self._refusal)

    def seen(self, seen: bool) -> None:
        """Its tab came to the front: show what changed while it was behind."""
        if seen:
            self.model.notify()
            self.show_snapshot(self.session.snapshot)

    def show_snapshot(self, snap: Snapshot) -> None:
        seen = not behind_a_tab(self)  # behind: the table and the steps wait until raised
        self.model.show(snap, notify=seen)  # behind: the table reads it when raised, see seen()
        if seen:
            self._show_steps(snap)
        sentences = path_sentences(snap)
        if [self.paths.item(i).text() for i in range(self.paths.count())] != sentences:
            self.paths.clear()
            self.paths.addItems(sentences)
        row = self.model.names.index(snap.selected)
        if self.table.currentIndex().row() != row:
            blocker = self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.model.index(row, VALUE))
            self.table.selectionModel().blockSignals(blocker)
            self.table.scrollTo(self.table.currentIndex())

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._show_steps(self.session.snapshot)

    def _show_steps(self, snap: Snapshot) -> None:
        """The plots as text: the step on show and up to five recorded before it."""
        d = snap.descent
        x = d.x_name
        self.steps.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ValuesPanel", "Step"),
                x,
                QCoreApplication.translate("ValuesPanel", "Loss"),
                QCoreApplication.translate("ValuesPanel", "Gradient"),
            ]
        )
        first = max(0, d.cursor - STEPS_SHOWN + 1)
        rows = []
        for i in range(d.cursor, first - 1, -1):
            state = d.run.state_at(i)
            value = snap.run.params_at(i).get(x)
            cells = [
                str(int(d.run.steps[i])),
                fmt(value),
                fmt(state.loss),
                fmt(float(state.grad[0])),
            ]
            if snap.concealed & {"MSE", "y_hat"}:
                cells[2] = "?"
            if "grad" in snap.concealed:
                cells[3] = "?"
            rows.append(cells)
        self.steps.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    said = QCoreApplication.translate(
                        "ValuesPanel", "Step %1: %2 %3, loss %4, gradient %5"
                    )
                    for k, part in enumerate([cells[0], x, *cells[1:]]):
                        said = said.replace(f"%{k + 1}", part)
                    item.setData(Role.AccessibleTextRole, said)
                self.steps.setItem(r, c, item)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        name = self.model.names[current.row()] if current.isValid() else None
        snap = self.session.snapshot
        if name in parameters(snap.params) and name != snap.selected:
            self.session.select(name)

    def _refused(self, name: str, exc: Exception) -> None:
        self._refusal = (name, exc)
        announce(self.note, self._show_refusal(name, exc))  # a new refusal is said aloud once

    def _show_refusal(self, name: str, exc: Exception) -> str:
        text = (
            QCoreApplication.translate("ValuesPanel", "%1 not changed: %2")
            .replace("%1", name)
            .replace("%2", refusal(exc))
        )
        self.note.setText(text)
        return text

    def _committed(self, name: str, _value: float) -> None:
        self.note.clear()
        announce(self.table, sentence(self.session.snapshot, name))
