"""``--export OUT``: what File > Export writes, from the command line, with no display.

The window is built offscreen on the scenario (replayed ``--steps`` descent steps), shown so
its views lay out as on screen, and OUT is written by the very function the menu uses. A
plot asked for at ``--size`` is laid out at that size first; the diagram is scaled to fit it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from core.cli import fail

from .export import write_export
from .view_export import bring_forward


def export_file(window, args) -> int:
    """Write ``args.export``; 0, or 2 with one line saying why."""
    path = Path(args.export)
    if not path.absolute().parent.is_dir():
        return fail(
            f"cannot write {path.absolute()}: the folder {path.absolute().parent} does not exist"
        )
    window.show()
    QApplication.processEvents()
    window.grab()  # a first paint lays out the plots' axes and titles, as on screen
    QApplication.processEvents()
    if args.size is not None and args.view in window.export_views.plots:
        _lay_out_alone(window.export_views.plots[args.view](), args.size)
    try:
        write_export(window.session, window.export_views, path, args.view, args.size)
    except OSError as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
        return fail(f"cannot write {path.absolute()}: {cause.strerror or cause}")
    except ValueError as exc:
        return fail(str(exc))
    return 0


def _lay_out_alone(widget: QWidget, size: tuple[int, int]) -> None:
    """Give a plot ``size`` of its own: a plot asked for at 1280x720 is laid out for that
    shape, its type at the window's size, where scaling its place in the window (the
    landscape's is a wide strip under the diagram) would stretch or shrink it. The process
    ends with the export, so the plot need not go back."""
    bring_forward(widget)  # drawn first where it lives (the landscape maps on first show)
    widget.setParent(None)
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab()  # the axes widen to their tick numbers while painting
    QApplication.processEvents()
