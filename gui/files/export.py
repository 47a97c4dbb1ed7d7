"""File > Export: each view as PNG and SVG, the run as CSV, the worked solution as Markdown.

The pictures come from :func:`gui.files.view_export.export_view`, which the menu shares with
anything else that exports (a command line, say); this module adds the file dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import solution
from core.atomic import write_atomic
from core.export_csv import run_csv

from ..support.settings import remember_folder, start_in
from .view_export import ExportViews, export_view


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def text_file(text: str, path) -> None:
    """Write ``text`` as UTF-8, atomically: the old file or the new one, never half."""
    write_atomic(path, text.encode("utf-8"))


def write_export(session, views: ExportViews, path: Path, view: str | None = None, size=None):
    """Write what ``path``'s suffix asks for: ``view`` as PNG or SVG (at ``size``), the descent
    run as CSV, or the worked solution as Markdown. The menu and ``--export`` both use it.
    Raises ``ValueError`` for a suffix or view it cannot write, ``OSError`` when writing fails.
    """
    kind = path.suffix.lower()
    snap = session.snapshot
    if kind in (".png", ".svg"):
        if view is None:
            raise ValueError("a picture needs a view")
        export_view(views, view, path, size, title=snap.name)
    elif kind == ".csv":
        text_file(run_csv(snap.descent.run), path)
    elif kind == ".md":
        text_file(solution.markdown(session.scenario(), snap.selected, solution_texts()), path)
    else:
        raise ValueError(f"cannot tell what to write to {path.name}: use .png, .svg, .csv or .md")


def solution_texts() -> dict[str, str]:
    """The worked solution's prose, translated."""
    return {k: QCoreApplication.translate("Solution", v) for k, v in solution.TEXTS.items()}


class ExportMenu(QObject):
    """Fills File > Export: pictures of ``views``, the run of ``session`` and its solution."""

    def __init__(self, window, menu, session, views: ExportViews):
        super().__init__(window)
        self.window = window
        self.session = session
        self.views = views
        targets = [
            (_tr("Diagram"), "diagram", "diagram"),
            (_tr("Loss curve plot"), "loss-curve", "loss-curve"),
            (_tr("Loss against step plot"), "loss-step", "loss-steps"),
            (_tr("Value against step plot"), "value-step", "value-steps"),
            (_tr("Loss landscape"), "landscape", "landscape"),
        ]
        for title, view, stem in targets:
            for kind in ("PNG", "SVG"):
                text = _tr("%1 as %2…").replace("%1", title).replace("%2", kind)
                self._add(menu, text, stem, kind.lower(), lambda p, v=view: self._image(v, p))
        menu.addSeparator()
        self._add(menu, _tr("Descent run as CSV…"), "descent", "csv", self._csv)
        self._add(menu, _tr("Worked solution as Markdown…"), "solution", "md", self._solution)

    def _add(self, menu, text: str, stem: str, ext: str, write) -> QAction:
        action = menu.addAction(text)
        action.setToolTip(text)
        action.triggered.connect(lambda _=False: self._export(stem, ext, write))
        return action

    def _export(self, stem: str, ext: str, write) -> bool:
        name, _ = QFileDialog.getSaveFileName(
            self.window, _tr("Export"), start_in(f"{stem}.{ext}"), f"*.{ext}"
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != f".{ext}":
            path = path.with_name(f"{path.name}.{ext}")
        try:
            write(path)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                _tr("Cannot export"),
                _tr("%1 could not be written:\n%2")
                .replace("%1", path.name)
                .replace("%2", str(exc)),
            )
            return False
        remember_folder(path.resolve().parent)
        return True

    def _image(self, view: str, path) -> None:
        write_export(self.session, self.views, Path(path), view)

    def _csv(self, path) -> None:
        write_export(self.session, self.views, Path(path))

    def _solution(self, path) -> None:
        write_export(self.session, self.views, Path(path))
