"""The one owner of the app's mutable state.

Views never change state themselves: a gesture calls a Session verb, the verb computes a new
immutable :class:`Snapshot` from core, and ``state_changed`` tells every view to redraw from
it. Value edits go through a ``QUndoStack`` so each gesture is one undoable change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.model import EDITABLE, PARAMETERS, Forward, Params, check_value, forward, gradients
from core.paths import Path, paths
from core.scenario import Scenario
from core.walkthrough import Step, steps

from .commands import LoadScenario
from .descent_data import Descent
from .descent_state import DescentMixin
from .lecture_state import LectureMixin


@dataclass(frozen=True)
class Snapshot:
    """Everything a view needs to draw, computed once per change."""

    params: Params
    selected: str = "w11"  # the parameter whose paths are lit
    path: int | None = None  # index into ``paths`` of the spotlit path, or None for all
    lr: float = 0.5
    name: str = ""
    description: str = ""
    descent: Descent | None = None  # the live run; ``params`` is its state at the cursor
    walk: int | None = None  # the walkthrough step on show, or None outside the walkthrough
    hidden: frozenset[str] = frozenset()  # quiz values shown as "?" (core.quiz keys)
    log_scale: bool = False  # the loss-against-step plot's vertical axis

    @cached_property
    def forward(self) -> Forward:
        return forward(self.params)

    @cached_property
    def gradients(self):
        return gradients(self.params, self.forward)

    @cached_property
    def paths(self) -> tuple[Path, ...]:
        return paths(self.params, self.selected, self.forward)

    @cached_property
    def walk_steps(self) -> tuple[Step, ...]:
        return steps(self.params, self.selected, self.lr)

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

    def value(self, name: str) -> float:
        return self.params.get(name)


class _SetValue(QUndoCommand):
    """One committed edit of one value; redo and undo restore whole parameter sets."""

    def __init__(self, session: Session, name: str, before: Params, after: Params):
        super().__init__(session.tr("Set %1").replace("%1", name))
        self._session, self._before, self._after = session, before, after

    def redo(self):
        self._session._set_params(self._after)

    def undo(self):
        self._session._set_params(self._before)


class Session(QObject, DescentMixin, LectureMixin):
    """Holds the current :class:`Snapshot` and the verbs that change it.

    The descent verbs (step, play, seek, keep_run, ...) are in :class:`DescentMixin`; the
    walkthrough and quiz verbs, which never change the parameters, in :class:`LectureMixin`.
    """

    state_changed = Signal(object)  # the new Snapshot

    def __init__(self, scenario: Scenario, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._snap = Snapshot(
            scenario.params,
            scenario.selected,
            None,
            scenario.learning_rate,
            scenario.name,
            scenario.description,
        )
        self._preview_start: Params | None = None
        self._init_descent(scenario.params)
        self._apply_scenario(scenario)

    @property
    def snapshot(self) -> Snapshot:
        return self._snap

    # -- internal: the only place state is replaced ------------------------------------
    def _replace(self, **changes) -> None:
        new = replace(self._snap, **changes)
        if new == self._snap:
            return
        self._snap = new
        self.state_changed.emit(new)

    def _set_params(self, params: Params) -> None:
        """An edited state becomes the start of a new run."""
        if params != self._snap.params:
            self._restart(params)

    # -- verbs -------------------------------------------------------------------------
    def set_value(self, name: str, value: float) -> None:
        """Commit ``name = value`` as one undoable change. Raises ValueError if refused."""
        value = check_value(name, value)
        before = self._preview_start or self._snap.params
        self._preview_start = None
        after = self._snap.params.with_value(name, value)
        if after == before:
            self._set_params(after)
            return
        self.undo_stack.push(_SetValue(self, name, before, after))

    def preview_value(self, name: str, value: float) -> None:
        """Show ``name = value`` live during a scrub; :meth:`set_value` commits it once."""
        value = check_value(name, value)
        if self._preview_start is None:
            self._preview_start = self._snap.params
        self._set_params(self._snap.params.with_value(name, value))

    def cancel_preview(self) -> None:
        """Abandon a scrub: restore the value it started from."""
        if self._preview_start is not None:
            start, self._preview_start = self._preview_start, None
            self._set_params(start)

    def select(self, name: str) -> None:
        """Light the backprop paths into ``name``."""
        if name not in PARAMETERS:
            raise KeyError(f"{name!r} has no gradient")
        if name != self._snap.selected and self._descends_selection():
            self._restart(self._snap.params, selected=name, path=None)
            return
        self._replace(selected=name, path=None)

    def select_path(self, index: int | None) -> None:
        """Spotlight path ``index`` alone (None: show every path). Out of range is ignored."""
        if index is not None and not 0 <= index < len(self._snap.paths):
            return
        self._replace(path=index)

    def set_log_scale(self, on: bool) -> None:
        """Show the loss against step on a log axis (a view option saved with the scenario)."""
        self._replace(log_scale=bool(on))

    def load_scenario(self, scenario: Scenario, text: str | None = None) -> None:
        """Replace the whole state by ``scenario`` as one undoable change."""
        self._preview_start = None
        title = text or self.tr("Load %1").replace("%1", scenario.name or self.tr("scenario"))
        self.undo_stack.push(LoadScenario(self, self.scenario(), scenario, title))

    def _apply_scenario(self, scenario: Scenario) -> None:
        self._preview_start = None
        self._apply_descent_settings(scenario.descent)
        self._restart(
            scenario.params,
            selected=scenario.selected,
            path=None,
            lr=scenario.learning_rate,
            name=scenario.name,
            description=scenario.description,
            log_scale=bool(scenario.view.get("log_scale", False)),
        )
        path = scenario.view.get("path")
        if path is not None:
            self.select_path(path)

    def scenario(self) -> Scenario:
        """The current state as a :class:`Scenario` (for saving)."""
        s = self._snap
        view = {"path": s.path, "log_scale": s.log_scale}
        return Scenario(
            s.params, s.name, s.description, s.lr, s.selected, {}, self._descent_settings(), view
        )


__all__ = ["EDITABLE", "Session", "Snapshot"]
