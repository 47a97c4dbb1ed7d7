"""Where start-up goes: launch (``main.run([])``) to the first paint, phase by phase.

Not a measure against a floor (``startup_bench.py`` is): a diagnostic that says which part of
start-up to work on. Each launch is a fresh interpreter, settings in an empty temporary folder,
bytecode kept as after a first launch. The child times, in CPU milliseconds of its own process
(``time.process_time``: steadier than the wall clock on a shared machine), the imports in the
order a launch makes them (the headless command line, Qt, pyqtgraph, the window's modules),
each part the window builds (every class ``gui.main_window`` makes, timed through a subclass),
the theme's first application, showing the window, and the total to the first paint. The
table has the median of each over the launches.

Run: ``python benchmarks/startup_phases.py [--json] [--quick] [--runs N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import measure


def _child(settings_dir: str) -> None:
    """In the launched process: print one JSON object, phase name -> CPU ms, at first paint."""
    t0 = time.process_time()
    phases: dict[str, float] = {}

    def add(name: str, since: float) -> None:
        phases[name] = phases.get(name, 0.0) + (time.process_time() - since) * 1000

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    for label, module in (
        ("import core.cli (numpy with it)", "core.cli"),
        ("import PySide6.QtWidgets", "PySide6.QtWidgets"),
        ("import pyqtgraph", "pyqtgraph"),
        ("import gui.main_window (the app's modules)", "gui.main_window"),
    ):
        t = time.process_time()
        __import__(module)
        add(label, t)
    import inspect

    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    import gui.main_window as mw
    import main

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, scope, settings_dir)

    def timed_class(name: str, cls: type) -> type:
        def __init__(self, *args, **kwargs):  # noqa: N807
            t = time.process_time()
            cls.__init__(self, *args, **kwargs)
            add(f"  {name}", t)

        return type(cls.__name__, (cls,), {"__init__": __init__})

    for name, obj in list(vars(mw).items()):
        if inspect.isclass(obj) and obj.__module__.startswith("gui.") and name != "MainWindow":
            setattr(mw, name, timed_class(name, obj))
    window_init = mw.MainWindow.__init__

    def build_window(self, *args, **kwargs):
        t = time.process_time()
        window_init(self, *args, **kwargs)
        add("MainWindow() in all", t)

    mw.MainWindow.__init__ = build_window  # type: ignore[method-assign]
    show = QWidget.show

    def timed_show(self):
        t = time.process_time()
        show(self)
        if isinstance(self, mw.MainWindow):
            add("window.show()", t)

    QWidget.show = timed_show  # type: ignore[method-assign]

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                phases["total to the first paint"] = (time.process_time() - t0) * 1000
                print(json.dumps(phases), flush=True)
                os._exit(0)
            return False

    app = QApplication(sys.argv[:1])
    spy = FirstPaint()
    app.installEventFilter(spy)
    main.run([])


def launch(settings_dir: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as startup_bench.py: bytecode kept
    with tempfile.TemporaryDirectory(prefix="phases-cache-") as cache:
        env["XDG_CACHE_HOME"] = cache
        cmd = [sys.executable, __file__, "--child", "--settings", settings_dir]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"the launch printed no phases (exit {out.returncode}):\n{out.stderr}")
    return json.loads(lines[-1])


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--settings", help=argparse.SUPPRESS)
    ap.add_argument("--runs", type=int, help="launches (default 7, quick 3)")
    a = ap.parse_args()
    if a.child:
        _child(a.settings)
        return 1  # only reached if the window never painted
    runs = a.runs or (3 if a.quick else 7)
    with tempfile.TemporaryDirectory(prefix="phases-settings-") as settings:
        launch(settings)  # writes the bytecode, warms the file cache
        samples = [launch(settings) for _ in range(runs)]
    names = list(dict.fromkeys(k for s in samples for k in s))
    medians = {n: measure.median(s.get(n, 0.0) for s in samples) for n in names}
    rows = [f"| {n} | {ms:.1f} |" for n, ms in medians.items() if ms >= 0.5]
    table = "\n".join([f"| phase (median of {runs} launches) | CPU ms |", "|---|---|", *rows])
    measure.emit({"phases_ms": medians, "runs": runs}, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
