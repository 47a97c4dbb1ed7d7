"""The typesetting worker fails soft: a hung worker is replaced, a dying one is given up on for
a while (plain text meanwhile), and the GUI thread never typesets or waits for it."""

from __future__ import annotations

import os
import signal

import pytest
from PySide6.QtCore import QProcess

from gui.panels import typeset, typeset_shipped
from gui.panels.typeset import MAX_STARTS, RESTART_WINDOW_S, _Worker

FORMULAS = [rf"w_{{11}} = {k}.25" for k in range(6)]


@pytest.fixture
def no_gui_thread_typesetting(monkeypatch):
    """Count what would make the window stop answering: typesetting or waiting here."""
    calls: list[str] = []
    monkeypatch.setattr(typeset, "safe_typeset", lambda t: calls.append("typeset") or b"")
    for name in ("waitForFinished", "waitForReadyRead", "waitForStarted"):
        original = getattr(QProcess, name)

        def counted(self, *a, _name=name, _original=original):
            calls.append(_name)
            return _original(self, *a)

        monkeypatch.setattr(QProcess, name, counted)
    return calls


def test_a_stopped_worker_is_replaced_and_every_formula_arrives(qtbot, no_gui_thread_typesetting):
    worker = _Worker(deadline_ms=1500)
    try:
        worker.want(FORMULAS[:1])
        qtbot.waitUntil(lambda: FORMULAS[0] in worker.cache, timeout=30000)
        first = worker._proc
        assert first is not None
        os.kill(first.processId(), signal.SIGSTOP)  # hung: alive, answering nothing
        worker.want(FORMULAS[1:])
        qtbot.waitUntil(lambda: all(f in worker.cache for f in FORMULAS), timeout=40000)
        assert worker._proc is not first and worker.available
        assert no_gui_thread_typesetting == []
    finally:
        worker.stop()  # the stopped one was killed at the deadline


def test_a_worker_that_cannot_start_is_given_up_on_until_the_budget_refills(
    qtbot, monkeypatch, no_gui_thread_typesetting
):
    now = [1000.0]
    worker = _Worker(deadline_ms=1500, clock=lambda: now[0])
    with monkeypatch.context() as broken:
        broken.setattr(typeset.sys, "executable", "/bin/false")  # dies at once, every time
        with qtbot.waitSignal(worker.arrived, timeout=20000):
            worker.want(FORMULAS[:2])
        qtbot.waitUntil(lambda: not worker.available, timeout=20000)
        assert len(worker._starts) == MAX_STARTS and not worker.busy
        assert no_gui_thread_typesetting == []  # plain text, not seconds of typesetting here
        worker.want(FORMULAS[:2])  # still within the window: no new start
        assert len(worker._starts) == MAX_STARTS and not worker.available
    now[0] += RESTART_WINDOW_S + 1  # a healthy while later, and the typesetter is back
    worker.want(FORMULAS[:2])
    assert worker.available
    qtbot.waitUntil(lambda: all(f in worker.cache for f in FORMULAS[:2]), timeout=30000)
    assert no_gui_thread_typesetting == []
    worker.stop()


@pytest.fixture
def own_worker(monkeypatch):
    """A typesetting worker of the test's own (the app-wide one is left alone); ask for it
    before the window, whose panel connects to the worker there is when it is built. The
    homework's formulas shipped with the app are left out: the worker typesets them."""
    monkeypatch.setattr(typeset, "_WORKER", [])
    monkeypatch.setattr(typeset_shipped, "load", lambda latex: None)
    yield lambda: typeset._worker()
    typeset.stop_worker()


def honest(panel) -> bool:
    """No formula shows other numbers than the current ones without saying so."""
    return all(v.latex == i.text or v.stale for v, i in panel._formula_rows())


def test_edits_while_the_worker_is_killed_and_stopped_never_show_old_numbers_as_current(
    own_worker, window, qtbot, no_gui_thread_typesetting
):
    panel = window.derivation
    panel.parentWidget().raise_()
    worker = own_worker()
    worker._deadline.setInterval(1500)
    panel.start_typesetting()
    qtbot.waitUntil(lambda: panel.is_current, timeout=60000)
    for k in range(6):
        proc = worker._proc
        if proc is not None and proc.processId():
            os.kill(proc.processId(), signal.SIGKILL if k % 2 else signal.SIGSTOP)
        window.session.set_value("w11", 0.1 * (k + 1))
        for _ in range(20):  # the window goes on answering: events flow, nothing waits
            qtbot.wait(25)
            assert honest(panel)
    qtbot.waitUntil(lambda: panel.is_current, timeout=90000)
    assert honest(panel) and not any(v.stale for v, _ in panel._formula_rows())
    assert no_gui_thread_typesetting == []


@pytest.fixture
def no_typesetter(own_worker, monkeypatch):
    monkeypatch.setattr(typeset.sys, "executable", "/bin/false")  # no worker can start


def test_with_no_typesetter_the_panel_shows_the_current_numbers_as_text(
    no_typesetter, window, qtbot
):
    panel = window.derivation
    panel.parentWidget().raise_()
    panel.start_typesetting()
    qtbot.waitUntil(lambda: not panel.typesetter.available, timeout=30000)
    qtbot.waitUntil(lambda: panel.is_current, timeout=30000)
    assert panel._unavailable_note.isVisible()
    shown = " ".join(v.accessibleName() for v, _ in panel._formula_rows())
    assert "-0.3145" in shown  # dMSE/dw11 of the homework, by hand in the README
    window.session.set_value("w11", -0.75)
    qtbot.waitUntil(lambda: panel.is_current, timeout=30000)
    shown = " ".join(v.accessibleName() for v, _ in panel._formula_rows())
    assert "-0.75" in shown and honest(panel)


def test_the_worker_goes_on_typesetting_while_nobody_reads_its_answers(monkeypatch):
    """A pipe holds about one answer; while the window is built nobody reads it. Every
    request is typeset all the same, the answers waiting their turn to be written."""
    import io
    import json
    import threading

    from gui.panels import mathsvg

    done: list[str] = []
    all_done = threading.Event()

    def typeset_here(latex: str) -> bytes:
        done.append(latex)
        if len(done) == 1 + len(FORMULAS):  # the warm-up "x", then every request
            all_done.set()
        return b"<svg/>"

    class FullPipe(io.StringIO):
        """Takes nothing until let go, like a pipe nobody reads."""

        let_go = threading.Event()

        def write(self, text: str) -> int:
            self.let_go.wait(60)
            return super().write(text)

    monkeypatch.setattr(mathsvg, "safe_typeset", typeset_here)
    requests = "".join(json.dumps({"id": k, "latex": f}) + "\n" for k, f in enumerate(FORMULAS))
    out = FullPipe()
    server = threading.Thread(target=mathsvg.serve, args=(io.StringIO(requests), out))
    server.start()
    try:
        assert all_done.wait(60)  # every formula typeset, none of the answers written yet
        assert out.getvalue() == ""
    finally:
        FullPipe.let_go.set()
        server.join(60)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a["id"] for a in answers] == list(range(len(FORMULAS)))


def test_the_app_gives_the_worker_every_formula_at_once_just_after_the_first_paint(
    own_worker, qtbot
):
    """Started by the app (warm_up), the worker is given the formulas of the window's first
    state all at once, just after the first paint (reading them before it had cost the paint
    10 ms): the event loop would otherwise send them one by one."""
    from core.scenario import default
    from gui.app import _typeset_after_first_paint
    from gui.main_window import MainWindow
    from gui.state.session import Session

    worker = own_worker()
    typeset.warm_up()
    window = MainWindow(Session(default()))
    try:
        panel = window.derivation  # its rows are made when its tab comes forward; its
        formulas = {i.text for i in panel._current_items() if i.kind == "formula"}  # numbers:
        assert len(formulas) > typeset.IN_FLIGHT
        assert not worker.in_flight and not worker.queue  # the first paint waits on none
        window.show()
        qtbot.waitExposed(window)
        # a window slow to build does not make the worker look hung: its clock starts later
        assert not worker._deadline.isActive()
        _typeset_after_first_paint(panel)  # what the app runs after the first paint
        assert set(worker.in_flight.values()) == formulas  # all of them at once
        assert not worker.early  # later requests go one at a time again
        assert worker._deadline.isActive()
    finally:
        panel.typesetter.shutdown()
        window.deleteLater()


def test_a_window_not_started_by_the_app_asks_for_nothing_before_it_is_shown(own_worker, qtbot):
    from core.scenario import default
    from gui.main_window import MainWindow
    from gui.state.session import Session

    worker = own_worker()
    window = MainWindow(Session(default()))
    try:
        assert worker._proc is None and not worker.busy
    finally:
        window.derivation.typesetter.shutdown()
        window.deleteLater()


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")
def test_the_worker_asks_less_of_the_processor_than_the_window(own_worker, qtbot):
    from gui.panels.mathsvg import NICE

    def nice(pid) -> int:  # field 19 of /proc/PID/stat, counted after the command's ")"
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[16])

    worker = own_worker()
    worker.want(FORMULAS[:1])
    qtbot.waitUntil(lambda: FORMULAS[0] in worker.cache, timeout=30000)  # past its start
    assert nice(worker._proc.processId()) == min(nice("self") + NICE, 19)


def test_formulas_arriving_behind_a_tab_are_shown_when_it_comes_forward(own_worker, window, qtbot):
    from gui.support.behind import behind_a_tab

    worker = own_worker()
    panel = window.derivation
    window.findChild(type(panel.parentWidget()), "Paths").raise_()  # the Paths tab in front
    qtbot.waitUntil(lambda: behind_a_tab(panel), timeout=5000)
    formulas = [i.text for i in panel._current_items() if i.kind == "formula"]
    worker.early = True  # as before the first paint of a window the app started
    panel.typesetter.early(formulas)
    qtbot.waitUntil(lambda: all(f in worker.cache for f in formulas), timeout=60000)
    qtbot.wait(50)
    assert all(view.latex == "" for view, _ in panel._formula_rows())  # not read behind
    panel.parentWidget().raise_()
    qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
    assert [view.latex for view, _ in panel._formula_rows()] == formulas


def test_a_theme_given_on_the_command_line_is_the_one_whose_formulas_are_asked_for(
    own_worker, qtbot, monkeypatch, tmp_path
):
    """``--theme dark`` on a file whose formulas are not shipped: the worker is given the
    dark-ink formulas at the first paint, never the light ones first."""
    import json

    from core.cli import build_parser
    from core.scenario import default, dumps
    from gui import app
    from gui.look.theme import THEMES
    from gui.support import errors

    monkeypatch.setattr(errors, "install", lambda: None)
    data = json.loads(dumps(default()))
    data["kernel"][0][0] = 0.45  # other numbers than the homework's
    path = tmp_path / "other.json"
    path.write_text(json.dumps(data))
    worker = own_worker()
    _, window = app.build(build_parser().parse_args(["--theme", "dark", str(path)]))
    qtbot.addWidget(window)
    try:
        assert not worker.in_flight and not worker.queue  # none before the first paint
        window.show()
        qtbot.waitUntil(lambda: bool(worker.in_flight or worker.queue), timeout=5000)
        asked = list(worker.in_flight.values()) + worker.queue
        assert asked and all(THEMES["dark"].ink.lower() in a.lower() for a in asked)
        assert window.appearance.choice == "dark"
    finally:
        window.derivation.typesetter.shutdown()
