"""Derivation panel costs: cold typesetting, cached refresh, and an edit until typeset.

Measures, each with a floor timed in the same process:

- ``typeset_formula``: one formula of the w11 derivation typeset cold (median), against the
  trivial formula ``x`` (ziamath's fixed cost per call).
- ``derivation_refresh``: the panel's refresh with every formula cached (build the LaTeX, swap
  the SVGs in), against one forced full repaint of the panel.
- ``edit_to_typeset``: an edit until every number of the panel is typeset by the worker
  process, against typesetting the same new formulas directly on this thread.

Also printed: the panel's slot per edit on the GUI thread, and an edit with the core redraw
work while the worker is busy.

Run: ``python benchmarks/formula_bench.py [--json] [--quick]``.
"""

from __future__ import annotations

import statistics
import sys
import time

import measure
from bench_window import full_repaint, settle

from core.latex import derivation
from core.scenario import default
from gui.look.palette import sign_hex
from gui.panels.derivation import DerivationPanel
from gui.panels.mathsvg import typeset
from gui.state.session import Session


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return ms(time.perf_counter() - start)


def formulas(snap) -> list[str]:
    return [i.text for i in derivation(snap.params, color=sign_hex) if i.kind == "formula"]


def main() -> int:
    a = measure.parser(__doc__).parse_args()
    n = 10 if a.quick else 30
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    p = default().params
    items = [i for i in derivation(p, "w11", color=sign_hex) if i.kind == "formula"]
    font_load = timed(typeset, "x")
    cold = [timed(typeset, item.text) for item in items]
    trivial = [timed(typeset, "x") for _ in range(len(items))]

    session = Session(default())
    panel = DerivationPanel(session)
    panel.resize(700, 1000)
    panel.show()
    panel.typeset_now()
    settle()
    refresh = [timed(panel.refresh) for _ in range(n)]
    repaint = [timed(full_repaint, panel) for _ in range(n)]

    edit_ms, direct_ms = [], []
    for k in range(max(3, n // 5)):
        start = time.perf_counter()
        session.set_value("w11", 0.123 + 0.01 * k)
        panel.refresh()
        while not panel.is_current:
            app.processEvents()
            time.sleep(0.001)
        edit_ms.append(ms(time.perf_counter() - start))
        fresh = formulas(session.snapshot)
        session.set_value("w11", 0.623 + 0.01 * k)
        fresh = [t for t in formulas(session.snapshot) if t not in fresh]
        direct_ms.append(sum(timed(typeset, t) for t in fresh))

    def edit(value: float) -> None:
        """An edit plus the core work a diagram redraw asks for (forward, gradients, paths)."""
        session.set_value("w12", value)
        snap = session.snapshot
        _ = snap.forward, snap.gradients, snap.paths

    slot, edits_idle, edits_busy = [], [], []
    session.state_changed.disconnect(panel.on_state_changed)
    for k in range(200):
        edits_idle.append(timed(edit, 0.3 + k * 1e-3))
        slot.append(timed(panel.on_state_changed, session.snapshot))
    panel.refresh()  # also stops the coalescing timer the slot started
    for k in range(200):
        if not panel.typesetter.busy:
            session.set_value("w21", 0.1 + k * 1e-3)
            panel.typesetter.request(formulas(session.snapshot))
        edits_busy.append(timed(edit, 0.5 + k * 1e-3))
        app.processEvents()
    panel.typesetter.shutdown()

    r = {
        "typeset_formula": measure.entry(
            statistics.median(cold),
            statistics.median(trivial),
            "ms",
            "typesetting the formula 'x', same process, after the font loaded",
            what=f"one formula of the w11 derivation typeset cold (median of {len(items)})",
            total_ms=sum(cold),
            font_load_ms=font_load,
        ),
        "derivation_refresh": measure.entry(
            statistics.median(refresh),
            statistics.median(repaint),
            "ms",
            "one forced full repaint of the same panel (700x1000), same process",
            what="the panel's refresh with every formula cached",
        ),
        "edit_to_typeset": measure.entry(
            statistics.median(edit_ms),
            statistics.median(direct_ms),
            "ms",
            "typesetting the edit's new formulas directly on this thread, same process",
            what="an edit until the worker has typeset every number of the panel",
        ),
    }
    t, f, e = r["typeset_formula"], r["derivation_refresh"], r["edit_to_typeset"]
    table = "\n".join(
        [
            "| measure | median ms | floor ms | ratio |",
            "|---|---|---|---|",
            f"| one formula typeset cold ({len(items)} in {t['total_ms']:.0f} ms; font load "
            f"{font_load:.0f} ms) | {t['value']:.2f} | {t['floor']:.2f} ('x') "
            f"| {t['ratio']:.1f}x |",
            f"| cached refresh (build LaTeX + swap) | {f['value']:.2f} | {f['floor']:.2f} "
            f"(panel repaint) | {f['ratio']:.1f}x |",
            f"| edit -> all numbers typeset (worker) | {e['value']:.1f} | {e['floor']:.1f} "
            f"(typeset here) | {e['ratio']:.1f}x |",
            f"| panel slot per edit (GUI thread) | {statistics.median(slot):.2f} | | |",
            f"| edit + core redraw, worker idle | {statistics.median(edits_idle):.2f} | | |",
            f"| edit + core redraw, worker busy (p90 {sorted(edits_busy)[180]:.2f}) "
            f"| {statistics.median(edits_busy):.2f} | | |",
        ]
    )
    measure.emit(r, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
