"""The one immutable snapshot of the app's state, and the descent view the plots draw from it.

Everything a scenario saves or a view shows is a field here (or an immutable value held by
one): the run and the cursor on it, the selection, the learning rate, the descent settings,
the kept runs, the view options, the walkthrough step and the quiz. The Session replaces the
snapshot on every change and emits it; views only read it. Derived values (the forward pass,
the gradients, the paths, the prediction) are computed on first use and cached in it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from core.descent import ALL_WEIGHTS, Trajectory
from core.history import Run
from core.model import Forward, Params, forward, gradients
from core.paths import Path, paths
from core.quiz import concealed, graph, net
from core.settings_format import DescentSettings
from core.walkthrough import Step, steps

from .descent_data import Ghost


class Prediction:
    """Where the learning rate will take the run from the cursor, computed when first asked."""

    def __init__(self, compute: Callable[[], Trajectory], start: int):
        self._compute = compute
        self._value: Trajectory | None = None
        self.start = start  # the step the prediction starts at

    @property
    def value(self) -> Trajectory:
        if self._value is None:
            self._value = self._compute()
        return self._value


@dataclass(frozen=True, eq=False)
class Descent:
    """What the descent views draw: a read-only window on a :class:`Snapshot`."""

    snap: Snapshot

    @property
    def run(self) -> Run:
        return self.snap.run

    @property
    def cursor(self) -> int:
        return self.snap.cursor

    @property
    def param(self) -> str:
        return self.snap.run.param

    @property
    def mode(self) -> str:
        return self.snap.settings.mode

    @property
    def speed(self) -> float:
        return self.snap.settings.speed

    @property
    def max_steps(self) -> int:
        return self.snap.settings.max_steps

    @property
    def tol(self) -> float | None:
        return self.snap.settings.stop_tol

    @property
    def ghosts(self) -> tuple[Ghost, ...]:
        return self.snap.ghosts

    @property
    def playing(self) -> bool:
        return self.snap.playing

    @property
    def banner(self) -> str:
        return self.snap.banner

    @property
    def status(self) -> str:
        return self.snap.status

    @property
    def prediction(self) -> Trajectory:
        return self.snap.prediction.value

    @property
    def predicted_from(self) -> int:
        return self.snap.prediction.start

    @property
    def step(self) -> int:
        return int(self.snap.run.steps[self.snap.cursor])

    @property
    def x_name(self) -> str:
        """The parameter on the horizontal axis of the loss curve."""
        return "w11" if self.param == ALL_WEIGHTS else self.param


def _no_prediction() -> Trajectory:
    raise RuntimeError("no prediction was set")


@dataclass(frozen=True)
class Snapshot:
    """Everything a view needs to draw; ``params`` is the run's state at the cursor."""

    run: Run
    cursor: int = 0
    selected: str = "w11"  # the parameter whose paths are lit
    path: int | None = None  # index into ``paths`` of the spotlit path, or None for all
    lr: float = 0.5
    name: str = ""
    description: str = ""
    settings: DescentSettings = DescentSettings()
    ghosts: tuple[Ghost, ...] = ()
    log_scale: bool = False  # the loss-against-step plot's vertical axis
    extras: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: The opened file's keys this version does not read, written back as found
    #: (:attr:`core.scenario.Scenario.unknown`).
    unknown: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    playing: bool = False
    banner: str = ""  # why play stopped on a diverging step, or ""
    status: str = ""  # a calm note: stopped after N steps, converged, ...
    prediction: Prediction = field(default_factory=lambda: Prediction(_no_prediction, 0))
    walk: int | None = None  # the walkthrough step on show, or None outside the walkthrough
    hidden: frozenset[str] = frozenset()  # quiz values shown as "?" (core.quiz keys)

    @cached_property
    def params(self) -> Params:
        return self.run.params_at(self.cursor)

    @property
    def start(self) -> Params:
        """The scenario's values: step 0 of the run."""
        return self.run.start

    @property
    def step(self) -> int:
        return int(self.run.steps[self.cursor])

    @property
    def descent(self) -> Descent:
        # not cached: a cached view holding its snapshot would make a reference cycle, and
        # every superseded snapshot (with its run) would wait for the cycle collector
        return Descent(self)

    @cached_property
    def forward(self) -> Forward:
        return forward(self.params)

    @cached_property
    def gradients(self) -> Mapping[str, float]:
        return gradients(self.params, self.forward)

    @cached_property
    def paths(self) -> tuple[Path, ...]:
        return paths(self.params, self.selected, self.forward)

    @cached_property
    def walk_steps(self) -> tuple[Step, ...]:
        """The walkthrough of the selected parameter; its last step is one update by the
        chosen optimizer, as a run started from these values would take it (fresh memory)."""
        return steps(self.params, self.selected, self.lr, self.settings.optimizer)

    @property
    def walk_index(self) -> int | None:
        """The walkthrough step on show, clamped to the steps of the current parameter."""
        if self.walk is None:
            return None
        return min(self.walk, len(self.walk_steps) - 1)

    @property
    def walk_step(self) -> Step | None:
        k = self.walk_index
        return None if k is None else self.walk_steps[k]

    @cached_property
    def concealed(self) -> frozenset[str]:
        """The hidden quiz values and every value that would give them away (core.quiz);
        asked by every node and path card of a frame, worked out once per snapshot."""
        if not self.hidden:
            return frozenset()
        network = net(self.params)
        known = graph(self.selected, network)  # a path hidden for another one may not exist here
        return concealed((h for h in self.hidden if h in known), self.selected, network)

    def value(self, name: str) -> float:
        return self.params.get(name)

    def document(self) -> tuple[Any, ...]:
        """What Save writes, as one comparable value: equal exactly when the files would be."""
        return (
            self.start,
            self.name,
            self.description,
            self.lr,
            self.selected,
            self.settings,
            self.ghosts,
            self.step,
            self.path,
            self.log_scale,
            json.dumps(dict(self.extras)),  # as written: {"a": true} and {"a": 1} differ
            json.dumps(dict(self.unknown)),
        )
