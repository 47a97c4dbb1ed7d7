"""The landscape tab: two combo boxes choosing the values, the optimizer's memory as numbers,
and the landscape view (:mod:`.landscape_plot`) following every snapshot.

The two names are the view's own choice, like its pan and zoom: they change what is shown,
not what Save writes. The range follows the run (every point of it, the prediction and the
kept runs, with a margin) until the person pans or zooms; a new run follows again. A click
on the map starts a run there: both values set as one undo step (``session.descent.start_at``).
Nothing is computed while the tab is behind another one; showing it catches up.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.descent import ALL_WEIGHTS, weights
from core.landscape import around
from core.numfmt import fmt
from core.params import editable

from ..look.palette import FONT_PT, MUTED
from ..state.descent_data import coordinate
from ..state.descent_optimizer import memory_meanings, optimizer_label, short_name
from ..state.said import refusal
from ..state.session import Session, Snapshot
from .fields import WIDEST
from .landscape_plot import LandscapeView

DISPLAY_POINTS = 1500
#: The least margin around the run, in the values' units: a run that has not moved yet still
#: shows the landscape around it.
LEAST = 0.15
#: The view is fitted again once it is this many times wider (or taller) than the run needs.
LOOSE = 6.0


def _round_to(value: float, span: float) -> float:
    """``value`` to three significant figures of ``span`` (a click lands on a plain number)."""
    if span <= 0 or not math.isfinite(span):
        return value
    step = 10.0 ** (math.floor(math.log10(span)) - 2)
    return float(f"{round(value / step) * step:.12g}")


class LandscapePanel(QWidget):
    """The landscape tab of the descent dock."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.names = ["w11", "w12"]
        self.x_box, self.y_box = QComboBox(), QComboBox()
        for box in (self.x_box, self.y_box):
            box.setSizeAdjustPolicy(WIDEST)  # a bias's name comes and goes with the network
        for box, axis in ((self.x_box, 0), (self.y_box, 1)):
            box.currentIndexChanged.connect(lambda _i, a=axis: self._chose(a))
        self.memory_label = QLabel()
        self.memory_label.setStyleSheet(f"color: {MUTED}; font-size: {FONT_PT}pt;")
        self.memory_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = LandscapeView()
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        self._across, self._up = QLabel(), QLabel()
        self._texts()
        for w in (self._across, self.x_box, self._up, self.y_box):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.memory_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._followed = True  # the range follows the run until the person pans or zooms
        self._run: object = None
        self._snap: Snapshot | None = None
        self._map_timer = QTimer(self)
        self._map_timer.setSingleShot(True)
        self._map_timer.setInterval(0)
        self._map_timer.timeout.connect(self._redraw_map)
        vb = self.view.vb
        vb.sigRangeChangedManually.connect(self._moved)
        vb.sigRangeChanged.connect(lambda *_: self._map_timer.start())
        vb.sigResized.connect(lambda *_: self._map_timer.start())  # the arrows' pixel length
        self.view.scene().sigMouseClicked.connect(self._clicked)
        session.state_changed.connect(self.show_state)
        self.show_state(session.snapshot)

    # -- choosing ------------------------------------------------------------------------
    def _fill_boxes(self, snap: Snapshot) -> None:
        names = list(editable(snap.params))
        for box, chosen in ((self.x_box, self.names[0]), (self.y_box, self.names[1])):
            with QSignalBlocker(box):
                if [box.itemData(i) for i in range(box.count())] != names:
                    box.clear()
                    for n in names:
                        box.addItem(n, n)
                box.setCurrentIndex(max(0, box.findData(chosen)))

    def _chose(self, axis: int) -> None:
        box = self.x_box if axis == 0 else self.y_box
        name = box.currentData()
        if name is None or name == self.names[axis]:
            return
        other = 1 - axis
        if name == self.names[other]:  # the same value on both axes: swap them
            self.names[other] = self.names[axis]
        self.names[axis] = name
        self.set_names(*self.names)

    def set_names(self, x: str, y: str) -> None:
        """Show the landscape over ``x`` (across) and ``y`` (up); the range follows again."""
        if x == y:
            raise ValueError(f"both axes are {x}: choose two different values")
        self.names = [x, y]
        self._followed = True
        if self._snap is not None:
            self._fill_boxes(self._snap)
            self.draw(self._snap)

    # -- gestures ------------------------------------------------------------------------
    def _moved(self, *_args) -> None:
        self._followed = False

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        vb = self.view.vb
        pos = event.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        pt = vb.mapSceneToView(pos)
        (x0, x1), (y0, y1) = vb.viewRange()
        x, y = _round_to(pt.x(), x1 - x0), _round_to(pt.y(), y1 - y0)
        event.accept()
        try:
            self.session.descent.start_at({self.names[0]: x, self.names[1]: y})
        except ValueError as exc:
            self.memory_label.setText(refusal(exc))

    # -- drawing -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._snap is not None:
            self.draw(self._snap)

    def _texts(self) -> None:
        tip = QCoreApplication.translate(
            "Landscape", "Which value the landscape spans across / up; all others fixed"
        )
        for box in (self.x_box, self.y_box):
            box.setToolTip(tip)
        self.x_box.setAccessibleName(QCoreApplication.translate("Landscape", "Landscape across"))
        self.y_box.setAccessibleName(QCoreApplication.translate("Landscape", "Landscape up"))
        self.view.setToolTip(
            QCoreApplication.translate(
                "Landscape",
                "Click a point to start a run there; drag to pan, turn the wheel to zoom",
            )
        )
        self._across.setText(QCoreApplication.translate("Landscape", "across"))
        self._up.setText(QCoreApplication.translate("Landscape", "up"))

    def retranslate(self) -> None:
        """The fixed texts in the current language, and the view drawn again (its legend and
        memory line are made from the state)."""
        self._texts()
        self.view.retranslate()
        self.redraw()

    def show_state(self, snap: Snapshot) -> None:
        self._snap = snap
        if snap.run is not self._run and len(snap.run) == 1:
            self._followed = True  # a new run (an edit, a reset): the range follows it again
        self._run = snap.run
        if self.isVisible():
            self.draw(snap)

    def redraw(self) -> None:
        """Draw the snapshot on show again (after the theme changed)."""
        if self._snap is not None and self.isVisible():
            self.draw(self._snap, fit=False)

    def _redraw_map(self) -> None:
        if self._snap is not None and self.isVisible():
            self.draw(self._snap, fit=False)

    def coordinates(self, snap: Snapshot) -> dict[str, np.ndarray | None]:
        """The run up to the cursor and the prediction, over the two names."""
        d, x, y = snap.descent, *self.names
        run = d.run
        rows = run.rows(upto=d.cursor, max_points=DISPLAY_POINTS)
        pred = d.prediction.values
        out = {}
        for key, values, param in (("run", run.values[rows], run.param), ("pred", pred, run.param)):
            out[key + "x"] = coordinate(run.start, param, values, x)
            out[key + "y"] = coordinate(run.start, param, values, y)
        return out

    def draw(self, snap: Snapshot, fit: bool = True) -> None:
        self._fill_boxes(snap)
        x, y = self.names
        view, p = self.view, snap.params
        plot = view.getPlotItem()
        plot.setLabel("bottom", x)
        plot.setLabel("left", y)
        c = self.coordinates(snap)
        ghost_xy = [(g.along(x), g.along(y)) for g in snap.ghosts]
        if fit and self._followed:
            xs = [c["runx"], c["predx"], *(gx for gx, _ in ghost_xy)]
            ys = [c["runy"], c["predy"], *(gy for _, gy in ghost_xy)]
            xlim = around(np.concatenate([a for a in xs if a is not None]), least=LEAST)
            ylim = around(np.concatenate([a for a in ys if a is not None]), least=LEAST)
            if self._refit(xlim, ylim):
                with QSignalBlocker(view.vb):
                    view.vb.setRange(xRange=xlim, yRange=ylim, padding=0)
        hidden = snap.concealed
        view.draw_map(p, x, y, shown="MSE" not in hidden)
        legend = []
        for i, pair in enumerate(view.ghosts):
            if i < len(snap.ghosts) and ghost_xy[i][0] is not None:
                view.set_line(pair, *ghost_xy[i])
                legend.append((pair, snap.ghosts[i].label))
            else:
                view.set_line(pair, None, None)
        ahead = not ({"MSE", "after"} & hidden or any(h.startswith("dMSE") for h in hidden))
        view.set_line(view.predicted, c["predx"] if ahead else None, c["predy"])
        view.set_line(view.run, c["runx"], c["runy"])
        here = (p.get(x), p.get(y))
        view.point.setData([here[0]], [here[1]])
        g = snap.gradients
        grad_hidden = any(f"dMSE/d{n}" in hidden for n in (x, y))
        gradient = None if grad_hidden else (g.get(x, 0.0), g.get(y, 0.0))
        opt = snap.settings.optimizer
        memory = self._memory(snap)
        arrow = None if memory is None or grad_hidden else memory.get("m")
        view.draw_arrows(here, gradient, arrow)
        legend[:0] = [
            (
                view.run,
                QCoreApplication.translate("Landscape", "this run (%1)").replace(
                    "%1", optimizer_label(opt)
                ),
            )
        ]
        if ahead:
            legend.insert(1, (view.predicted, QCoreApplication.translate("Landscape", "predicted")))
        if gradient is not None:
            legend.append((view.gradient, QCoreApplication.translate("Landscape", "−gradient")))
        if arrow is not None:
            legend.append((view.memory, "−" + memory_meanings()[opt.name]["m"]))
        view.set_legend(legend)
        self._say_memory(snap, memory)

    def _refit(self, xlim: tuple[float, float], ylim: tuple[float, float]) -> bool:
        """Whether the view must move to hold ``xlim`` x ``ylim``: when they leave it, or it
        is far larger than they need. Otherwise the view (and the map computed over it) stays
        while the run moves inside it: play does not zoom a little on every step."""
        (x0, x1), (y0, y1) = self.view.vb.viewRange()
        inside = x0 <= xlim[0] and xlim[1] <= x1 and y0 <= ylim[0] and ylim[1] <= y1
        loose = x1 - x0 > LOOSE * (xlim[1] - xlim[0]) or y1 - y0 > LOOSE * (ylim[1] - ylim[0])
        return not inside or loose

    def _memory(self, snap: Snapshot) -> dict[str, tuple[float, float]] | None:
        """The optimizer's memory over the two names at the cursor (0 where a name does not
        descend), or None for plain gradient descent."""
        opt = snap.settings.optimizer
        if opt.name == "sgd":
            return None
        run = snap.run
        state = self.session.run.state_at(run, snap.cursor, snap.lr, opt)
        names = weights(run.start) if run.param == ALL_WEIGHTS else (run.param,)
        out = {}
        for part in ("m", "v"):
            values = np.zeros(len(names)) if state.memory is None else getattr(state.memory, part)
            pair = tuple(float(values[names.index(n)]) if n in names else 0.0 for n in self.names)
            out[part] = (pair[0], pair[1])
        return out

    def _say_memory(self, snap: Snapshot, memory) -> None:
        opt = snap.settings.optimizer
        if memory is None:
            text = QCoreApplication.translate(
                "Landscape", "%1 keeps no memory: each step is −lr × gradient."
            ).replace("%1", short_name(opt))
        else:
            x, y = self.names
            parts = [
                f"{meaning} ({x}, {y}) = ({fmt(memory[k][0])}, {fmt(memory[k][1])})"
                for k, meaning in memory_meanings()[opt.name].items()
            ]
            text = QCoreApplication.translate("Landscape", "%1 at step %2: ").replace(
                "%1", short_name(opt)
            ).replace("%2", str(snap.step)) + "; ".join(parts)
        self.memory_label.setText(text)
        self.memory_label.setToolTip(text)
