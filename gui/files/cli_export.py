"""``--export OUT``: what File > Export writes, from the command line, with no display.

The window is built offscreen on the scenario (replayed ``--steps`` descent steps), shown so
its views lay out as on screen, and OUT is written by the very function the menu uses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from core.cli import fail

from .export import write_export


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
    try:
        write_export(window.session, window.export_views, path, args.view, args.size)
    except OSError as exc:
        cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
        return fail(f"cannot write {path.absolute()}: {cause.strerror or cause}")
    except ValueError as exc:
        return fail(str(exc))
    return 0
