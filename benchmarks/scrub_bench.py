"""A scrub: a mouse drag on w11 delivering 60 moves a second, and the frames the window shows.

The main window is opened on the homework; the mouse is pressed on the w11 node and moved one
pixel to the right 60 times a second (each move posted to the diagram's viewport, as the
window system delivers input, by a precise timer) for a few seconds, then released. Every move
is a scrub edit: every view follows it. Counted: the moves delivered and the paints of the
diagram (each paint shows the value as it is then). ``value`` is frames a second, ``floor``
the moves a second the hand delivered, in the same run; ``ratio`` = frames / moves, 1 when the
window keeps up with the hand (a frame for every move), less when moves queue up and are
applied together (no move is lost: the last value is checked).

Run from the project root: ``python benchmarks/scrub_bench.py [--json] [--quick]``.
Goal: a frame for every move (ratio 1) at 60 moves a second.
"""

from __future__ import annotations

import sys
import time

import measure
from bench_window import close, open_window, paint_counter, settle

RATE = 60.0  # moves a second, as a hand dragging steadily
FLOOR_IS = "moves a second the drag delivered (posted at 60 a second), same run"


def scrub(seconds: float) -> dict:
    from PySide6.QtCore import QEvent, QEventLoop, QPoint, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest

    app, session, window = open_window()
    view = window.view
    vp = view.viewport()
    start = view.mapFromScene(window.scene.nodes["w11"].sceneBoundingRect().center())

    def move_to(dx: int) -> QMouseEvent:
        local = QPointF(start + QPoint(dx, 0))
        global_ = QPointF(vp.mapToGlobal(local.toPoint()))
        no, left = Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton
        return QMouseEvent(
            QEvent.Type.MouseMove, local, global_, no, left, Qt.KeyboardModifier.NoModifier
        )

    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    settle()
    moves = int(seconds * RATE)
    sent = 0
    begin = time.perf_counter()
    loop = QEventLoop()

    def post() -> None:  # the hand: one move each 1/60 s by the clock, whatever the app does
        nonlocal sent
        due = int((time.perf_counter() - begin) * RATE) + 1
        while sent < min(due, moves):
            sent += 1
            app.postEvent(vp, move_to(10 + sent))  # past the drag distance from the start
        if sent >= moves:
            timer.stop()
            QTimer.singleShot(0, loop.quit)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(int(1000 / RATE / 2))
    timer.timeout.connect(post)
    paints = paint_counter()
    vp.installEventFilter(paints)
    timer.start()
    loop.exec()
    settle()
    elapsed = time.perf_counter() - begin
    vp.removeEventFilter(paints)
    shown = session.snapshot.value("w11")
    end = start + QPoint(10 + moves, 0)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    settle()
    committed = session.snapshot.value("w11")
    close(window)
    if shown != committed:
        raise RuntimeError(f"the scrub showed {shown} but committed {committed}")
    return {
        "frames": paints.count,
        "moves": moves,
        "seconds": elapsed,
        "last_value": committed,
    }


def main() -> int:
    ap = measure.parser(__doc__)
    ap.add_argument("--seconds", type=float, help="length of the drag (default 5, quick 2)")
    a = ap.parse_args()
    seconds = a.seconds or (2.0 if a.quick else 5.0)
    r = scrub(seconds)
    fps, mps = r["frames"] / r["seconds"], r["moves"] / r["seconds"]
    e = measure.entry(fps, mps, "frames/s", FLOOR_IS, moves=r["moves"], frames=r["frames"])
    table = "\n".join(
        [
            "| drag on w11 | frames/s | moves/s | frames per move (goal 1) |",
            "|---|---|---|---|",
            f"| {seconds:g} s at {RATE:g} moves/s | {fps:.1f} | {mps:.1f} | {e['ratio']:.2f} |",
            f"(floor: {FLOOR_IS})",
        ]
    )
    measure.emit({"scrub": e}, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
