"""Start-up: launch to the main window's first paint, whole process, against a bare floor.

The floor is a window holding one pyqtgraph PlotWidget: the Qt and pyqtgraph imports and one
paint, which no app built on them can avoid. Each run is a fresh interpreter; the parent times
from just before the launch to the line the child prints on its first paint, and the child
reports its peak RSS (``resource.getrusage``) at that moment.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/startup_bench.py [--runs 9]``.
Target: the app within 1.3x of the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.3


def _child(kind: str) -> None:
    """In the launched process: build the window, report on its first paint, exit."""
    import resource

    sys.path.insert(0, str(ROOT))
    if kind == "floor":
        import pyqtgraph as pg
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(pg.PlotWidget())
        window.resize(1280, 720)
    else:
        from core.cli import build_parser
        from gui.app import build

        app, window = build(build_parser().parse_args([]))
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"painted {rss:.1f}", flush=True)
                os._exit(0)
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    window.show()
    app.exec()


def launch(kind: str) -> tuple[float, float]:
    """Seconds from launch to first paint, and peak RSS in MB, of one fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind], stdout=subprocess.PIPE, text=True, env=env
    )
    for line in proc.stdout:
        if line.startswith("painted"):
            elapsed = time.perf_counter() - start
            proc.wait()
            return elapsed, float(line.split()[1])
    raise RuntimeError(f"{kind}: no first paint (exit {proc.wait()})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", choices=("floor", "app"))
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    if a.child:
        _child(a.child)
        return 1
    launch("floor"), launch("app")  # warm the file cache
    results: dict[str, list[tuple[float, float]]] = {"floor": [], "app": []}
    for _ in range(a.runs):  # interleaved, so a slow moment hits both alike
        for kind in results:
            results[kind].append(launch(kind))
    med = {
        k: (statistics.median(t for t, _ in v), statistics.median(m for _, m in v))
        for k, v in results.items()
    }
    ratio_t = med["app"][0] / med["floor"][0]
    ratio_m = med["app"][1] / med["floor"][1]
    verdict = "PASS" if ratio_t <= TARGET_RATIO else "MISS"
    print(f"| start-up (median of {a.runs}) | launch -> first paint (s) | peak RSS (MB) |")
    print("|---|---|---|")
    print(
        f"| floor: bare window + one PlotWidget | {med['floor'][0]:.3f} | {med['floor'][1]:.1f} |"
    )
    print(f"| CNN Backprop Visualizer | {med['app'][0]:.3f} | {med['app'][1]:.1f} |")
    print(
        f"| ratio app / floor (target <= {TARGET_RATIO}) | {ratio_t:.2f}x {verdict} "
        f"| {ratio_m:.2f}x |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
