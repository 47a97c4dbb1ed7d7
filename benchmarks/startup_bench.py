"""Start-up: launch to the first paint, and to the derivation shown, against a bare window.

Each launch is a fresh interpreter; the parent times from just before the launch to the line
the child prints. The app is launched as ``main.py`` launches it (``main.run([])``, settings
in an empty temporary folder, so nothing remembered changes the run); the child prints on the
first paint of any widget (``startup``) and again when the derivation panel says every formula
of the current state is on show (``usable``: its tab is brought forward at the first paint;
the typesetting process starts while the window is built). ``usable`` is a first launch, with
an empty cache folder (``XDG_CACHE_HOME``): the homework's formulas come typeset with the app
(gui/panels/typeset_shipped.py); its ``typeset_s`` field is the same launch with those left
out, every formula typeset then. ``usable_warm`` is the app opened again, finding the
formulas it kept on disk (gui/panels/typeset_disk.py). The
floor, launched alternately in the same run, is a bare QMainWindow of the same size holding
one pyqtgraph PlotWidget, timed to its first paint: the Qt and pyqtgraph imports and one
paint, which no app built on them avoids. Peak RSS (``getrusage``) is reported at the first
paint of each. Both are launched as after a first launch: Python's bytecode of the app's modules
is kept (``PYTHONDONTWRITEBYTECODE`` is dropped for the launches; the warm-up launch writes it),
as pip's install and any earlier launch leave it.

Two bounds are launched alternately with them (``skeleton_ratio`` and ``skeleton_app_ratio``
in the ``startup`` entry): a window of stock widgets shaped like the app's, built by no app
code (skeleton_window.py), and the same window after importing the app's modules first, as the
app does. No window that shows this much with these libraries paints sooner than the first;
the app, which must import its own code, not sooner than the second.

Run: ``python benchmarks/startup_bench.py [--json] [--quick] [--runs N]``.
Goals: start-up within 1.2x of the floor; usable within 2x.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import measure

FLOOR_IS = (
    "launch of a fresh interpreter to the first paint of a bare 1280x720 QMainWindow holding "
    "one pyqtgraph PlotWidget, launched alternately with the app in the same run"
)
SKELETON_IS = (
    "launch to the first paint of a window of stock Qt and pyqtgraph widgets shaped like the "
    "app's (benchmarks/skeleton_window.py), built by no app code; and the same after importing "
    "the app's modules, as the app does first"
)
TIMEOUT_S = 120


def _child(kind: str, settings_dir: str) -> None:
    """In the launched process: print ``painted RSS`` on the first paint, then for the app
    ``usable`` when the derivation is typeset."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_window import bare_window, peak_rss_mb
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, scope, settings_dir)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print(f"painted {peak_rss_mb():.1f}", flush=True)
                app.removeEventFilter(self)
                if kind != "app" and not kind.startswith("app-"):
                    os._exit(0)
                watch_derivation()
            return False

    def watch_derivation():
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "derivation"))
        window.derivation.refreshed.connect(lambda: (print("usable", flush=True), os._exit(0)))
        # the Derivation tab sits behind Paths and typesets only once it is on show: bring it
        # forward at the first paint, as a person clicking its tab at once would
        window.derivation.parentWidget().raise_()

    spy = FirstPaint()
    if kind == "floor" or kind.startswith("skeleton"):
        if kind == "floor":
            app, window = bare_window()
        else:
            from skeleton_window import skeleton_window

            app, window = skeleton_window(import_app=kind == "skeleton-app")
        app.installEventFilter(spy)
        window.show()
        app.exec()
    else:
        import main

        if kind == "app-typeset":  # a first launch that typesets every formula itself
            from gui.panels import typeset_shipped

            typeset_shipped.FOLDER = Path(settings_dir) / "no-shipped-formulas"
        app = QApplication(sys.argv[:1])
        app.installEventFilter(spy)
        main.run([])


def launch(kind: str, settings_dir: str, cache_dir: str) -> dict:
    """Seconds from launch to each line the child prints, and its peak RSS at the first paint."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["XDG_CACHE_HOME"] = cache_dir
    # as a launch after the first: the modules' bytecode kept (the warm-up launch writes it),
    # never compiled from source on every launch as PYTHONDONTWRITEBYTECODE would have it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, __file__, "--child", kind, "--settings", settings_dir]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    out: dict = {}
    try:
        for line in proc.stdout:
            now = time.perf_counter() - start
            if line.startswith("painted"):
                out["painted"], out["rss"] = now, float(line.split()[1])
            elif line.startswith("usable"):
                out["usable"] = now
            if now > TIMEOUT_S:
                break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    need = ("painted", "usable") if kind.startswith("app") else ("painted",)
    if any(k not in out for k in need):
        raise RuntimeError(f"{kind}: the child printed {out} (exit {proc.returncode})")
    return out


def measure_startup(runs: int) -> dict:
    with (
        tempfile.TemporaryDirectory(prefix="bench-settings-") as settings,
        tempfile.TemporaryDirectory(prefix="bench-cache-") as kept,
    ):
        launch("floor", settings, kept), launch("app", settings, kept)  # warm the file cache
        launch("skeleton-app", settings, kept)
        floor, app, warm, typeset, bare, shaped = [], [], [], [], [], []
        for _ in range(runs):  # interleaved, so a slow moment hits all alike
            floor.append(launch("floor", settings, kept))
            bare.append(launch("skeleton", settings, kept)["painted"])
            shaped.append(launch("skeleton-app", settings, kept)["painted"])
            with tempfile.TemporaryDirectory(prefix="bench-cold-") as cold:
                app.append(launch("app", settings, cold))
            warm.append(launch("app", settings, kept))
            with tempfile.TemporaryDirectory(prefix="bench-cold-") as cold:
                typeset.append(launch("app-typeset", settings, cold))
    f_paint = measure.median(r["painted"] for r in floor)
    f_rss = measure.median(r["rss"] for r in floor)
    a_rss = measure.median(r["rss"] for r in app)
    return {
        "startup": measure.entry(
            measure.median(r["painted"] for r in app),
            f_paint,
            "s",
            FLOOR_IS,
            what="launch (main.run) to the main window's first paint",
            rss_mb=a_rss,
            floor_rss_mb=f_rss,
            runs=runs,
            skeleton_s=measure.median(bare),
            skeleton_ratio=measure.median(bare) / f_paint,
            skeleton_app_s=measure.median(shaped),
            skeleton_app_ratio=measure.median(shaped) / f_paint,
            skeleton_is=SKELETON_IS,
        ),
        "usable": measure.entry(
            measure.median(r["usable"] for r in app),
            f_paint,
            "s",
            FLOOR_IS,
            what=(
                "first launch (empty cache folder) to every formula of the derivation shown "
                "(the homework's come typeset with the app)"
            ),
            runs=runs,
            typeset_s=measure.median(r["usable"] for r in typeset),
            typeset_ratio=measure.median(r["usable"] for r in typeset) / f_paint,
            typeset_is="the same first launch with the shipped formulas left out: all typeset",
        ),
        "usable_warm": measure.entry(
            measure.median(r["usable"] for r in warm),
            f_paint,
            "s",
            FLOOR_IS,
            what="launch again (formulas kept on disk) to every formula of the derivation shown",
            runs=runs,
        ),
    }


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument(
        "--child",
        choices=("floor", "app", "app-typeset", "skeleton", "skeleton-app"),
        help=argparse.SUPPRESS,
    )
    ap.add_argument("--settings", help=argparse.SUPPRESS)
    ap.add_argument("--runs", type=int, help="launches of each (default 9, quick 3)")
    a = ap.parse_args()
    if a.child:
        _child(a.child, a.settings)
        return 1  # only reached if the child never painted
    runs = a.runs or (3 if a.quick else 9)
    r = measure_startup(runs)
    s, u, w = r["startup"], r["usable"], r["usable_warm"]
    table = "\n".join(
        [
            f"| start-up (median of {runs}) | s | floor s | ratio | goal | peak RSS MB |",
            "|---|---|---|---|---|---|",
            f"| launch -> first paint | {s['value']:.3f} | {s['floor']:.3f} | {s['ratio']:.2f}x "
            f"| <= 1.2x | {s['rss_mb']:.1f} (floor {s['floor_rss_mb']:.1f}) |",
            f"| first launch -> derivation shown | {u['value']:.3f} | {u['floor']:.3f} "
            f"| {u['ratio']:.2f}x | <= 2x | |",
            f"| (the same, every formula typeset) | {u['typeset_s']:.3f} | {u['floor']:.3f} "
            f"| {u['typeset_ratio']:.2f}x | | |",
            f"| launch again -> derivation shown | {w['value']:.3f} | {w['floor']:.3f} "
            f"| {w['ratio']:.2f}x | <= 2x | |",
            f"| (bound) stock widgets shaped like the window | {s['skeleton_s']:.3f} "
            f"| {s['floor']:.3f} | {s['skeleton_ratio']:.2f}x | | |",
            f"| (bound) the same, the app's modules imported first | {s['skeleton_app_s']:.3f} "
            f"| {s['floor']:.3f} | {s['skeleton_app_ratio']:.2f}x | | |",
            f"(floor: {FLOOR_IS}; bounds: {SKELETON_IS})",
        ]
    )
    measure.emit(r, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
