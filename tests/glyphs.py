"""Glyph heights measured from rendered pixels (shared by the legibility tests)."""

from __future__ import annotations

from collections import Counter

import numpy as np
from PySide6.QtGui import QImage


def ink_mask(image: QImage) -> np.ndarray:
    """Pixels that differ clearly from the image's background (its most common colour)."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    raw = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.bytesPerLine() * h)
    rgb = raw.reshape(h, img.bytesPerLine() // 4, 4)[:, :w, :3].astype(int)
    flat = rgb.reshape(-1, 3)
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    ground = colours[counts.argmax()]
    return np.abs(rgb - ground).sum(axis=2) > 3 * 110


def glyph_heights(mask: np.ndarray) -> list[int]:
    """Heights of the glyphs: ink split into lines by blank rows, then glyphs by blank columns."""
    heights = []
    rows = mask.any(axis=1)
    y = 0
    while y < len(rows):
        if not rows[y]:
            y += 1
            continue
        top = y
        while y < len(rows) and rows[y]:
            y += 1
        line = mask[top:y]
        cols = line.any(axis=0)
        x = 0
        while x < len(cols):
            if not cols[x]:
                x += 1
                continue
            left = x
            while x < len(cols) and cols[x]:
                x += 1
            ys = np.where(line[:, left:x].any(axis=1))[0]
            if x - left <= ys[-1] - ys[0] + 1:  # narrow glyphs (digits, letters), not bars
                heights.append(int(ys[-1] - ys[0] + 1))
    return heights


def digit_height(image: QImage) -> int:
    """The most common glyph height: that of the digits in a line of numbers."""
    heights = glyph_heights(ink_mask(image))
    assert heights, "no glyphs found"
    return Counter(heights).most_common(1)[0][0]
