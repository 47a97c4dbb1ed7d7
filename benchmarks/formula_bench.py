"""Derivation panel costs: cold typesetting, cached refresh, and an edit's time on the GUI thread.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/formula_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from core.latex import derivation  # noqa: E402
from core.scenario import default  # noqa: E402
from gui.look.palette import sign_hex  # noqa: E402
from gui.panels.derivation import DerivationPanel  # noqa: E402
from gui.panels.typeset import typeset  # noqa: E402
from gui.state.session import Session  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    p = default().params
    items = [i for i in derivation(p, "w11", color=sign_hex) if i.kind == "formula"]

    start = time.perf_counter()
    typeset(r"x")
    print(f"first formula (font load):         {ms(time.perf_counter() - start)}")
    times = []
    for item in items:
        start = time.perf_counter()
        typeset(item.text)
        times.append(time.perf_counter() - start)
    print(
        f"cold typesetting, {len(items)} formulas (w11): {ms(sum(times))} total, "
        f"median {ms(statistics.median(times))}, max {ms(max(times))}"
    )

    session = Session(default())
    panel = DerivationPanel(session)
    panel.resize(700, 1000)
    panel.show()
    panel.typeset_now()
    app.processEvents()
    runs = []
    for _ in range(30):
        start = time.perf_counter()
        panel.refresh()
        runs.append(time.perf_counter() - start)
    print(f"cached refresh (build LaTeX + swap):  median {ms(statistics.median(runs))}")

    start = time.perf_counter()
    session.set_value("w11", 0.123)
    panel.refresh()
    while not panel.is_current:
        app.processEvents()
        time.sleep(0.001)
    print(f"edit -> all numbers typeset (worker): {ms(time.perf_counter() - start)}")

    def edit(value: float) -> None:
        """An edit plus the core work a diagram redraw asks for (forward, gradients, paths)."""
        session.set_value("w12", value)
        snap = session.snapshot
        _ = snap.forward, snap.gradients, snap.paths

    slot, edits_idle, edits_busy = [], [], []
    session.state_changed.disconnect(panel.on_state_changed)
    for k in range(200):
        value = 0.3 + k * 1e-3
        start = time.perf_counter()
        edit(value)
        edits_idle.append(time.perf_counter() - start)
        start = time.perf_counter()
        panel.on_state_changed(session.snapshot)
        slot.append(time.perf_counter() - start)
    panel._timer.stop()
    print(
        f"panel slot per edit (GUI thread):     median {ms(statistics.median(slot))}, "
        f"max {ms(max(slot))}"
    )

    for k in range(200):
        if not panel.typesetter.busy:
            session.set_value("w21", 0.1 + k * 1e-3)
            panel.typesetter.request(
                [i.text for i in derivation(session.snapshot.params) if i.kind == "formula"]
            )
        start = time.perf_counter()
        edit(0.5 + k * 1e-3)
        edits_busy.append(time.perf_counter() - start)
        app.processEvents()
    print(f"edit + core redraw, worker idle:      median {ms(statistics.median(edits_idle))}")
    print(
        f"edit + core redraw, worker busy:      median {ms(statistics.median(edits_busy))}, "
        f"p90 {ms(sorted(edits_busy)[180])}"
    )
    panel.typesetter.shutdown()


if __name__ == "__main__":
    main()
