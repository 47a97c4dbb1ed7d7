"""The descent toolbars and keyboard: play, step, timeline, learning rate, speed, stop rule.

Every control calls a Session verb; every control is set back from the snapshot under a
``QSignalBlocker``, so nothing here holds state of its own. A typed value that a field cannot
take is refused with a note saying why and what the field takes (``fields.py``).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QMainWindow,
    QSlider,
    QToolBar,
    QWidget,
)

from core.descent import ALL_WEIGHTS
from core.numfmt import fmt
from core.settings_format import MAX_STEPS

from ..actions import make_action, set_texts
from ..look.icons import transport_icon
from ..state.descent_data import FOLLOW_SELECTION, LR_RANGE, SPEED_RANGE
from ..state.session import Session, Snapshot
from .fields import WIDEST, Bubble, CountBox, NumberField, read
from .optimizer_controls import OptimizerControls

LR_TICKS = 600  # the log slider's resolution: 100 positions per decade


def lr_to_tick(lr: float) -> int:
    lo, hi = (math.log10(v) for v in LR_RANGE)
    return round((math.log10(lr) - lo) / (hi - lo) * LR_TICKS)


def tick_to_lr(tick: int) -> float:
    lo, hi = (math.log10(v) for v in LR_RANGE)
    return float(f"{10 ** (lo + (hi - lo) * tick / LR_TICKS):.3g}")


class DescentControls(QObject):
    """Builds the actions and the two toolbars on ``window`` and keeps them in step."""

    def __init__(self, window: QMainWindow, session: Session):
        super().__init__(window)
        self.session = session
        self._window = window

        self._icons = {p: transport_icon("pause" if p else "play", window) for p in (False, True)}
        self._icon_playing = False
        self.play = make_action(
            window,
            "",
            [Qt.Key.Key_Space],
            session.descent.toggle_play,
            icon=self._icons[False],
        )
        self.back = make_action(
            window,
            "",
            [Qt.Key.Key_Left, Qt.Key.Key_PageUp],
            session.descent.step_back,
            icon=transport_icon("back", window),
        )
        self.step = make_action(
            window,
            "",
            [Qt.Key.Key_Right, Qt.Key.Key_PageDown],
            session.descent.step,
            icon=transport_icon("forward", window),
        )
        self.reset = make_action(
            window,
            "",
            [Qt.Key.Key_R],
            session.descent.reset,
            icon=transport_icon("first", window),
        )
        self.keep = make_action(
            window,
            "",
            [Qt.Key.Key_K],
            session.descent.keep_run,
        )
        self.clear = make_action(
            window,
            "",
            ["Shift+K"],
            session.descent.clear_runs,
        )
        self.log = make_action(
            window,
            "",
            ["Shift+L"],
            session.set_log_scale,
            checkable=True,
        )

        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setMinimumWidth(220)
        self.timeline.valueChanged.connect(session.descent.seek)
        self.step_label = QLabel()
        self.step_label.setMinimumWidth(150)

        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        self.lr_slider.setMinimumWidth(160)
        self.lr_slider.setRange(0, LR_TICKS)
        self._drag = 0
        self.lr_slider.sliderPressed.connect(self._new_drag)
        self.lr_slider.valueChanged.connect(self._slid_lr)
        self.bubble = Bubble(window)
        self.lr_box = NumberField(lambda: fmt(self.session.snapshot.lr))
        self.lr_box.setMaximumWidth(80)
        self.lr_box.editingFinished.connect(self._typed_lr)

        self.speed = CountBox(int(SPEED_RANGE[0]), int(SPEED_RANGE[1]))
        self.speed.refused.connect(lambda why: self._refuse(self.speed, why))
        self.speed.valueChanged.connect(session.descent.set_speed)

        self.max_steps = CountBox(1, MAX_STEPS)
        self.max_steps.refused.connect(lambda why: self._refuse(self.max_steps, why))
        self.use_tol = QCheckBox()
        self.tol_box = NumberField(lambda: fmt(self.session.snapshot.settings.tol))
        self.tol_box.setMaximumWidth(70)
        self.max_steps.valueChanged.connect(lambda n: session.descent.set_stop_rule(max_steps=n))
        self.use_tol.toggled.connect(lambda on: session.descent.set_stop_rule(use_tol=on))
        self.tol_box.editingFinished.connect(self._typed_tol)

        self.param = QComboBox()
        self.param.setSizeAdjustPolicy(WIDEST)  # its texts change with the language
        self.param.addItem("", "w11")
        self.param.addItem("", FOLLOW_SELECTION)
        self.param.addItem("", ALL_WEIGHTS)
        self.param.currentIndexChanged.connect(
            lambda i: session.descent.set_descent_param(self.param.itemData(i))
        )

        run_bar = QToolBar(window)
        run_bar.setObjectName("descent_run")
        for a in (self.reset, self.back, self.play, self.step):
            run_bar.addAction(a)
        run_bar.addWidget(self.timeline)
        run_bar.addWidget(self.step_label)
        run_bar.addSeparator()
        run_bar.addAction(self.keep)
        run_bar.addAction(self.clear)
        run_bar.addAction(self.log)
        settings = QToolBar(window)
        settings.setObjectName("descent_settings")
        self._lr_label = QLabel()
        settings.addWidget(self._lr_label)
        settings.addWidget(self.lr_slider)
        settings.addWidget(self.lr_box)
        settings.addSeparator()
        # what descends comes before how fast and how long: on a narrow window the bar's last
        # fields (the tolerance) are the ones that go into its overflow menu
        self._on_label = QLabel()
        settings.addWidget(self._on_label)
        settings.addWidget(self.param)
        settings.addSeparator()
        settings.addWidget(self.speed)
        settings.addSeparator()
        for w in (self.max_steps, self.use_tol, self.tol_box):
            settings.addWidget(w)
        window.addToolBar(run_bar)
        window.addToolBarBreak()
        window.addToolBar(settings)
        window.addToolBarBreak()
        self.optimizer = OptimizerControls(window, session, self.bubble)
        self.toolbars = (run_bar, settings, self.optimizer.toolbar)
        session.state_changed.connect(self.show_state)
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text of the actions, fields and toolbars."""
        set_texts(self.back, self.tr("Step back"), self.tr("Show the previous step"))
        set_texts(self.step, self.tr("Step"), self.tr("Take one descent step"))
        set_texts(
            self.reset, self.tr("Reset"), self.tr("Back to the start; forget the recorded steps")
        )
        set_texts(
            self.keep,
            self.tr("Keep this run"),
            self.tr("Keep this run as a ghost to compare with the next"),
        )
        set_texts(self.clear, self.tr("Clear kept runs"), self.tr("Remove every kept run"))
        set_texts(
            self.log, self.tr("Log scale"), self.tr("Show the loss against step on a log scale")
        )
        set_texts(
            self.play,
            self.tr("Pause") if self._icon_playing else self.tr("Play"),
            self.tr("Play or pause the descent"),
        )
        self.timeline.setToolTip(self.tr("Scrub through the recorded steps; every panel follows"))
        self.step_label.setToolTip(self.tr("The step shown and the last step recorded"))
        self.lr_slider.setToolTip(
            self.tr(
                "Learning rate, 1e-4 to 100 on a log scale; the dashed "
                "path shows where it will take the descent"
            )
        )
        self.speed.setSuffix(self.tr(" steps/s"))
        self.max_steps.setPrefix(self.tr("stop after "))
        self.max_steps.setSuffix(self.tr(" steps"))
        self.max_steps.setToolTip(self.tr("Play stops after this many steps"))
        self.use_tol.setToolTip(self.tr("Also stop once every |gradient| is below the tolerance"))
        self.param.setToolTip(
            self.tr(
                "Which parameter descends: w11, the parameter selected in "
                "the diagram, or w11..w22 and wa..wd together"
            )
        )
        self.use_tol.setText(self.tr("or |gradient| <"))
        self.lr_box.setToolTip(self.tr("Type a learning rate (1e-4 to 100) and press Enter"))
        self.speed.setToolTip(self.tr("Steps per second while playing (1 to 1000)"))
        self.tol_box.setToolTip(self.tr("The tolerance for the gradient (press Enter)"))
        self.param.setItemText(0, self.tr("w11 (homework)"))
        self.param.setItemText(1, self.tr("the selected parameter"))
        self.param.setItemText(2, self.tr("all weights"))
        for widget, name in (
            (self.timeline, self.tr("Timeline: the step on show")),
            (self.lr_slider, self.tr("Learning rate, on a log scale")),
            (self.lr_box, self.tr("Learning rate")),
            (self.speed, self.tr("Play speed, steps a second")),
            (self.max_steps, self.tr("Stop after this many steps")),
            (self.use_tol, self.tr("Also stop when the gradient is small")),
            (self.tol_box, self.tr("Gradient tolerance")),
            (self.param, self.tr("Descend on")),
        ):
            widget.setAccessibleName(name)  # what a screen reader says; the tooltip explains
            widget.setAccessibleDescription(widget.toolTip())
        run_bar, settings, _optimizer = self.toolbars
        run_bar.setWindowTitle(self.tr("Descent"))
        settings.setWindowTitle(self.tr("Descent settings"))
        self._lr_label.setText(self.tr(" learning rate "))
        self._on_label.setText(self.tr(" descend on "))
        self.optimizer.retranslate()
        self.show_state(self.session.snapshot)

    def _new_drag(self) -> None:
        self._drag += 1

    def _slid_lr(self, tick: int) -> None:
        gesture = self._drag if self.lr_slider.isSliderDown() else None
        self.session.descent.set_learning_rate(tick_to_lr(tick), gesture)

    def ranges(self) -> dict[QWidget, str]:
        """What each field takes, said with its refusals."""
        return {
            self.lr_box: self.tr("The learning rate takes a number from 0.0001 to 100."),
            self.speed: self.tr("The speed takes a whole number of steps a second, 1 to 1000."),
            self.max_steps: self.tr("Play stops after a whole number of steps, 1 to %1.").replace(
                "%1", str(MAX_STEPS)
            ),
            self.tol_box: self.tr("The tolerance takes a number above 0, such as 1e-06."),
        }

    def _refuse(self, field: QWidget, why: str) -> None:
        self.bubble.say(field, f"{why} {self.ranges()[field]}")

    def _typed_lr(self) -> None:
        v, why = read(self.lr_box.text(), *LR_RANGE)
        if v is None:
            self.lr_box.revert()
            self._refuse(self.lr_box, why)
            return
        if v != self.session.snapshot.lr:  # (leaving the field confirms the old value again)
            self.bubble.hide()
            self.session.descent.set_learning_rate(v)
        self.lr_box.revert()  # as the app writes it: "0,1" typed reads 0.1

    def _typed_tol(self) -> None:
        tol, why = read(self.tol_box.text(), 0.0, None, above=True)
        if tol is None:
            self.tol_box.revert()
            self._refuse(self.tol_box, why)
            return
        settings = self.session.snapshot.settings
        if tol != settings.tol:
            self.bubble.hide()
            self.session.descent.set_stop_rule(tol=tol, use_tol=settings.use_tol)
        self.tol_box.revert()

    def _bias_modes(self, snap: Snapshot) -> None:
        """Offer descent on each bias the network has (and only on those)."""
        for name, text in (("b", self.tr("the conv bias b")), ("c", self.tr("the head bias c"))):
            index = self.param.findData(name)
            if snap.params.has(name) and index < 0:
                self.param.addItem(text, name)
            elif not snap.params.has(name) and index >= 0:
                self.param.removeItem(index)

    def show_state(self, snap: Snapshot) -> None:
        d = snap.descent
        playing = d.playing
        if playing != self._icon_playing:  # a new QIcon each frame fills QPixmapCache
            self._icon_playing = playing
            self.play.setIcon(self._icons[playing])
            self.play.setText(self.tr("Pause") if playing else self.tr("Play"))
        with QSignalBlocker(self.timeline):
            self.timeline.setRange(0, len(d.run) - 1)
            self.timeline.setValue(d.cursor)
        self.step_label.setText(
            self.tr("step %1 of %2").replace("%1", str(d.step)).replace("%2", str(d.run.last_step))
        )
        with QSignalBlocker(self.lr_slider):
            self.lr_slider.setValue(lr_to_tick(snap.lr))
        if not self.lr_box.hasFocus():
            self.lr_box.setText(fmt(snap.lr))
        for box, value in ((self.speed, round(d.speed)), (self.max_steps, d.max_steps)):
            if box.value() != value and not box.lineEdit().hasFocus():  # never overwrite
                with QSignalBlocker(box):  # what is being typed; the same value repaints it
                    box.setValue(value)
        with QSignalBlocker(self.use_tol):
            self.use_tol.setChecked(snap.settings.use_tol)
        if not self.tol_box.hasFocus():
            self.tol_box.setText(fmt(snap.settings.tol))
        with QSignalBlocker(self.param):
            self._bias_modes(snap)
            self.param.setCurrentIndex(max(0, self.param.findData(d.mode)))
        with QSignalBlocker(self.log):
            self.log.setChecked(snap.log_scale)
        self.clear.setEnabled(bool(d.ghosts))
        self.keep.setEnabled(len(d.run) > 1)
