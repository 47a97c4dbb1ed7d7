"""Long play keeps a bounded amount of state alive, freed as it is superseded; the window
loads and keeps nothing it does not show."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from core.history import Run
from gui.look.icons import transport_icon
from gui.state.snapshot import Snapshot

ROOT = Path(__file__).resolve().parent.parent


def alive(kind: type, besides: list[object] = []) -> int:  # noqa: B006 (read only)
    """Objects of ``kind`` alive now, not counting ``besides`` (those of earlier windows)."""
    old = {id(o) for o in besides}
    return sum(1 for o in gc.get_objects() if isinstance(o, kind) and id(o) not in old)


def start_play(session) -> None:
    session.descent.set_stop_rule(max_steps=1_000_000)
    session.descent.play()
    session.descent.player.stop()  # the test takes the steps a play tick would take


def play_frames(session, frames: int, steps: int = 7) -> None:
    """Take the steps ``frames`` play ticks would take, each publishing one snapshot."""
    for _ in range(frames):
        session.descent.advance(steps)
        _ = session.snapshot.descent.prediction  # the views' reads, as a frame makes them


def test_superseded_snapshots_and_runs_are_freed_at_once_not_by_the_cycle_collector(window):
    session = window.session
    start_play(session)
    gc.collect()
    # windows of earlier tests may still be alive (held by Qt), with their snapshots
    before = [o for o in gc.get_objects() if isinstance(o, (Snapshot, Run))]
    gc.disable()  # what a reference cycle kept alive would now pile up
    try:
        play_frames(session, 200)
        assert session.snapshot.run.last_step == 1400
        assert alive(Snapshot, before) <= 6
        assert alive(Run, before) <= 6
    finally:
        gc.enable()


def test_the_window_does_not_load_the_network_modules_an_svg_escape_would_pull_in():
    """xml.sax.saxutils imports urllib.request, http, email and ssl (about 7 MB resident):
    the SVG export loads it when it writes a file, not with the window."""
    code = "import sys, json, gui.main_window; print(json.dumps(sorted(sys.modules)))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert not loaded & {"ssl", "urllib.request", "email", "http", "xml.sax.saxutils"}


def test_play_frames_leave_the_play_action_unchanged_and_its_icon_follows_playing(window):
    """Each change of an action re-renders its icon into QPixmapCache (a new QIcon every
    frame filled the cache) and makes its tool button connect to it again."""
    play = window.descent_controls.play

    def looks_like(kind: str) -> bool:
        drawn = transport_icon(kind, window).pixmap(16).toImage()
        return play.icon().pixmap(16).toImage() == drawn

    assert looks_like("play")
    changes: list[None] = []
    play.changed.connect(lambda: changes.append(None))
    start_play(window.session)
    play_frames(window.session, 1)
    assert len(changes) >= 1 and looks_like("pause")
    changes.clear()
    play_frames(window.session, 100)
    assert changes == []
    window.session.descent.pause()
    assert looks_like("play")


def test_the_derivation_behind_another_tab_typesets_nothing_until_its_tab_is_raised(window, qtbot):
    panel = window.derivation
    panel.start_typesetting()  # what the app does after the first paint
    asked: list[list[str]] = []
    real = panel.typesetter.request
    panel.typesetter.request = lambda latex: asked.append(latex) or real(latex)
    assert panel.visibleRegion().isEmpty()  # the Paths tab is in front
    start_play(window.session)
    play_frames(window.session, 30)
    panel.refresh()  # what the coalescing timer does
    assert asked == []
    assert not panel.property("rendering")  # a screenshot does not wait for it
    panel.parentWidget().raise_()
    assert not panel.visibleRegion().isEmpty()
    assert asked and asked[-1] == [i.text for i in panel._items if i.kind == "formula"]
    qtbot.waitUntil(lambda: panel.is_current and not panel.typesetter.busy, timeout=20000)
    assert all(w.latex == i.text for w, i in panel._formula_rows())


def test_a_closed_window_is_freed_with_its_session(qtbot):
    """Nothing application-wide (style hints, event filters, icon engines) may hold a closed
    window: each keeps a session, its runs and three plots alive (about 5 MB)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from core.scenario import default
    from gui.main_window import MainWindow
    from gui.state.session import Session

    def windows() -> set[int]:
        gc.collect()
        return {id(o) for o in gc.get_objects() if isinstance(o, MainWindow)}

    before = windows()
    for _ in range(3):
        window = MainWindow(Session(default()))
        window.show()
        window.close()
        window.deleteLater()
        del window
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(windows() - before) <= 1  # the newest may still be the settings' reporter


def _scatters(window) -> list:
    """Every scatter of the window's plots (the items themselves: compared by identity)."""
    import pyqtgraph as pg

    return [
        item
        for plot in window.findChildren(pg.GraphicsView)
        for item in plot.scene().items()
        if isinstance(item, pg.ScatterPlotItem)
    ]


def test_scrubbing_and_stepping_keep_no_new_symbol_image_per_edit(window, qtbot):
    """pyqtgraph keeps one image of a symbol per pen and brush object: a series given a pen
    anew on each setData kept an image more on each edit (and rebuilt its whole atlas)."""
    session = window.session
    panel = window.descent_panel
    panel.tabs.setCurrentWidget(panel.landscape)  # its runs are drawn with symbols too
    qtbot.waitUntil(lambda: panel.landscape.view.image.image is not None, timeout=10000)
    session.set_value("w11", 0.41)
    session.descent.step()
    qtbot.wait(50)
    from gui.descent.dots import images_kept

    scatters = _scatters(window)  # the landscape's: the loss curve stamps its own (dots.py)
    before = [len(item.fragmentAtlas) for item in scatters] + [images_kept()]
    assert sum(before[:-1]) >= 2  # the landscape's descent and its current point
    curve = panel.curve  # and the loss curve's own markers, on show and painted
    assert curve._path.dots.isVisible() and curve._predicted.dots.isVisible()
    assert len(curve._point.getData()[0]) == 1
    for k in range(30):
        session.set_value("w11", 0.4 + 0.001 * k)
        session.descent.step()
        qtbot.wait(1)
    qtbot.wait(50)
    assert [len(item.fragmentAtlas) for item in scatters] + [images_kept()] == before
