"""File > Export: each view as PNG and SVG, the run as CSV, the worked solution as Markdown.

The pictures come from :func:`gui.files.view_export.export_view`, which the menu shares with
anything else that exports (a command line, say); this module adds the file dialogs.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.atomic import write_atomic

from ..support.settings import remember_folder, start_in
from .view_export import ExportViews, export_view


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
        from core.export_csv import run_csv  # loaded on the first export, not at start-up

        text_file(run_csv(snap.descent.run), path)
    elif kind == ".md":
        from core import solution

        shown = replace(session.scenario(), params=snap.params)  # the step on show, as the
        text_file(solution.markdown(shown, snap.selected, solution_texts()), path)  # panel has
    else:
        raise ValueError(f"cannot tell what to write to {path.name}: use .png, .svg, .csv or .md")


def solution_texts() -> dict[str, str]:
    """The worked solution's prose, translated."""
    from core import solution

    return {k: QCoreApplication.translate("Solution", v) for k, v in solution.TEXTS.items()}


#: The views File > Export draws, with the stem of the file name it offers.
VIEWS = (
    ("diagram", "diagram"),
    ("loss-curve", "loss-curve"),
    ("loss-step", "loss-steps"),
    ("value-step", "value-steps"),
    ("landscape", "landscape"),
)


class ExportMenu(QObject):
    """Fills File > Export: pictures of ``views``, the run of ``session`` and its solution."""

    def __init__(self, window, menu, session, views: ExportViews):
        super().__init__(window)
        self.window = window
        self.session = session
        self.views = views
        self._actions: list[QAction] = []
        for view, stem in VIEWS:
            for kind in ("png", "svg"):
                self._add(menu, stem, kind, lambda p, v=view: self._image(v, p))
        menu.addSeparator()
        self._add(menu, "descent", "csv", self._csv)
        self._add(menu, "solution", "md", self._solution)
        self.retranslate()

    def retranslate(self) -> None:
        titles = [
            QCoreApplication.translate("Export", "Diagram"),
            QCoreApplication.translate("Export", "Loss curve plot"),
            QCoreApplication.translate("Export", "Loss against step plot"),
            QCoreApplication.translate("Export", "Value against step plot"),
            QCoreApplication.translate("Export", "Loss landscape"),
        ]
        texts = [
            QCoreApplication.translate("Export", "%1 as %2…").replace("%1", t).replace("%2", k)
            for t in titles
            for k in ("PNG", "SVG")
        ]
        texts.append(QCoreApplication.translate("Export", "Descent run as CSV…"))
        texts.append(QCoreApplication.translate("Export", "Worked solution as Markdown…"))
        for action, text in zip(self._actions, texts, strict=True):
            action.setText(text)
            action.setToolTip(text)

    def _add(self, menu, stem: str, ext: str, write) -> QAction:
        action = menu.addAction("")
        self._actions.append(action)
        action.triggered.connect(lambda _=False: self._export(stem, ext, write))
        return action

    def _export(self, stem: str, ext: str, write) -> bool:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Export", "Export"),
            start_in(f"{stem}.{ext}"),
            f"*.{ext}",
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
                QCoreApplication.translate("Export", "Cannot export"),
                QCoreApplication.translate("Export", "%1 could not be written:\n%2")
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
