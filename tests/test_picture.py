"""The recorder behind the exports: pen widths stay screen pixels at any scale, clips clip,
and a fault while recording is raised, not a crash."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from svg_render import installed_renderers, pixels

import gui.files.recorder as recorder
from gui.files.picture_svg import svg_document
from gui.files.recorder import record


def _image(width: int, height: int, paint) -> np.ndarray:
    """Red channel of what ``paint(painter)`` draws on white, (height, width)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint(painter)
    painter.end()
    return np.array([[image.pixelColor(x, y).red() for x in range(width)] for y in range(height)])


def _svgs(picture, width: int, height: int, folder) -> list[np.ndarray]:
    """Red channel of the picture's SVG drawn by each renderer, (height, width)."""
    svg = folder / "picture.svg"
    svg.write_text(svg_document(picture, (width, height)), encoding="utf-8")
    size = QSize(width, height)
    return [pixels(render(svg, size))[:, :, 0] for render in installed_renderers()]


def _scaled(picture, k: float):
    def paint(painter: QPainter) -> None:
        painter.scale(k, k)
        picture.paint(painter)

    return paint


def test_a_plot_line_is_as_wide_as_on_screen_and_twice_that_in_a_2x_picture(qapp, tmp_path):
    def draw(p: QPainter) -> None:
        p.translate(10, 30)
        p.scale(40, -20)  # a plot's data-to-pixel transform
        pen = QPen(QColor("black"), 2)
        pen.setCosmetic(True)  # pyqtgraph's pens: the width is in screen pixels
        p.setPen(pen)
        p.drawLine(QPointF(0, 0.5), QPointF(1, 0.5))

    picture = record(60, 40, 96, draw)
    svg = svg_document(picture)
    assert 'stroke-width="2"' in svg and "vector-effect" not in svg
    for k in (1, 2):
        drawn = [_image(60 * k, 40 * k, _scaled(picture, k))]
        for red in drawn + _svgs(picture, 60 * k, 40 * k, tmp_path):
            dark = np.nonzero(red[:, 30 * k] < 128)[0]
            assert dark.min() >= 19 * k - 1 and dark.max() <= 21 * k + 1
            assert len(dark) == 2 * k


def test_a_clip_set_under_a_transform_clips_in_both_formats(qapp, tmp_path):
    def draw(p: QPainter) -> None:
        p.translate(10, 10)
        p.save()
        p.setClipRect(QRectF(0, 0, 20, 20))
        p.fillRect(QRectF(-10, -10, 80, 80), QColor("blue"))
        p.restore()
        p.fillRect(QRectF(30, 0, 5, 5), QColor("blue"))  # after restore: no clip

    picture = record(60, 40, 96, draw)
    expected = np.full((40, 60), 255)
    expected[10:30, 10:30] = 0
    expected[10:15, 40:45] = 0
    for red in [_image(60, 40, picture.paint), *_svgs(picture, 60, 40, tmp_path)]:
        assert np.abs(red - expected).max() < 10


def test_a_fault_while_recording_is_raised_after_painting(qapp, monkeypatch):
    def broken(*_args):
        raise ValueError("no glyphs")

    monkeypatch.setattr(recorder, "glyphs", broken)
    with pytest.raises(RuntimeError) as info:
        record(60, 40, 96, lambda p: p.drawText(QPointF(5, 20), "MSE"))
    assert isinstance(info.value.__cause__, ValueError)
