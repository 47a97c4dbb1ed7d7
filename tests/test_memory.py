"""Long play keeps a bounded amount of state alive, freed as it is superseded."""

from __future__ import annotations

import gc

from core.history import Run
from gui.state.snapshot import Snapshot


def alive(kind: type, before: set[int] = frozenset()) -> int:  # type: ignore[assignment]
    """How many ``kind`` objects exist that were not there ``before`` (other tests' windows
    may still hold theirs)."""
    return sum(1 for o in gc.get_objects() if isinstance(o, kind) and id(o) not in before)


def test_superseded_snapshots_and_runs_are_freed_at_once_not_by_the_cycle_collector(window):
    session = window.session
    session.descent.set_stop_rule(max_steps=1_000_000)
    session.descent.play()
    session.descent.player.stop()  # the test takes the steps a play tick would take
    gc.collect()
    earlier = {id(o) for o in gc.get_objects() if isinstance(o, (Snapshot, Run))}
    gc.disable()  # what a reference cycle kept alive would now pile up
    try:
        for _ in range(200):
            session.descent.advance(7)
            _ = session.snapshot.descent.prediction  # the views' reads, as a frame makes them
        assert session.snapshot.run.last_step == 1400
        assert alive(Snapshot, earlier) <= 6
        assert alive(Run, earlier) <= 6
    finally:
        gc.enable()
