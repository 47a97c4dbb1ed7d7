"""The one owner of the app's state.

Views never change state themselves: a gesture calls a Session verb, the verb builds a new
immutable :class:`~gui.state.snapshot.Snapshot` with core's pure functions, and
``state_changed`` tells every view to redraw from it. Every verb that changes what Save would
write is one undoable :class:`~gui.state.commands.Change` (consecutive moves along the run,
one slider drag, merge into one), and :attr:`Session.modified` says exactly whether what Save
would write differs from what was last opened or saved.

The descent verbs are ``session.descent`` (:class:`~gui.state.descent_verbs.DescentVerbs`),
the walkthrough and quiz verbs ``session.lecture`` (:class:`~gui.state.lecture_verbs.LectureVerbs`),
the network's ``session.network`` (:class:`~gui.state.network_verbs.NetworkVerbs`):
plain objects that change the state only through the Session's public :meth:`Session.show`
and :meth:`Session.commit`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from core.model import check_value, parameters
from core.scenario import Scenario
from core.settings_format import settings_of, settings_section

from .commands import Change, Text
from .descent_data import ghost_from_dict, ghost_to_dict
from .descent_verbs import DescentVerbs
from .lecture_verbs import LectureVerbs
from .live_run import LiveRun
from .network_verbs import NetworkVerbs
from .said import again
from .snapshot import Snapshot

__all__ = ["Session", "Snapshot"]

UNDO_LIMIT = 500


def preset_text(text: str) -> str:
    """A preset's name or description (``core.presets.TEXTS``) in the interface language; any
    other text (a scenario file's own name) as written."""
    return QCoreApplication.translate("Presets", text) if text else text


class Session(QObject):
    """Holds the current :class:`Snapshot` and the verbs that change it."""

    state_changed = Signal(object)  # the new Snapshot
    modified_changed = Signal(bool)

    def __init__(self, scenario: Scenario, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        settings = settings_of(scenario.descent)
        self._run = LiveRun(scenario.params, settings.param(scenario.selected))
        self._preview: tuple[str, Snapshot, Hashable] | None = None  # name, start, merge key
        self._gestures = 0
        self._snap = Snapshot(self._run.view())
        self.descent = DescentVerbs(self)
        self.lecture = LectureVerbs(self)
        self.network = NetworkVerbs(self)
        self._snap = self._opened(scenario)
        self._saved: tuple[Any, ...] | None = self._snap.document()
        self._modified = False

    # -- reading ---------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        return self._snap

    @property
    def run(self) -> LiveRun:
        """The record behind the snapshot's run (for the descent verbs)."""
        return self._run

    @property
    def modified(self) -> bool:
        """Whether what Save would write differs from what was last opened or saved."""
        return self._modified

    def scenario(self) -> Scenario:
        """What Save writes: the scenario's values (step 0), settings, kept runs and view."""
        s = self._snap
        descent = {
            **settings_section(s.settings),
            "runs": [ghost_to_dict(g) for g in s.ghosts],
            "step": s.step,
        }
        view = {"path": s.path, "log_scale": s.log_scale}
        return Scenario(
            s.start,
            s.name,
            s.description,
            s.lr,
            s.selected,
            dict(s.extras),
            descent,
            view,
            dict(s.unknown),
        )

    # -- the only places state is replaced ---------------------------------------------------
    def show(self, snap: Snapshot) -> None:
        """Put ``snap`` on show without an undo entry (play, the walkthrough, the quiz)."""
        snap = self.descent.with_prediction(self._snap, snap)
        if snap == self._snap:
            return
        self._run.adopt(snap.run)
        self._snap = snap
        self.state_changed.emit(snap)
        modified = snap.document() != self._saved
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def retranslate_history(self) -> None:
        """Name every undo entry again in the current language (Edit > Undo says it)."""
        stack = self.undo_stack
        for k in range(stack.count()):
            command = stack.command(k)
            if isinstance(command, Change):
                command.retranslate()
        stack.undoTextChanged.emit(stack.undoText())
        stack.redoTextChanged.emit(stack.redoText())
        s = self._snap
        self.show(replace(s, banner=again(s.banner), status=again(s.status)))

    def commit(
        self,
        text: Text,
        after: Snapshot,
        merge: Hashable | None = None,
        before: Snapshot | None = None,
    ) -> None:
        """Show ``after`` as one undoable change (or extend the last one, by ``merge``)."""
        if self._preview is not None and merge != self._preview[2]:
            self._preview = None  # another change ends a scrub; its entry stays as it is
        before = self._snap if before is None else before
        self.show(after)
        if self._snap.document() == before.document():
            return
        top = self._top(merge)
        if top is None:
            self.undo_stack.push(Change(self, text, before, self._snap, merge))
            return
        top.extend(self._snap, text)
        if top.after.document() == top.before.document():  # back where the gesture began
            top.setObsolete(True)
            self.undo_stack.undo()  # an obsolete command is dropped when undone
        else:
            self.undo_stack.undoTextChanged.emit(self.undo_stack.undoText())

    def _top(self, merge: Hashable | None) -> Change | None:
        """The entry on top of the undo stack if the next change of ``merge`` extends it."""
        stack = self.undo_stack
        n = stack.index()
        if merge is None or n == 0 or n != stack.count():
            return None
        top = stack.command(n - 1)
        return top if isinstance(top, Change) and top.merge == merge else None

    def restore(self, snap: Snapshot) -> None:
        """Bring back an earlier snapshot (undo, redo); the walkthrough and quiz stay."""
        self.descent.stop_playing()
        self._preview = None
        now = self._snap
        self.show(replace(snap, walk=now.walk, hidden=now.hidden, playing=False))

    def redraw(self) -> None:
        """Every view draws the snapshot again (after the interface language changed)."""
        self.state_changed.emit(self._snap)

    def mark_unsaved(self) -> None:
        """What is on show is in no file yet (recovered work): Save is needed to keep it."""
        self._saved = None
        if not self._modified:
            self._modified = True
            self.modified_changed.emit(True)

    def mark_saved(self) -> None:
        """What is on show now is what the file holds (after opening or saving it)."""
        self._saved = self._snap.document()
        if self._modified:
            self._modified = False
            self.modified_changed.emit(False)

    # -- scenarios ---------------------------------------------------------------------------
    def _opened(self, scenario: Scenario) -> Snapshot:
        """The snapshot of a freshly opened ``scenario``, replayed to its saved step."""
        settings = settings_of(scenario.descent)
        snap = Snapshot(
            self._run.restart(scenario.params, settings.param(scenario.selected)),
            selected=scenario.selected,
            lr=scenario.learning_rate,
            name=scenario.name,
            description=scenario.description,
            settings=settings,
            ghosts=tuple(
                ghost_from_dict(r, scenario.params) for r in scenario.descent.get("runs", [])
            ),
            log_scale=bool(scenario.view.get("log_scale", False)),
            extras=MappingProxyType(dict(scenario.extras)),
            unknown=MappingProxyType(dict(scenario.unknown)),
        )
        path = scenario.view.get("path")
        if path is not None and 0 <= path < len(snap.paths):
            snap = replace(snap, path=path)
        snap = self.descent.replayed(snap, int(scenario.descent.get("step", 0)))
        return self.descent.with_prediction(None, snap)

    def load_scenario(self, scenario: Scenario, text: Text | None = None) -> None:
        """Open ``scenario`` as a new, unmodified document; one undoable change."""
        self._preview = None
        self.descent.stop_playing()
        title = text or (
            lambda: self.tr("Load %1").replace(
                "%1", preset_text(scenario.name) or self.tr("scenario")
            )
        )
        now = self._snap
        after = replace(self._opened(scenario), walk=now.walk, hidden=now.hidden)
        self.commit(title, after)
        self.mark_saved()

    # -- values ------------------------------------------------------------------------------
    def _edited(self, name: str, value: float) -> Snapshot:
        """The values on show with ``name = value``, as the start of a new run."""
        s = self._snap
        start = s.params.with_value(name, value)
        run = self._run.restart(start, s.settings.param(s.selected))
        return replace(s, run=run, cursor=0, banner="", status="", playing=False)

    def set_value(self, name: str, value: float) -> None:
        """Commit ``name = value`` as one undoable change. Raises ValueError if refused.

        Editing while the cursor is past step 0 starts a new run from the values on show with
        the change (the undo entry says so); undo brings the old run back. The end of a scrub
        of ``name`` lands in the scrub's entry.
        """
        value = check_value(name, value, self._snap.params)
        if self._preview is not None and self._preview[0] != name:
            self._preview = None  # a scrub of another value ends; its entry stays
        if value != self._snap.value(name):
            self._show_value(name, value)
        self._preview = None

    def preview_value(self, name: str, value: float) -> None:
        """Show ``name = value`` live during a scrub (a drag, or wheel turns before a pause).

        The scrub is one undo entry from its first move, so undo, or any other change made
        before it ends, never loses it or folds it into another entry.
        """
        value = check_value(name, value, self._snap.params)
        if self._preview is None or self._preview[0] != name:
            self._gestures += 1
            self._preview = (name, self._snap, ("scrub", self._gestures))
        self._show_value(name, value)

    def _show_value(self, name: str, value: float) -> None:
        """Show ``name = value`` as one undo entry, merged into the scrub of ``name`` if any."""
        start, gesture = self._snap, None
        if self._preview is not None:
            _, start, gesture = self._preview
        self.descent.stop_playing()
        self.commit(self._set_text(name, start), self._edited(name, value), merge=gesture)

    def _set_text(self, name: str, start: Snapshot) -> Callable[[], str]:
        step = start.step

        def text() -> str:
            if step:
                return self.tr("Set %1 at step %2").replace("%2", str(step)).replace("%1", name)
            return self.tr("Set %1").replace("%1", name)

        return text

    def cancel_preview(self) -> None:
        """Abandon a scrub: restore the state it started from, and drop its undo entry."""
        if self._preview is not None:
            name, start, gesture = self._preview
            start = replace(start, playing=False)  # the scrub stopped play
            self.commit(self._set_text(name, start), start, merge=gesture)
            self._preview = None

    # -- what is lit and shown ----------------------------------------------------------------
    def select(self, name: str) -> None:
        """Light the backprop paths into ``name`` (a run following the selection restarts)."""
        if name not in parameters(self._snap.params):
            raise KeyError(f"{name!r} has no gradient")
        s = self._snap
        if name == s.selected:
            return
        after = replace(s, selected=name, path=None)
        if s.settings.param(name) != s.run.param:
            after = self.descent.restarted(after)
        self.commit(lambda: self.tr("Select %1").replace("%1", name), after, merge="select")

    def select_path(self, index: int | None) -> None:
        """Spotlight path ``index`` alone (None: show every path). Out of range is ignored."""
        if index is not None and not 0 <= index < len(self._snap.paths):
            return

        def text() -> str:
            if index is None:
                return self.tr("Show all paths")
            return self.tr("Show path %1 alone").replace("%1", str(index + 1))

        self.commit(text, replace(self._snap, path=index))

    def set_log_scale(self, on: bool) -> None:
        """Show the loss against step on a log axis (a view option saved with the scenario)."""
        self.commit(lambda: self.tr("Log scale"), replace(self._snap, log_scale=bool(on)))
