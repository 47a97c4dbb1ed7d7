"""Edit-to-repaint latency: one committed edit, every view of the window updated and painted.

Run from the project root: ``python benchmarks/edit_bench.py``. Prints the median and the
90th percentile over a few hundred edits (target: median under 8 ms).
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

from core.scenario import default  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.state.session import Session  # noqa: E402

TARGET_MS = 8.0


def main(edits: int = 300) -> None:
    app = QApplication.instance() or QApplication([])
    session = Session(default())
    window = MainWindow(session)
    window.show()
    app.processEvents()
    times = []
    for k in range(edits):
        start = time.perf_counter()
        session.set_value("w11", 0.4 + 0.001 * (k % 50))
        app.processEvents()  # delivers the update requests: every changed view repaints
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    median = statistics.median(times)
    p90 = times[int(0.9 * len(times))]
    verdict = "PASS" if median < TARGET_MS else "MISS"
    print("| measure | median ms | p90 ms | target | |")
    print("|---|---|---|---|---|")
    print(
        f"| edit -> whole window repainted | {median:.2f} | {p90:.2f} | < {TARGET_MS} | {verdict} |"
    )


if __name__ == "__main__":
    main()
