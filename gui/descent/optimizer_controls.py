"""The optimizer toolbar: which optimizer takes the steps, and its hyperparameters.

The combo box lists ``core.optimizers.NAMES``; beside it, only the fields the chosen optimizer
takes (μ for momentum and Nesterov, β1 and β2 and ε for Adam, α and ε for RMSprop, ε for
Adagrad). A typed value is applied on Enter as one undoable step and starts the run again; a
value the optimizer cannot take is refused with a note saying why and what the field takes,
and changes nothing. Every control is set back from the snapshot under a ``QSignalBlocker``.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QToolBar

from core.descent import ALL_WEIGHTS, weights
from core.numfmt import fmt
from core.optimizers import NAMES, OptimizerError

from ..state.descent_optimizer import memory_meanings, optimizer_names
from ..state.session import Session, Snapshot
from .fields import WIDEST, Bubble, NumberField, read

#: The fields: (key, index into a pair or None, the symbol shown).
FIELDS = (
    ("momentum", None, "μ"),
    ("betas", 0, "β1"),
    ("betas", 1, "β2"),
    ("alpha", None, "α"),
    ("eps", None, "ε"),
)


class OptimizerControls(QObject):
    """Builds the optimizer toolbar on ``window`` and keeps it in step with the snapshot."""

    def __init__(self, window: QMainWindow, session: Session, bubble: Bubble):
        super().__init__(window)
        self.session = session
        self.bubble = bubble
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(WIDEST)  # its texts change with the language
        self.combo.currentIndexChanged.connect(self._chose)
        bar = QToolBar(window)
        bar.setObjectName("descent_optimizer")
        self._label = QLabel()
        bar.addWidget(self._label)
        bar.addWidget(self.combo)
        self.fields: dict[tuple[str, int | None], NumberField] = {}
        self._shown: dict[tuple[str, int | None], tuple[QAction, QAction]] = {}
        for key, index, symbol in FIELDS:
            field = NumberField(partial(self._current, key, index))
            field.setMaximumWidth(80)
            field.editingFinished.connect(partial(self._typed, key, index))
            label = bar.addWidget(QLabel(f" {symbol} "))
            self._shown[(key, index)] = (label, bar.addWidget(field))
            self.fields[(key, index)] = field
        self.memory = QLabel()
        bar.addSeparator()
        bar.addWidget(self.memory)
        window.addToolBar(bar)
        self.toolbar = bar
        self.retranslate()
        session.state_changed.connect(self.show_state)
        self.show_state(session.snapshot)

    def retranslate(self) -> None:
        """Every fixed text of the toolbar in the current language (the descent controls call
        this on a language change; the memory line follows the redraw)."""
        self.combo.setToolTip(
            self.tr(
                "What takes the steps: plain gradient descent (the homework's), or an "
                "optimizer with PyTorch's update rule and defaults"
            )
        )
        self.combo.setAccessibleName(self.tr("Optimizer"))
        self.combo.setAccessibleDescription(self.combo.toolTip())
        self.toolbar.setWindowTitle(self.tr("Optimizer"))
        self._label.setText(self.tr(" optimizer "))
        for (key, index), field in self.fields.items():
            field.setToolTip(self._explain(key, index))
            field.setAccessibleName(self._name(key, index))
            field.setAccessibleDescription(field.toolTip())
        self.memory.setToolTip(
            self.tr("What the optimizer carries to the next step, for the value on the loss curve")
        )
        self.memory.setAccessibleName(self.tr("Optimizer memory"))
        self.fill_names()

    def fill_names(self) -> None:
        """The optimizers' names in the interface's language."""
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for name, shown in optimizer_names().items():
                self.combo.addItem(shown, name)
            self.combo.setCurrentIndex(NAMES.index(self.session.snapshot.settings.optimizer.name))

    def _name(self, key: str, index: int | None) -> str:
        return {
            ("momentum", None): self.tr("Momentum μ"),
            ("betas", 0): self.tr("Adam's β1"),
            ("betas", 1): self.tr("Adam's β2"),
            ("alpha", None): self.tr("RMSprop's α"),
            ("eps", None): self.tr("ε"),
        }[(key, index)]

    def _explain(self, key: str, index: int | None) -> str:
        return {
            ("momentum", None): self.tr("How much of the velocity each step keeps (0.9)"),
            ("betas", 0): self.tr("How much of the first moment each step keeps (0.9)"),
            ("betas", 1): self.tr("How much of the second moment each step keeps (0.999)"),
            ("alpha", None): self.tr("How much of the mean squared gradient each step keeps"),
            ("eps", None): self.tr("Added to the root in the denominator, against division by 0"),
        }[(key, index)]

    def ranges(self, key: str) -> str:
        """What a field takes, said with its refusals."""
        if key == "eps":
            return self.tr("ε takes a number above 0 and at most 1, such as 1e-08.")
        if key == "momentum" and self.session.snapshot.settings.optimizer.name == "nesterov":
            return self.tr("Nesterov's μ takes a number above 0 and below 1, such as 0.9.")
        return self.tr("It takes a number from 0 up to (not including) 1, such as 0.9.")

    def _current(self, key: str, index: int | None) -> str:
        value = getattr(self.session.snapshot.settings.optimizer, key)
        if value is None:
            return ""
        return fmt(value if index is None else value[index])

    def _chose(self, i: int) -> None:
        self.bubble.hide()
        self.session.descent.set_optimizer(str(self.combo.itemData(i)))

    def _typed(self, key: str, index: int | None) -> None:
        field = self.fields[(key, index)]
        opt = self.session.snapshot.settings.optimizer
        old = getattr(opt, key)
        if old is None:
            return  # a field of another optimizer, hidden
        v, why = read(field.text(), 0.0, None)
        if v is None:
            field.revert()
            self.bubble.say(field, f"{why} {self.ranges(key)}")
            return
        value = v if index is None else tuple(v if j == index else old[j] for j in range(2))
        if value == old:
            return
        try:
            self.session.descent.set_hyperparameter(key, value)
        except OptimizerError:
            field.revert()
            note = self.tr("Not changed: %1 cannot be used here.").replace("%1", fmt(v))
            self.bubble.say(field, f"{note} {self.ranges(key)}")
            return
        self.bubble.hide()

    def show_state(self, snap: Snapshot) -> None:
        opt = snap.settings.optimizer
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(NAMES.index(opt.name))
        takes = opt.hyperparameters()
        for (key, index), field in self.fields.items():
            on = key in takes
            for action in self._shown[(key, index)]:
                action.setVisible(on)
            if on and not field.hasFocus():
                field.setText(self._current(key, index))
        self.memory.setText(self._memory_text(snap))

    def _memory_text(self, snap: Snapshot) -> str:
        """``velocity w11 = 0.0515``: the memory at the step on show, for the loss curve's
        value (w11 when all weights descend)."""
        opt = snap.settings.optimizer
        meanings = memory_meanings()[opt.name]
        if not meanings:
            return ""
        run, name = snap.run, snap.descent.x_name
        memory = self.session.run.state_at(run, snap.cursor, snap.lr, opt).memory
        names = weights(run.start) if run.param == ALL_WEIGHTS else (run.param,)
        k = names.index(name)
        # the memory is built from the gradients (a first momentum step's velocity is the
        # gradient): while the quiz hides one of them, so are these numbers
        quiz = any(f"dMSE/d{n}" in snap.concealed for n in names)
        parts = []
        for part, meaning in meanings.items():
            value = 0.0 if memory is None else float(getattr(memory, part)[k])
            parts.append(f"{meaning} {name} = {'?' if quiz else fmt(value)}")
        return "; ".join(parts)
