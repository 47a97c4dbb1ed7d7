"""File > Export: the diagram and each plot as PNG and SVG, the run as CSV, the worked solution.

SVG goes through ``QSvgGenerator`` (pyqtgraph's own SVG exporter fails on Qt >= 6.11): the
diagram's scene and each plot widget paint themselves into it, text stays text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsScene, QMessageBox, QWidget

from core import solution
from core.export_csv import run_csv


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def scene_png(scene: QGraphicsScene, path, scale: float = 2.0) -> None:
    rect = scene.sceneRect()
    image = QImage(
        QSize(round(rect.width() * scale), round(rect.height() * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.white)
    with _painter(image) as p:
        scene.render(p, QRectF(image.rect()), rect)
    _save_image(image, path)


def scene_svg(scene: QGraphicsScene, path, title: str = "") -> None:
    rect = scene.sceneRect()
    gen = _generator(path, rect.size().toSize(), title)
    with _painter(gen) as p:
        scene.render(p, QRectF(0, 0, rect.width(), rect.height()), rect)


def widget_png(widget: QWidget, path) -> None:
    _save_image(widget.grab().toImage(), path)


def widget_svg(widget: QWidget, path, title: str = "") -> None:
    gen = _generator(path, widget.size(), title)
    with _painter(gen) as p:
        # A plot is a QGraphicsView, whose own render(painter) draws its scene: call it as is.
        # PySide6's stub of QWidget.render(painter, ...) wrongly requires a target offset.
        widget.render(p)  # type: ignore[call-overload]


def text_file(text: str, path) -> None:
    Path(path).write_text(text, encoding="utf-8")


class _painter:
    def __init__(self, device):
        self.painter = QPainter()
        self.device = device

    def __enter__(self) -> QPainter:
        if not self.painter.begin(self.device):
            raise OSError("cannot paint into the file")
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        return self.painter

    def __exit__(self, *exc) -> None:
        self.painter.end()


def _generator(path, size: QSize, title: str) -> QSvgGenerator:
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(size)
    gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
    gen.setTitle(title)
    return gen


def _save_image(image: QImage, path) -> None:
    # PySide6's stub types the format as bytes, but the binding accepts only str.
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"cannot write {Path(path).name}")


def solution_texts() -> dict[str, str]:
    """The worked solution's prose, translated."""
    return {k: QCoreApplication.translate("Solution", v) for k, v in solution.TEXTS.items()}


class ExportMenu(QObject):
    """Fills File > Export for ``window`` (a MainWindow with a scene and a descent panel)."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.window = window
        self.session = window.session
        panel = window.descent_panel
        targets = [
            (_tr("Diagram"), "diagram", None),
            (_tr("Loss curve plot"), "loss-curve", panel.curve.widget),
            (_tr("Loss against step plot"), "loss-steps", panel.loss.widget),
            (_tr("Value against step plot"), "value-steps", panel.value.widget),
        ]
        for title, stem, widget in targets:
            for kind in ("PNG", "SVG"):
                text = _tr("%1 as %2…").replace("%1", title).replace("%2", kind)
                self._add(
                    menu, text, stem, kind.lower(), lambda p, w=widget, k=kind: self._image(w, k, p)
                )
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
            self.window, _tr("Export"), f"{stem}.{ext}", f"*.{ext}"
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
        return True

    def _image(self, widget, kind: str, path) -> None:
        title = self.session.snapshot.name
        if widget is None:
            (scene_png if kind == "PNG" else scene_svg)(
                self.window.scene, path, *([title] if kind == "SVG" else [])
            )
        elif kind == "PNG":
            widget_png(widget, path)
        else:
            widget_svg(widget, path, title)

    def _csv(self, path) -> None:
        text_file(run_csv(self.session.snapshot.descent.run), path)

    def _solution(self, path) -> None:
        snap = self.session.snapshot
        text_file(solution.markdown(self.session.scenario(), snap.selected, solution_texts()), path)
