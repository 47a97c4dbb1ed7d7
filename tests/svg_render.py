"""Render an SVG file as a reader's program would: Qt's QSvgRenderer, or librsvg's rsvg-convert.

Both give a QImage of a requested size, so a test can compare the pixels with the PNG export.
"""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def qt_render(svg, size) -> QImage:
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def rsvg_render(svg, size) -> QImage:
    """librsvg's picture of ``svg``; skips the calling test when rsvg-convert is missing."""
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert is not on PATH (Debian package librsvg2-bin)")
    out = svg.with_suffix(".rsvg.png")
    w, h = size.width(), size.height()
    subprocess.run(
        ["rsvg-convert", "-w", str(w), "-h", str(h), "-o", str(out), str(svg)], check=True
    )
    return QImage(str(out))


RENDERERS = {"QSvgRenderer": qt_render, "rsvg-convert": rsvg_render}


def installed_renderers() -> list:
    """The renderers this machine has (QSvgRenderer always; rsvg-convert when on PATH)."""
    return [qt_render] + ([rsvg_render] if shutil.which("rsvg-convert") else [])


def pixels(image: QImage) -> np.ndarray:
    """RGB of ``image`` laid on white, as floats (height, width, 3)."""
    flat = QImage(image.size(), QImage.Format.Format_RGB888)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    data = np.frombuffer(flat.constBits(), np.uint8, flat.sizeInBytes())
    rows = data.reshape(flat.height(), flat.bytesPerLine())[:, : flat.width() * 3]
    return rows.reshape(flat.height(), flat.width(), 3).astype(float)
