"""The descent toolbars and keyboard: play, step, timeline, learning rate, speed, stop rule.

Every control calls a Session verb; every control is set back from the snapshot under a
``QSignalBlocker``, so nothing here holds state of its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSlider,
    QSpinBox,
    QToolBar,
)

from core.descent import ALL_WEIGHTS
from core.numfmt import fmt
from core.parse import ParseError
from core.parse import parse_number as core_parse
from core.settings_format import MAX_STEPS

from ..actions import make_action
from ..look.icons import transport_icon
from ..state.descent_data import FOLLOW_SELECTION, LR_RANGE, SPEED_RANGE
from ..state.session import Session, Snapshot

LR_TICKS = 600  # the log slider's resolution: 100 positions per decade


def lr_to_tick(lr: float) -> int:
    lo, hi = (math.log10(v) for v in LR_RANGE)
    return round((math.log10(lr) - lo) / (hi - lo) * LR_TICKS)


def tick_to_lr(tick: int) -> float:
    lo, hi = (math.log10(v) for v in LR_RANGE)
    return float(f"{10 ** (lo + (hi - lo) * tick / LR_TICKS):.3g}")


def parse_number(text: str) -> float | None:
    """A typed number read as the diagram reads one (core.parse), or None if refused."""
    try:
        return core_parse(text)
    except ParseError:
        return None


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
            self.tr("Play"),
            [Qt.Key.Key_Space],
            session.descent.toggle_play,
            self.tr("Play or pause the descent"),
            icon=self._icons[False],
        )
        self.back = make_action(
            window,
            self.tr("Step back"),
            [Qt.Key.Key_Left, Qt.Key.Key_PageUp],
            session.descent.step_back,
            self.tr("Show the previous step"),
            icon=transport_icon("back", window),
        )
        self.step = make_action(
            window,
            self.tr("Step"),
            [Qt.Key.Key_Right, Qt.Key.Key_PageDown],
            session.descent.step,
            self.tr("Take one descent step"),
            icon=transport_icon("forward", window),
        )
        self.reset = make_action(
            window,
            self.tr("Reset"),
            [Qt.Key.Key_R],
            session.descent.reset,
            self.tr("Back to the start; forget the recorded steps"),
            icon=transport_icon("first", window),
        )
        self.keep = make_action(
            window,
            self.tr("Keep this run"),
            [Qt.Key.Key_K],
            session.descent.keep_run,
            self.tr("Keep this run as a ghost to compare with the next"),
        )
        self.clear = make_action(
            window,
            self.tr("Clear kept runs"),
            ["Shift+K"],
            session.descent.clear_runs,
            self.tr("Remove every kept run"),
        )
        self.log = make_action(
            window,
            self.tr("Log scale"),
            ["Shift+L"],
            session.set_log_scale,
            self.tr("Show the loss against step on a log scale"),
            checkable=True,
        )

        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setMinimumWidth(220)
        self.timeline.setToolTip(self.tr("Scrub through the recorded steps; every panel follows"))
        self.timeline.valueChanged.connect(session.descent.seek)
        self.step_label = QLabel()
        self.step_label.setMinimumWidth(150)
        self.step_label.setToolTip(self.tr("The step shown and the last step recorded"))

        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        self.lr_slider.setMinimumWidth(160)
        self.lr_slider.setRange(0, LR_TICKS)
        self.lr_slider.setToolTip(
            self.tr(
                "Learning rate, 1e-4 to 100 on a log scale; the dashed "
                "path shows where it will take the descent"
            )
        )
        self._drag = 0
        self.lr_slider.sliderPressed.connect(self._new_drag)
        self.lr_slider.valueChanged.connect(self._slid_lr)
        self.lr_box = QLineEdit()
        self.lr_box.setMaximumWidth(80)
        self.lr_box.setToolTip(self.tr("Type a learning rate (1e-4 to 100) and press Enter"))
        self.lr_box.editingFinished.connect(self._typed_lr)

        self.speed = QSpinBox()
        self.speed.setRange(int(SPEED_RANGE[0]), int(SPEED_RANGE[1]))
        self.speed.setSuffix(self.tr(" steps/s"))
        self.speed.setToolTip(self.tr("Steps per second while playing (1 to 1000)"))
        self.speed.valueChanged.connect(session.descent.set_speed)

        self.max_steps = QSpinBox()
        self.max_steps.setRange(1, MAX_STEPS)
        self.max_steps.setPrefix(self.tr("stop after "))
        self.max_steps.setSuffix(self.tr(" steps"))
        self.max_steps.setToolTip(self.tr("Play stops after this many steps"))
        self.use_tol = QCheckBox(self.tr("or |gradient| <"))
        self.use_tol.setToolTip(self.tr("Also stop once every |gradient| is below the tolerance"))
        self.tol_box = QLineEdit()
        self.tol_box.setMaximumWidth(70)
        self.tol_box.setToolTip(self.tr("The tolerance for the gradient (press Enter)"))
        self.max_steps.valueChanged.connect(lambda n: session.descent.set_stop_rule(max_steps=n))
        self.use_tol.toggled.connect(lambda on: session.descent.set_stop_rule(use_tol=on))
        self.tol_box.editingFinished.connect(self._typed_tol)

        self.param = QComboBox()
        self.param.addItem(self.tr("w11 (homework)"), "w11")
        self.param.addItem(self.tr("the selected parameter"), FOLLOW_SELECTION)
        self.param.addItem(self.tr("all weights"), ALL_WEIGHTS)
        self.param.setToolTip(
            self.tr(
                "Which parameter descends: w11, the parameter selected in "
                "the diagram, or w11..w22 and wa..wd together"
            )
        )
        self.param.currentIndexChanged.connect(
            lambda i: session.descent.set_descent_param(self.param.itemData(i))
        )

        run_bar = QToolBar(self.tr("Descent"), window)
        run_bar.setObjectName("descent_run")
        for a in (self.reset, self.back, self.play, self.step):
            run_bar.addAction(a)
        run_bar.addWidget(self.timeline)
        run_bar.addWidget(self.step_label)
        run_bar.addSeparator()
        run_bar.addAction(self.keep)
        run_bar.addAction(self.clear)
        run_bar.addAction(self.log)
        settings = QToolBar(self.tr("Descent settings"), window)
        settings.setObjectName("descent_settings")
        settings.addWidget(QLabel(self.tr(" learning rate ")))
        settings.addWidget(self.lr_slider)
        settings.addWidget(self.lr_box)
        settings.addSeparator()
        settings.addWidget(self.speed)
        settings.addSeparator()
        for w in (self.max_steps, self.use_tol, self.tol_box):
            settings.addWidget(w)
        settings.addSeparator()
        settings.addWidget(QLabel(self.tr(" descend on ")))
        settings.addWidget(self.param)
        window.addToolBar(run_bar)
        window.addToolBarBreak()
        window.addToolBar(settings)
        self.toolbars = (run_bar, settings)
        session.state_changed.connect(self.show_state)
        self.show_state(session.snapshot)

    def _new_drag(self) -> None:
        self._drag += 1

    def _slid_lr(self, tick: int) -> None:
        gesture = self._drag if self.lr_slider.isSliderDown() else None
        self.session.descent.set_learning_rate(tick_to_lr(tick), gesture)

    def _typed_lr(self) -> None:
        v = parse_number(self.lr_box.text())
        if v is None or not LR_RANGE[0] <= v <= LR_RANGE[1]:
            self.lr_box.setText(fmt(self.session.snapshot.lr))
            self.lr_box.setToolTip(self.tr("Type a learning rate from 1e-4 to 100"))
            return
        self.session.descent.set_learning_rate(v)

    def _typed_tol(self) -> None:
        tol = parse_number(self.tol_box.text())
        settings = self.session.snapshot.settings
        if tol is None or not tol > 0:
            self.tol_box.setText(fmt(settings.tol))
            return
        self.session.descent.set_stop_rule(tol=tol, use_tol=settings.use_tol)

    def show_state(self, snap: Snapshot) -> None:
        d = snap.descent
        playing = d.playing
        self.play.setText(self.tr("Pause") if playing else self.tr("Play"))
        if playing != self._icon_playing:  # a new QIcon each frame fills QPixmapCache
            self._icon_playing = playing
            self.play.setIcon(self._icons[playing])
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
        with QSignalBlocker(self.speed):
            self.speed.setValue(round(d.speed))
        with QSignalBlocker(self.max_steps):
            self.max_steps.setValue(d.max_steps)
        with QSignalBlocker(self.use_tol):
            self.use_tol.setChecked(snap.settings.use_tol)
        if not self.tol_box.hasFocus():
            self.tol_box.setText(fmt(snap.settings.tol))
        with QSignalBlocker(self.param):
            self.param.setCurrentIndex(max(0, self.param.findData(d.mode)))
        with QSignalBlocker(self.log):
            self.log.setChecked(snap.log_scale)
        self.clear.setEnabled(bool(d.ghosts))
        self.keep.setEnabled(len(d.run) > 1)
